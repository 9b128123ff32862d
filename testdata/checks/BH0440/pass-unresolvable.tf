# A rotation for a secret named by a variable without value may rotate this one.
variable "secret_id" {
  type = string
}

resource "aws_secretsmanager_secret" "db" {
  name = "app/db-credentials"
}

resource "aws_secretsmanager_secret_rotation" "db" {
  secret_id           = var.secret_id
  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111122223333:function:rotate"

  rotation_rules {
    automatically_after_days = 30
  }
}
