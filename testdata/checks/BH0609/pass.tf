resource "aws_iam_user" "jane" {
  name = "jane.doe"
}

# Contains a generic word but names a person or a purpose.
resource "aws_iam_user" "admin_jane" {
  name = "jane.doe-admin"
}

resource "aws_iam_user" "configurable" {
  name = var.user_name
}

# Roles are not personal accounts.
resource "aws_iam_role" "admin" {
  name               = "admin"
  assume_role_policy = data.aws_iam_policy_document.admin_trust.json
}
