provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111111111111"]
}

resource "aws_s3_bucket" "assets" {
  bucket = "acme-prod-assets"
}
