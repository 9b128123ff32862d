# The load balancer of a local module, associated in the root module.
module "web" {
  source = "./modules/web"
  waf    = false
}

resource "aws_wafv2_web_acl_association" "web" {
  resource_arn = module.web.lb_arn
  web_acl_arn  = aws_wafv2_web_acl.regional.arn
}
