terraform {
  backend "s3" {
    bucket = "acme-terraform-state" # expect: BH0103
    key    = "dev/network.tfstate"
    region = "eu-west-1"
  }
}
