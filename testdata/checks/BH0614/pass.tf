resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-cloudtrail-logs"
}

resource "aws_cloudtrail" "configurable" {
  name           = "configurable"
  s3_bucket_name = "acme-cloudtrail-logs"
  enable_logging = var.trail_enabled
}
