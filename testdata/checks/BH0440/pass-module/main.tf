# A secret of the root module rotated by a local module.
resource "aws_secretsmanager_secret" "db" {
  name = "app/db-credentials"
}

module "db_rotation" {
  source    = "./modules/rotation"
  secret_id = aws_secretsmanager_secret.db.id
}
