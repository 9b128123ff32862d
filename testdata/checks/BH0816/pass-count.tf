# Flow logs that refer to count instances cover the instances.
variable "zones" {
  type    = list(string)
  default = ["a", "b"]
}

resource "aws_vpc" "zone" {
  count      = length(var.zones)
  cidr_block = "10.${count.index}.0.0/16"
}

resource "aws_flow_log" "zone" {
  count           = length(var.zones)
  vpc_id          = aws_vpc.zone[count.index].id
  traffic_type    = "ALL"
  log_destination = "arn:aws:logs:eu-west-1:111122223333:log-group:flow"
}

resource "aws_vpc" "single" {
  count      = 1
  cidr_block = "10.20.0.0/16"
}

resource "aws_flow_log" "single" {
  vpc_id          = aws_vpc.single[0].id
  traffic_type    = "ALL"
  log_destination = "arn:aws:logs:eu-west-1:111122223333:log-group:flow"
}

# for_each over the VPCs themselves.
resource "aws_vpc" "env" {
  for_each   = { dev = "10.30.0.0/16", prod = "10.31.0.0/16" }
  cidr_block = each.value
}

resource "aws_flow_log" "env" {
  for_each        = aws_vpc.env
  vpc_id          = each.value.id
  traffic_type    = "ALL"
  log_destination = "arn:aws:logs:eu-west-1:111122223333:log-group:flow"
}

# An instance count that is not known until apply.
variable "replicas" {
  type = number
}

resource "aws_vpc" "replica" {
  count      = var.replicas
  cidr_block = "10.40.0.0/16"
}

resource "aws_flow_log" "replica" {
  count           = var.replicas
  vpc_id          = aws_vpc.replica[count.index].id
  traffic_type    = "ALL"
  log_destination = "arn:aws:logs:eu-west-1:111122223333:log-group:flow"
}
