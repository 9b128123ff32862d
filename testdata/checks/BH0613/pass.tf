resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-cloudtrail-logs"
  kms_key_id     = aws_kms_key.trail.arn
}

resource "aws_cloudtrail" "configurable" {
  name           = "configurable"
  s3_bucket_name = "acme-cloudtrail-logs"
  kms_key_id     = var.kms_key_id
}
