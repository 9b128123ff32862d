resource "aws_iam_role_policy_attachment" "ci_deploy" {
  role       = aws_iam_role.ci.name
  policy_arn = aws_iam_policy.deploy.arn
}

# Read-only and narrowly scoped managed policies.
resource "aws_iam_role_policy_attachment" "readonly" {
  role       = aws_iam_role.audit.name
  policy_arn = "arn:aws:iam::aws:policy/ReadOnlyAccess"
}

# A customer managed policy that happens to carry the name.
resource "aws_iam_role_policy_attachment" "custom" {
  role       = aws_iam_role.audit.name
  policy_arn = "arn:aws:iam::123456789012:policy/AdministratorAccess"
}

resource "aws_iam_role_policy_attachment" "amplify" {
  role       = aws_iam_role.amplify.name
  policy_arn = "arn:aws:iam::aws:policy/AdministratorAccess-Amplify"
}

resource "aws_iam_role_policy_attachment" "configurable" {
  role       = aws_iam_role.ci.name
  policy_arn = var.policy_arn
}
