variable "subnets" {
  type = list(object({ name = string, cidr = string, admin = bool }))
  default = [
    { name = "office", cidr = "203.0.113.0/24", admin = false },
    { name = "anywhere", cidr = "0.0.0.0/0", admin = true }, # expect: BH0601
    { name = "vpn", cidr = "10.8.0.0/16", admin = true },
  ]
}

locals {
  # for expression with a condition, then a splat over the result
  admin_subnets = [for s in var.subnets : s if s.admin]
  admin_cidrs   = local.admin_subnets[*].cidr
}

resource "aws_security_group" "bastion" {
  name        = "bastion"
  description = "SSH for ${length(local.admin_cidrs)} admin networks"
}

# The rule joins its group through a reference that stays unknown until apply.
resource "aws_security_group_rule" "ssh" {
  type              = "ingress"
  security_group_id = aws_security_group.bastion.id
  from_port         = 22
  to_port           = 22
  protocol          = "tcp"
  cidr_blocks       = local.admin_cidrs
}
