resource "aws_secretsmanager_secret" "db" { # expect: BH0440
  name = "app/db-credentials"
}

# Rotated: not reported, and its rotation does not cover the others.
resource "aws_secretsmanager_secret" "api" {
  name = "app/api-key"
}

resource "aws_secretsmanager_secret_rotation" "api" {
  secret_id           = aws_secretsmanager_secret.api.id
  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111122223333:function:rotate"

  rotation_rules {
    automatically_after_days = 30
  }
}
