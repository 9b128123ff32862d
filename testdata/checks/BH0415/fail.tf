resource "aws_iam_policy" "deployer" {
  name = "deployer"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect   = "Allow"
      Action   = ["ecs:RunTask", "iam:PassRole"] # expect: BH0415
      Resource = "*"
    }]
  })
}

resource "aws_iam_role_policy" "launcher" {
  name = "launcher"
  role = aws_iam_role.launcher.id
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Action": ["ec2:RunInstances", "iam:Pass*"], "Sid": "Launch, expect: BH0415 ",
    "Resource": "arn:aws:iam::123456789012:role/*"
  }]
}
EOF
}

data "aws_iam_policy_document" "glue" {
  statement {
    actions   = ["glue:StartJobRun", "iam:PassRole"] # expect: BH0415
    resources = ["*"]
    condition {
      test     = "StringEquals"
      variable = "iam:PassedToService"
      values   = ["glue.amazonaws.com"]
    }
  }
}

resource "aws_iam_policy" "glue" {
  name   = "glue"
  policy = data.aws_iam_policy_document.glue.json
}
