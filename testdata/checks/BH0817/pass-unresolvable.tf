# Versioning for a bucket named by a variable without value may be this
# bucket's: absence cannot be proven.
variable "log_bucket" {
  type = string
}

resource "aws_s3_bucket" "trail" {
  bucket = "example-cloudtrail-logs"
}

resource "aws_s3_bucket_versioning" "logs" {
  bucket = var.log_bucket
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = aws_s3_bucket.trail.id
}
