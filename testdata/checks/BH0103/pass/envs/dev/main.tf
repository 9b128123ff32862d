terraform {
  backend "s3" {
    bucket = "acme-dev-terraform-state"
    key    = "dev/network.tfstate"
    region = "eu-west-1"
  }
}
