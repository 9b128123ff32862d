variable "cidr" {
  type = string
}

variable "flow_log_destination" {
  type = string
}

resource "aws_vpc" "this" { # expect: BH0816
  cidr_block = var.cidr
}

resource "aws_flow_log" "this" {
  count           = var.flow_log_destination == "" ? 0 : 1
  vpc_id          = aws_vpc.this.id
  traffic_type    = "ALL"
  log_destination = var.flow_log_destination
}

output "vpc_id" {
  value = aws_vpc.this.id
}
