# Service wildcard scoped to one bucket: not every resource.
resource "aws_iam_policy" "artifacts" {
  name   = "artifacts"
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Action": "s3:*",
      "Resource": ["arn:aws:s3:::artifacts", "arn:aws:s3:::artifacts/*"]
    },
    {
      "Effect": "Allow",
      "Action": ["s3:Get*", "s3:List*"],
      "Resource": "*"
    }
  ]
}
EOF
}

# A Deny of everything is a guard rail, not a grant.
resource "aws_iam_policy" "deny_outside_region" {
  name = "deny-outside-region"
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Action    = "*"
      Resource  = "*"
      Condition = { StringNotEquals = { "aws:RequestedRegion" = "eu-central-1" } }
    }]
  })
}

# NotAction is a different pattern (every action except some).
resource "aws_iam_role_policy" "not_action" {
  name = "not-action"
  role = "app"
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", NotAction = "iam:*", Resource = "*" }]
  })
}

# The document comes from elsewhere: unknown here.
resource "aws_iam_role_policy" "from_document" {
  name   = "from-document"
  role   = "app"
  policy = data.aws_iam_policy_document.app.json
}

data "aws_iam_policy_document" "app" {
  statement {
    actions   = ["sqs:SendMessage", "sqs:ReceiveMessage"]
    resources = ["arn:aws:sqs:eu-central-1:123456789012:jobs"]
  }
  statement {
    effect    = "Deny"
    actions   = ["*"]
    resources = ["*"]
    condition {
      test     = "Bool"
      variable = "aws:SecureTransport"
      values   = ["false"]
    }
  }
}

# A wildcard principal in a trust policy is a different problem.
data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["ec2.amazonaws.com"]
    }
  }
}
