provider "aws" {
  allowed_account_ids = ["111111111111"]
}

data "aws_secretsmanager_secret_version" "db" {
  secret_id = "arn:aws:secretsmanager:eu-west-1:111111111111:secret:shop/db-AbCdEf"
}
