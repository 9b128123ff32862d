# Versioning for count instances, and a trail per instance.
resource "aws_s3_bucket" "trail" {
  count  = 2
  bucket = "example-trail-${count.index}"
}

resource "aws_s3_bucket_versioning" "trail" {
  count  = 2
  bucket = aws_s3_bucket.trail[count.index].id
  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_cloudtrail" "main" {
  count          = 2
  name           = "trail-${count.index}"
  s3_bucket_name = aws_s3_bucket.trail[count.index].id
}
