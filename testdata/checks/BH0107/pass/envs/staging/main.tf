provider "aws" {
  allowed_account_ids = ["222222222222"]
}

resource "aws_db_instance" "orders" {
  identifier          = "orders-staging"
  instance_class      = "db.t3.medium"
  snapshot_identifier = "arn:aws:rds:eu-west-1:222222222222:snapshot:orders-masked"
}

resource "aws_ebs_volume" "reports" {
  availability_zone = "eu-west-1a"
  snapshot_id       = "snap-0a1b2c3d4e5f60718"
}
