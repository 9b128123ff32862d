# CloudTrail writes into a bucket without versioning (provider v4+ style).
resource "aws_s3_bucket" "trail" { # expect: BH0817
  bucket = "example-cloudtrail-logs"
}

resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = aws_s3_bucket.trail.id
  is_multi_region_trail      = true
  enable_log_file_validation = true
}

# Server access logs of a provider v3 bucket, into a bucket whose versioning
# is off.
resource "aws_s3_bucket" "access_logs" { # expect: BH0817
  bucket = "example-access-logs"
  acl    = "log-delivery-write"

  versioning {
    enabled = false
  }
}

resource "aws_s3_bucket" "data" {
  bucket = "example-data"

  versioning {
    enabled = true
  }

  logging {
    target_bucket = aws_s3_bucket.access_logs.id
    target_prefix = "data/"
  }
}

# Load balancer access logs, versioning suspended.
resource "aws_s3_bucket" "lb_logs" { # expect: BH0817
  bucket = "example-lb-logs"
}

resource "aws_s3_bucket_versioning" "lb_logs" {
  bucket = aws_s3_bucket.lb_logs.id
  versioning_configuration {
    status = "Suspended"
  }
}

resource "aws_lb" "web" {
  name    = "web"
  subnets = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]

  access_logs {
    bucket  = aws_s3_bucket.lb_logs.bucket
    enabled = true
  }
}

# VPC flow logs sent to S3.
resource "aws_s3_bucket" "flow" { # expect: BH0817
  bucket = "example-flow-logs"
}

resource "aws_flow_log" "main" {
  vpc_id               = "vpc-0a1b2c3d4e5f60718"
  traffic_type         = "ALL"
  log_destination_type = "s3"
  log_destination      = "${aws_s3_bucket.flow.arn}/vpc/"
}

# A bucket that receives no logs is not rated by the policy.
resource "aws_s3_bucket" "assets" {
  bucket = "example-assets"
}
