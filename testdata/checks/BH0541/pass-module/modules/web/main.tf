variable "waf" {
  type = bool
}

resource "aws_lb" "this" {
  name    = "web"
  subnets = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
}

resource "aws_wafv2_web_acl_association" "this" {
  count        = var.waf ? 1 : 0
  resource_arn = aws_lb.this.arn
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/web/0a1b2c3d"
}

output "lb_arn" {
  value = aws_lb.this.arn
}
