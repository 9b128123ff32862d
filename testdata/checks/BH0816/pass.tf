resource "aws_vpc" "main" {
  cidr_block = "10.0.0.0/16"
}

resource "aws_flow_log" "main" {
  vpc_id          = aws_vpc.main.id
  traffic_type    = "ALL"
  iam_role_arn    = aws_iam_role.flow_logs.arn
  log_destination = aws_cloudwatch_log_group.flow_logs.arn
}

# The id read through a string template and a local.
resource "aws_vpc" "app" {
  cidr_block = "10.1.0.0/16"
}

locals {
  app_vpc = "${aws_vpc.app.id}"
}

resource "aws_flow_log" "app" {
  vpc_id               = local.app_vpc
  traffic_type         = "REJECT"
  log_destination_type = "s3"
  log_destination      = "arn:aws:s3:::example-flow-logs"
}
