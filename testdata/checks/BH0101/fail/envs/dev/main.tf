provider "aws" {
  region = "eu-west-1"
  assume_role {
    role_arn = "arn:aws:iam::111111111111:role/deployer" # expect: BH0101
  }
}

resource "aws_s3_bucket" "assets" {
  bucket = "acme-dev-assets"
}
