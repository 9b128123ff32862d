locals {
  account_name   = "prod"
  aws_account_id = "111111111111"
}
