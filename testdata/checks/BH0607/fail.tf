resource "aws_iam_access_key" "deploy" {
  user = aws_iam_user.deploy.name # expect: BH0607
}

resource "aws_iam_access_key" "backup" {
  user    = "backup" # expect: BH0607
  pgp_key = "keybase:acme"
  status  = "Active"
}
