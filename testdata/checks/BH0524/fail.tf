resource "aws_s3_bucket_policy" "assets" {
  bucket = aws_s3_bucket.assets.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = "arn:aws:s3:::assets/*"
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        Sid       = "PublicRead"
        Effect    = "Allow"
        Principal = "*" # expect: BH0524
        Action    = "s3:GetObject"
        Resource  = "arn:aws:s3:::assets/*"
      },
    ]
  })
}

resource "aws_sqs_queue_policy" "inbox" {
  queue_url = aws_sqs_queue.inbox.id
  policy    = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [
    {
      "Effect": "Allow",
      "Principal": {"AWS": "*"}, "Sid": "PublicSend, expect: BH0524 ",
      "Action": "sqs:SendMessage", "Resource": "*"
    }
  ]
}
EOF
}

data "aws_iam_policy_document" "secret" {
  statement {
    actions   = ["secretsmanager:GetSecretValue"]
    resources = ["*"]
    principals {
      type        = "*"
      identifiers = ["*"] # expect: BH0524
    }
  }
}

resource "aws_secretsmanager_secret_policy" "api_key" {
  secret_arn = aws_secretsmanager_secret.api_key.arn
  policy     = data.aws_iam_policy_document.secret.json
}

# A search domain outside a VPC with an open access policy.
resource "aws_opensearch_domain" "search" {
  domain_name = "search"
  access_policies = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = ["*"] } # expect: BH0524
      Action    = "es:*"
      Resource  = "arn:aws:es:eu-central-1:123456789012:domain/search/*"
    }]
  })
}
