# Buckets of the root module covered by blocks made in a local module.
resource "aws_s3_bucket" "reports" {
  bucket = "example-reports"
}

module "reports_block" {
  source = "./modules/bucket"
  bucket = aws_s3_bucket.reports.id
}
