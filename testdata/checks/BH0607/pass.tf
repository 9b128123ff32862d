# Deactivated key kept for the rotation window.
resource "aws_iam_access_key" "old" {
  user   = aws_iam_user.deploy.name
  status = "Inactive"
}

resource "aws_iam_access_key" "configurable" {
  user   = aws_iam_user.deploy.name
  status = var.key_status
}

# A user without a key.
resource "aws_iam_user" "deploy" {
  name = "deploy"
}
