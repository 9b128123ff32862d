# A flow log for a VPC looked up by a data source, which may be this one.
resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
  tags = {
    Name = "main"
  }
}

data "aws_vpc" "main" {
  tags = {
    Name = "main"
  }
  depends_on = [aws_vpc.main]
}

resource "aws_flow_log" "main" {
  vpc_id          = data.aws_vpc.main.id
  traffic_type    = "ALL"
  log_destination = "arn:aws:logs:eu-west-1:111122223333:log-group:flow"
}
