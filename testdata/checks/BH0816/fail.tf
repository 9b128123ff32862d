# A VPC that no flow log records.
resource "aws_vpc" "main" { # expect: BH0816
  cidr_block = "10.0.0.0/16"
}

# Flow logs on a subnet or a network interface leave the rest of the VPC
# unrecorded.
resource "aws_vpc" "data" { # expect: BH0816
  cidr_block = "10.1.0.0/16"
}

resource "aws_subnet" "data" {
  vpc_id     = aws_vpc.data.id
  cidr_block = "10.1.1.0/24"
}

resource "aws_flow_log" "data_subnet" {
  subnet_id       = aws_subnet.data.id
  traffic_type    = "ALL"
  log_destination = "arn:aws:logs:eu-west-1:111122223333:log-group:flow"
}

# A flow log for a VPC that is not managed here does not cover ours.
resource "aws_flow_log" "shared" {
  vpc_id          = "vpc-0a1b2c3d4e5f60718"
  traffic_type    = "ALL"
  log_destination = "arn:aws:logs:eu-west-1:111122223333:log-group:flow"
}

# Instances are reported.
resource "aws_vpc" "edge" { # expect: BH0816
  count      = 1
  cidr_block = "10.${count.index + 10}.0.0/16"
}

# Covered: not reported.
resource "aws_vpc" "app" {
  cidr_block = "10.2.0.0/16"
}

resource "aws_flow_log" "app" {
  vpc_id          = aws_vpc.app.id
  traffic_type    = "ALL"
  log_destination = "arn:aws:logs:eu-west-1:111122223333:log-group:flow"
}
