resource "aws_cloudtrail" "main" { # expect: BH0610
  name                  = "main"
  s3_bucket_name        = "acme-cloudtrail-logs"
  is_multi_region_trail = true
}

resource "aws_cloudtrail" "data_events" {
  name                       = "data-events"
  s3_bucket_name             = "acme-cloudtrail-logs"
  enable_log_file_validation = false # expect: BH0610
}
