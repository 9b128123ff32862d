# The stage of a local module, associated in the root module.
module "api" {
  source = "./modules/api"
  waf    = false
}

resource "aws_wafv2_web_acl_association" "api" {
  resource_arn = module.api.stage_arn
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/api/0a1b2c3d"
}
