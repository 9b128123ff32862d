# Provider v4+ style: a bucket without a public access block.
resource "aws_s3_bucket" "reports" { # expect: BH0543
  bucket = "example-reports"
}

# Provider v3 style: inline settings, still no public access block.
resource "aws_s3_bucket" "archive" { # expect: BH0543
  bucket = "example-archive"
  acl    = "private"

  versioning {
    enabled = true
  }
}

# Covered: not reported, and its block does not cover the others.
resource "aws_s3_bucket" "assets" {
  bucket = "example-assets"
}

resource "aws_s3_bucket_public_access_block" "assets" {
  bucket                  = aws_s3_bucket.assets.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# A block for a bucket that is not managed here.
resource "aws_s3_bucket_public_access_block" "legacy" {
  bucket                  = "example-legacy-bucket"
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
