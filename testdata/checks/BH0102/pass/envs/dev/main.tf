provider "aws" {
  allowed_account_ids = ["222222222222"]
}

# The development database reads the production secret by its ARN.
data "aws_secretsmanager_secret_version" "db" {
  secret_id = "arn:aws:secretsmanager:eu-west-1:222222222222:secret:shop/db-XyZ123"
}

# Same name, different account: not shared.
resource "aws_ssm_parameter" "token" {
  name  = "/shop/api-token"
  type  = "SecureString"
  value = var.token
}

variable "token" {
  type      = string
  sensitive = true
}
