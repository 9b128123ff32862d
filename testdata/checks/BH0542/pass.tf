resource "aws_api_gateway_rest_api" "shop" {
  name = "shop"
}

resource "aws_api_gateway_stage" "prod" {
  stage_name    = "prod"
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  deployment_id = "abc123"
}

resource "aws_wafv2_web_acl_association" "prod" {
  resource_arn = aws_api_gateway_stage.prod.arn
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/api/0a1b2c3d"
}

# An association whose ARN is built from the API's id.
resource "aws_api_gateway_rest_api" "orders" {
  name = "orders"
}

resource "aws_api_gateway_stage" "orders" {
  stage_name    = "live"
  rest_api_id   = aws_api_gateway_rest_api.orders.id
  deployment_id = "ghi789"
}

resource "aws_wafv2_web_acl_association" "orders" {
  resource_arn = "arn:aws:apigateway:eu-west-1::/restapis/${aws_api_gateway_rest_api.orders.id}/stages/live"
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/api/0a1b2c3d"
}

# Private APIs are reachable only from VPC endpoints.
resource "aws_api_gateway_rest_api" "internal" {
  name = "internal"
  endpoint_configuration {
    types = ["PRIVATE"]
  }
}

resource "aws_api_gateway_stage" "internal" {
  stage_name    = "prod"
  rest_api_id   = aws_api_gateway_rest_api.internal.id
  deployment_id = "jkl012"
}

# An API declared elsewhere may be private.
variable "rest_api_id" {
  type = string
}

resource "aws_api_gateway_stage" "external" {
  stage_name    = "prod"
  rest_api_id   = var.rest_api_id
  deployment_id = "mno345"
}
