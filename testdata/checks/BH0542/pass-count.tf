resource "aws_api_gateway_rest_api" "shop" {
  name = "shop"
}

resource "aws_api_gateway_stage" "stage" {
  count         = 2
  stage_name    = "stage${count.index}"
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  deployment_id = "abc123"
}

resource "aws_wafv2_web_acl_association" "stage" {
  count        = 2
  resource_arn = aws_api_gateway_stage.stage[count.index].arn
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/api/0a1b2c3d"
}
