resource "aws_iam_policy" "ci" {
  name   = "ci-deploy"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": [
        "s3:GetObject",
        "*" # expect: BH0402
      ],
      "Resource": "*"
    }
  ]
}
EOF
}

resource "aws_iam_role_policy" "app" {
  name = "app"
  role = aws_iam_role.app.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = "dynamodb:*" # expect: BH0402
      Resource = "*"
    }]
  })
}

data "aws_iam_policy_document" "admin" {
  statement {
    sid       = "Everything"
    actions   = ["*"] # expect: BH0402
    resources = ["*"]
  }
}

resource "aws_iam_user_policy" "legacy" {
  name   = "legacy"
  user   = "legacy-ci"
  policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*:*\",\"Resource\":\"*\"}]}" # expect: BH0402
}

resource "aws_iam_role" "ops" {
  name               = "ops"
  assume_role_policy = data.aws_iam_policy_document.assume.json

  inline_policy {
    name = "read-logs"
    policy = jsonencode({
      Version   = "2012-10-17"
      Statement = [{ Effect = "Allow", Action = ["logs:GetLogEvents"], Resource = "*" }]
    })
  }

  inline_policy {
    name = "break-glass"
    policy = jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Effect   = "Allow"
        Action   = ["iam:*"] # expect: BH0402
        Resource = ["*"]
      }]
    })
  }
}

resource "aws_iam_group_policy" "devs" {
  name  = "devs"
  group = "developers"
  policy = <<-POLICY
    {
      "Version": "2012-10-17",
      "Statement": {
        "Effect": "Allow",
        "Action": "ec2:*", # expect: BH0402
        "Resource": "*"
      }
    }
  POLICY
}
