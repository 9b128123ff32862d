provider "aws" {
  allowed_account_ids = ["222222222222"]
}

resource "aws_db_instance" "orders" {
  identifier          = "orders-staging"
  instance_class      = "db.t3.medium"
  snapshot_identifier = "arn:aws:rds:eu-west-1:111111111111:snapshot:orders-nightly" # expect: BH0107
}

resource "aws_ebs_volume" "reports" {
  availability_zone = "eu-west-1a"
  snapshot_id       = "snap-prod-reports-2024" # expect: BH0107
}
