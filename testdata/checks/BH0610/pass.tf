resource "aws_cloudtrail" "main" {
  name                       = "main"
  s3_bucket_name             = "acme-cloudtrail-logs"
  enable_log_file_validation = true
}

resource "aws_cloudtrail" "configurable" {
  name                       = "configurable"
  s3_bucket_name             = "acme-cloudtrail-logs"
  enable_log_file_validation = var.log_file_validation
}
