provider "aws" {
  region = "eu-west-1"
  assume_role {
    role_arn = "arn:aws:iam::222222222222:role/deployer"
  }
}

resource "aws_s3_bucket" "assets" {
  bucket = "acme-dev-assets"
}
