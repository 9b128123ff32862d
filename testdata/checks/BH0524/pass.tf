# Public-looking principal restricted by a condition.
resource "aws_s3_bucket_policy" "cloudfront" {
  bucket = aws_s3_bucket.assets.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = "*"
      Action    = "s3:GetObject"
      Resource  = "arn:aws:s3:::assets/*"
      Condition = { StringEquals = { "aws:SourceVpce" = "vpce-0123456789abcdef0" } }
    }]
  })
}

# Deny statements with Principal "*" are the usual guard rails.
resource "aws_s3_bucket_policy" "tls_only" {
  bucket = aws_s3_bucket.data.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Deny"
      Principal = "*"
      Action    = "s3:*"
      Resource  = ["arn:aws:s3:::data", "arn:aws:s3:::data/*"]
      Condition = { Bool = { "aws:SecureTransport" = "false" } }
    }]
  })
}

# The default SNS topic policy: Principal "*" limited to the owner account.
resource "aws_sns_topic_policy" "alerts" {
  arn    = aws_sns_topic.alerts.arn
  policy = <<EOF
{
  "Version": "2012-10-17",
  "Statement": [{
    "Effect": "Allow",
    "Principal": {"AWS": "*"},
    "Action": ["SNS:Publish", "SNS:Subscribe"],
    "Resource": "*",
    "Condition": {"StringEquals": {"AWS:SourceOwner": "123456789012"}}
  }]
}
EOF
}

# Named account principals.
resource "aws_kms_key" "data" {
  description         = "data"
  enable_key_rotation = true
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "arn:aws:iam::123456789012:root" }
      Action    = "kms:*"
      Resource  = "*"
    }]
  })
}

# A search domain inside a VPC: the network keeps the internet out.
resource "aws_opensearch_domain" "internal" {
  domain_name = "internal"
  vpc_options {
    subnet_ids = var.private_subnets
  }
  access_policies = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "es:*"
      Resource  = "arn:aws:es:eu-central-1:123456789012:domain/internal/*"
    }]
  })
}

# Principal from a variable without a value: unknown.
resource "aws_sqs_queue_policy" "configurable" {
  queue_url = aws_sqs_queue.inbox.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = var.producer_arns }
      Action    = "sqs:SendMessage"
      Resource  = "*"
    }]
  })
}

# Condition generated from a variable without a value: may restrict.
data "aws_iam_policy_document" "conditional" {
  statement {
    actions   = ["s3:GetObject"]
    resources = ["arn:aws:s3:::shared/*"]
    principals {
      type        = "AWS"
      identifiers = ["*"]
    }
    dynamic "condition" {
      for_each = var.org_ids
      content {
        test     = "StringEquals"
        variable = "aws:PrincipalOrgID"
        values   = [condition.value]
      }
    }
  }
}

resource "aws_s3_bucket_policy" "shared" {
  bucket = aws_s3_bucket.shared.id
  policy = data.aws_iam_policy_document.conditional.json
}

# Fine-grained access control authenticates every request: AWS recommends an open policy.
resource "aws_opensearch_domain" "fgac" {
  domain_name = "fgac"
  advanced_security_options {
    enabled                        = true
    internal_user_database_enabled = true
  }
  access_policies = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { AWS = "*" }
      Action    = "es:ESHttp*"
      Resource  = "arn:aws:es:eu-central-1:123456789012:domain/fgac/*"
    }]
  })
}
