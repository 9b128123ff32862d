variable "name" {
  type = string
}

variable "publicly_accessible" {
  type    = bool
  default = false
}

resource "aws_db_instance" "this" {
  identifier                  = var.name
  engine                      = "postgres"
  instance_class              = "db.t3.micro"
  username                    = "${var.name}_owner"
  manage_master_user_password = true
  publicly_accessible         = var.publicly_accessible
}
