# The log bucket and its versioning live in a local module; the trail reads
# the bucket's name from the module.
module "trail_bucket" {
  source = "./modules/log-bucket"
  name   = "example-cloudtrail-logs"
}

resource "aws_cloudtrail" "main" {
  name           = "main"
  s3_bucket_name = module.trail_bucket.id
}
