# A stage of an edge-optimised REST API (the default endpoint type).
resource "aws_api_gateway_rest_api" "shop" {
  name = "shop"
}

resource "aws_api_gateway_stage" "prod" { # expect: BH0542
  stage_name    = "prod"
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  deployment_id = "abc123"
}

# A regional REST API.
resource "aws_api_gateway_rest_api" "partners" {
  name = "partners"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_api_gateway_stage" "partners" { # expect: BH0542
  stage_name    = "v1"
  rest_api_id   = aws_api_gateway_rest_api.partners.id
  deployment_id = "def456"
}

# Protected: not reported, and its association does not cover the others.
resource "aws_api_gateway_stage" "test" {
  stage_name    = "test"
  rest_api_id   = aws_api_gateway_rest_api.partners.id
  deployment_id = "def456"
}

resource "aws_wafv2_web_acl_association" "test" {
  resource_arn = aws_api_gateway_stage.test.arn
  web_acl_arn  = "arn:aws:wafv2:eu-west-1:111122223333:regional/webacl/api/0a1b2c3d"
}
