terraform {
  backend "s3" {
    bucket = "acme-terraform-state"
    key    = "prod/network.tfstate"
    region = "eu-west-1"
  }
}
