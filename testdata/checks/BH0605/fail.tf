resource "aws_network_acl_rule" "ssh" {
  network_acl_id = aws_network_acl.public.id
  rule_number    = 100
  egress         = false
  protocol       = "tcp"
  rule_action    = "allow"
  cidr_block     = "0.0.0.0/0" # expect: BH0605
  from_port      = 22
  to_port        = 22
}

resource "aws_network_acl_rule" "rdp_v6" {
  network_acl_id  = aws_network_acl.public.id
  rule_number     = 110
  protocol        = "6"
  rule_action     = "allow"
  ipv6_cidr_block = "::/0" # expect: BH0605
  from_port       = 3000
  to_port         = 4000
}

resource "aws_network_acl" "public" {
  vpc_id = aws_vpc.main.id
  ingress {
    rule_no    = 100
    protocol   = "tcp"
    action     = "allow"
    cidr_block = "10.0.0.0/8"
    from_port  = 22
    to_port    = 22
  }
  ingress {
    rule_no    = 200
    protocol   = "tcp"
    action     = "allow"
    cidr_block = "0.0.0.0/0" # expect: BH0605
    from_port  = 0
    to_port    = 1023
  }
}

variable "office_cidr" {
  default = "0.0.0.0/0" # expect: BH0605
}

resource "aws_default_network_acl" "default" {
  default_network_acl_id = aws_vpc.main.default_network_acl_id
  ingress {
    rule_no    = 100
    protocol   = "tcp"
    action     = "allow"
    cidr_block = var.office_cidr
    from_port  = 3389
    to_port    = 3389
  }
}
