resource "aws_api_gateway_method" "orders_post" {
  rest_api_id   = aws_api_gateway_rest_api.shop.id
  resource_id   = aws_api_gateway_resource.orders.id
  http_method   = "POST"
  authorization = "NONE" # expect: BH0527
}

resource "aws_apigatewayv2_route" "admin" {
  api_id             = aws_apigatewayv2_api.shop.id
  route_key          = "DELETE /admin/{id}"
  authorization_type = "NONE" # expect: BH0527
}
