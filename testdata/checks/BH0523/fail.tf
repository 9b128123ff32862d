resource "aws_s3_bucket_public_access_block" "website" {
  bucket                  = aws_s3_bucket.website.id
  block_public_acls       = true
  block_public_policy     = false # expect: BH0523
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# Settings left out default to false.
resource "aws_s3_bucket_public_access_block" "partial" { # expect: BH0523
  bucket            = aws_s3_bucket.partial.id
  block_public_acls = true
}

resource "aws_s3_account_public_access_block" "account" {
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = false # expect: BH0523
  restrict_public_buckets = true
}
