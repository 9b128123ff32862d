resource "aws_cloudtrail" "main" { # expect: BH0611
  name           = "main"
  s3_bucket_name = "acme-cloudtrail-logs"
}

resource "aws_cloudtrail" "regional" {
  name                  = "regional"
  s3_bucket_name        = "acme-cloudtrail-logs"
  is_multi_region_trail = false # expect: BH0611
}
