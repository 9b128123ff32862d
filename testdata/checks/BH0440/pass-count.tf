resource "aws_secretsmanager_secret" "tenant" {
  for_each = toset(["a", "b"])
  name     = "tenant/${each.key}"
}

resource "aws_secretsmanager_secret_rotation" "tenant" {
  for_each            = toset(["a", "b"])
  secret_id           = aws_secretsmanager_secret.tenant[each.key].id
  rotation_lambda_arn = "arn:aws:lambda:eu-west-1:111122223333:function:rotate"

  rotation_rules {
    automatically_after_days = 30
  }
}
