resource "aws_ssm_parameter" "db_password" {
  name  = "/shop/prod/db/password"
  type  = "SecureString"
  value = random_password.db.result
}

# Not a secret.
resource "aws_ssm_parameter" "db_host" {
  name  = "/shop/prod/db/host"
  type  = "String"
  value = aws_db_instance.orders.address
}

# Names about secrets that are not secrets themselves.
resource "aws_ssm_parameter" "secret_arn" {
  name  = "/shop/prod/db/password_arn"
  type  = "String"
  value = aws_secretsmanager_secret.db.arn
}

resource "aws_ssm_parameter" "configurable" {
  name  = "/shop/prod/api/token"
  type  = var.parameter_type
  value = var.token
}
