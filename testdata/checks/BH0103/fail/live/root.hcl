remote_state {
  backend = "s3"
  config = {
    bucket = "acme-tg-state" # expect: BH0103
    key    = "app/terraform.tfstate"
    region = "eu-west-1"
  }
}
