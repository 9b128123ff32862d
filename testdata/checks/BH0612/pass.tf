resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = "acme-cloudtrail-logs"
}

resource "aws_cloudtrail" "configurable" {
  name                          = "configurable"
  s3_bucket_name                = "acme-cloudtrail-logs"
  include_global_service_events = var.global_events
}
