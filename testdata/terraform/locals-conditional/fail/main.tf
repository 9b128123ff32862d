variable "env" {
  type    = string
  default = "dev"
}

locals {
  is_prod   = var.env == "prod"
  exposure  = local.is_prod ? "private" : "public"
  public_db = local.exposure == "public" # expect: BH0504
}

resource "aws_db_instance" "orders" {
  identifier                  = "orders-${var.env}"
  engine                      = "postgres"
  instance_class              = "db.t3.micro"
  username                    = "orders_owner"
  manage_master_user_password = true
  publicly_accessible         = local.public_db
}
