resource "aws_iam_account_password_policy" "strict" {
  minimum_password_length        = 14
  password_reuse_prevention      = 24
  allow_users_to_change_password = true
}

resource "aws_iam_account_password_policy" "configurable" {
  minimum_password_length   = var.minimum_password_length
  password_reuse_prevention = var.password_reuse_prevention
}
