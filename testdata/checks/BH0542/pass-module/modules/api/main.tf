variable "waf" {
  type = bool
}

resource "aws_api_gateway_rest_api" "this" {
  name = "api"
}

resource "aws_api_gateway_stage" "this" {
  stage_name    = "prod"
  rest_api_id   = aws_api_gateway_rest_api.this.id
  deployment_id = "abc123"
}

resource "aws_wafv2_web_acl_association" "this" {
  count        = var.waf ? 1 : 0
  resource_arn = aws_api_gateway_stage.this.arn
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/api/0a1b2c3d"
}

output "stage_arn" {
  value = aws_api_gateway_stage.this.arn
}
