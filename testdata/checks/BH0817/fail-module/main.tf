# A bucket of a local module that the trail of the root module writes to.
module "trail_bucket" {
  source = "./modules/log-bucket"
  name   = "example-cloudtrail-logs"
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = module.trail_bucket.id
}
