provider "aws" {
  allowed_account_ids = ["111111111111"]
}

resource "aws_db_instance" "orders" {
  identifier                  = "orders"
  instance_class              = "db.r6g.large"
  username                    = "orders_owner"
  manage_master_user_password = true
}
