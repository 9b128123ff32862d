provider "aws" {
  allowed_account_ids = ["222222222222"]
}

resource "aws_vpc" "main" {
  cidr_block = "10.20.0.0/16"
}
