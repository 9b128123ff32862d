variable "certificate" {
  type = string
}

resource "aws_iam_server_certificate" "this" {
  name             = "edge"
  certificate_body = var.certificate
  private_key      = "unused in this fixture"
}
