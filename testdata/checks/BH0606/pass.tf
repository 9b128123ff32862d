resource "aws_iam_group_policy_attachment" "ops" {
  group      = aws_iam_group.ops.name
  policy_arn = aws_iam_policy.ops.arn
}

resource "aws_iam_role_policy_attachment" "app" {
  role       = aws_iam_role.app.name
  policy_arn = aws_iam_policy.app.arn
}

resource "aws_iam_policy_attachment" "groups_only" {
  name       = "groups-only"
  groups     = [aws_iam_group.ops.name]
  users      = []
  policy_arn = aws_iam_policy.read.arn
}

resource "aws_iam_policy_attachment" "configurable" {
  name       = "configurable"
  users      = var.users
  policy_arn = aws_iam_policy.read.arn
}
