# Neither setting written: 6 characters, no reuse prevention.
resource "aws_iam_account_password_policy" "defaults" { # expect: BH0608
  require_symbols = true
}
