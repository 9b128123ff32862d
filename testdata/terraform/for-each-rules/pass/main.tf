variable "rules" {
  type = map(object({ port = number, cidr = string }))
  default = {
    https = { port = 443, cidr = "0.0.0.0/0" }
    ssh   = { port = 22, cidr = "10.0.0.0/8" }
  }
}

resource "aws_security_group" "bastion" {
  name = "bastion"
}

resource "aws_security_group_rule" "in" {
  for_each          = var.rules
  type              = "ingress"
  security_group_id = aws_security_group.bastion.id
  protocol          = "tcp"
  from_port         = each.value.port
  to_port           = each.value.port
  cidr_blocks       = [each.value.cidr]
}
