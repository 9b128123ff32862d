variable "account_id" {
  type = string
}

variable "environment" {
  type = string
}

provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = [var.account_id]
}

resource "aws_s3_bucket" "assets" {
  bucket = "acme-${var.environment}-assets"
}
