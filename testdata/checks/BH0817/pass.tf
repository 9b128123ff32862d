resource "aws_s3_bucket" "trail" {
  bucket = "example-cloudtrail-logs"
}

resource "aws_s3_bucket_versioning" "trail" {
  bucket = aws_s3_bucket.trail.id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
}

# Provider v3: versioning inline.
resource "aws_s3_bucket" "access_logs" {
  bucket = "example-access-logs"

  versioning {
    enabled = true
  }
}

resource "aws_s3_bucket_logging" "data" {
  bucket        = "example-data"
  target_bucket = aws_s3_bucket.access_logs.id
  target_prefix = "data/"
}

# Object lock keeps versions.
resource "aws_s3_bucket" "config" {
  bucket              = "example-config-history"
  object_lock_enabled = true
}

resource "aws_config_delivery_channel" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.config.bucket
}

# Access logging switched off delivers nothing.
resource "aws_s3_bucket" "unused" {
  bucket = "example-unused-lb-logs"
}

resource "aws_lb" "web" {
  name    = "web"
  subnets = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]

  access_logs {
    bucket  = aws_s3_bucket.unused.id
    enabled = false
  }
}

# Flow logs that go to CloudWatch Logs.
resource "aws_s3_bucket" "archive" {
  bucket = "example-archive"
}

resource "aws_flow_log" "main" {
  vpc_id          = "vpc-0a1b2c3d4e5f60718"
  traffic_type    = "ALL"
  log_destination = aws_s3_bucket.archive.arn
}
