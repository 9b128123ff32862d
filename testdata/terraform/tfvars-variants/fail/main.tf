variable "public" {
  type = bool
}

resource "aws_db_instance" "orders" {
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.t3.micro"
  username                    = "orders_owner"
  manage_master_user_password = true
  publicly_accessible         = var.public
}
