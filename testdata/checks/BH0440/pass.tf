resource "aws_secretsmanager_secret" "db" {
  name = "app/db-credentials"
}

resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = aws_secretsmanager_secret.db.arn
  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111122223333:function:rotate"

  rotation_rules {
    automatically_after_days = 30
  }
}

# Provider versions before 5: rotation configured on the secret.
resource "aws_secretsmanager_secret" "legacy" {
  name                = "app/legacy"
  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111122223333:function:rotate"

  rotation_rules {
    automatically_after_days = 30
  }
}
