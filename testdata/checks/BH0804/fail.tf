resource "aws_api_gateway_stage" "prod" { # expect: BH0804
  stage_name    = "prod"
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  deployment_id = aws_api_gateway_deployment.shop.id
}

resource "aws_apigatewayv2_stage" "default" { # expect: BH0804
  api_id      = aws_apigatewayv2_api.shop.id
  name        = "$default"
  auto_deploy = true
}
