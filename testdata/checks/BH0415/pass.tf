resource "aws_iam_policy" "deployer" {
  name = "deployer"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = "ecs:RunTask"
        Resource = "*"
      },
      {
        Effect   = "Allow"
        Action   = "iam:PassRole"
        Resource = ["arn:aws:iam::123456789012:role/orders-task", "arn:aws:iam::123456789012:role/orders-exec"]
      },
    ]
  })
}

# Read-only IAM actions on every role are not PassRole.
resource "aws_iam_policy" "auditor" {
  name = "auditor"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["iam:GetRole", "iam:ListRoles"]
      Resource = "*"
    }]
  })
}

# Wildcard actions are reported by BH0402, not here.
resource "aws_iam_policy" "admin" {
  name = "admin"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "iam:*", Resource = "*" }]
  })
}

# Denying PassRole everywhere is a guard rail.
resource "aws_iam_policy" "guard" {
  name = "guard"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Deny", Action = "iam:PassRole", Resource = "*" }]
  })
}

resource "aws_iam_role_policy" "configurable" {
  name = "configurable"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "iam:PassRole", Resource = var.passable_roles }]
  })
}
