resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
  ingress { # expect: BH0528
    protocol  = "-1"
    self      = true
    from_port = 0
    to_port   = 0
  }
  egress {
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"]
  }
}

variable "default_egress" {
  default = [{ cidr = "0.0.0.0/0" }]
}

resource "aws_default_security_group" "generated" {
  vpc_id = aws_vpc.other.id
  dynamic "egress" { # expect: BH0528
    for_each = var.default_egress
    content {
      from_port   = 0
      to_port     = 0
      protocol    = "-1"
      cidr_blocks = [egress.value.cidr]
    }
  }
}
