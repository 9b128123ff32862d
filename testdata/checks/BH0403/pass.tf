variable "db_password" {
  type      = string
  sensitive = true
}

provider "aws" {
  region = "eu-central-1"
}

resource "aws_db_instance" "main" {
  engine                      = "postgres"
  instance_class              = "db.t3.micro"
  username                    = "app"
  manage_master_user_password = true
  kms_key_id                  = "arn:aws:kms:eu-central-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab"
}

resource "aws_rds_cluster" "orders" {
  engine          = "aurora-postgresql"
  master_username = "orders_owner"
  master_password = var.db_password
}

data "aws_secretsmanager_secret_version" "api" {
  secret_id = "prod/api"
}

resource "kubernetes_secret" "api" {
  metadata {
    name = "api"
  }
  data = {
    api_key = data.aws_secretsmanager_secret_version.api.secret_string
  }
}

resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length = 14
  password_reuse_prevention = 24
  require_symbols         = true
}

resource "aws_secretsmanager_secret" "db" {
  name                    = "prod/db-password"
  recovery_window_in_days = 7
}

resource "azurerm_key_vault_secret" "placeholder" {
  name         = "db-password"
  value        = random_password.db.result
  key_vault_id = azurerm_key_vault.main.id
}

module "db" {
  source      = "./modules/db"
  db_password = var.db_password
  token_url   = "https://login.example.com/oauth/token"
}

locals {
  secret_name   = "prod/api"
  password_file = "/run/secrets/db"
}
