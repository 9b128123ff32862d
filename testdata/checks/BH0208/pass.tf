resource "aws_api_gateway_domain_name" "rest" {
  domain_name              = "api.example.com"
  regional_certificate_arn = aws_acm_certificate.api.arn
  security_policy          = "TLS_1_2"
  endpoint_configuration {
    types = ["REGIONAL"]
  }
}

resource "aws_apigatewayv2_domain_name" "http" {
  domain_name = "ws.example.com"
  domain_name_configuration {
    certificate_arn = aws_acm_certificate.api.arn
    endpoint_type   = "REGIONAL"
    security_policy = "TLS_1_2"
  }
}

# Not set: not judged (only the explicit TLS_1_0 policy is reported).
resource "aws_api_gateway_domain_name" "edge" {
  domain_name     = "edge.example.com"
  certificate_arn = aws_acm_certificate.edge.arn
}

# Decided by a variable without a value.
resource "aws_api_gateway_domain_name" "configurable" {
  domain_name              = "cfg.example.com"
  regional_certificate_arn = aws_acm_certificate.api.arn
  security_policy          = var.security_policy
}
