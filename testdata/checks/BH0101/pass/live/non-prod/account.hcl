locals {
  account_name   = "non-prod"
  aws_account_id = "222222222222"
}
