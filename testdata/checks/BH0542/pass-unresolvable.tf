# An association with a resource named by a variable without value may
# protect this stage.
variable "protected_arn" {
  type = string
}

resource "aws_api_gateway_rest_api" "shop" {
  name = "shop"
}

resource "aws_api_gateway_stage" "prod" {
  stage_name    = "prod"
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  deployment_id = "abc123"
}

resource "aws_wafv2_web_acl_association" "prod" {
  resource_arn = var.protected_arn
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/api/0a1b2c3d"
}
