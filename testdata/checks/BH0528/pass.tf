# No rules: Terraform removes every rule of the default security group.
resource "aws_default_security_group" "default" {
  vpc_id = aws_vpc.main.id
}

resource "aws_default_security_group" "empty_lists" {
  vpc_id  = aws_vpc.other.id
  ingress = []
  egress  = []
}

variable "default_rules" {
  default = []
}

resource "aws_default_security_group" "generated" {
  vpc_id = aws_vpc.third.id
  dynamic "ingress" {
    for_each = var.default_rules
    content {
      from_port = 0
      to_port   = 0
      protocol  = "-1"
      self      = true
    }
  }
}

# An ordinary security group may have rules.
resource "aws_security_group" "app" {
  vpc_id = aws_vpc.main.id
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}
