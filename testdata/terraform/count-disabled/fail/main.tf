variable "create_debug_db" {
  type    = bool
  default = true
}

resource "aws_db_instance" "debug" {
  count                       = var.create_debug_db ? 1 : 0
  identifier                  = "debug-${count.index}"
  engine                      = "postgres"
  instance_class              = "db.t3.micro"
  username                    = "debug_owner"
  manage_master_user_password = true
  publicly_accessible         = true # expect: BH0504
}
