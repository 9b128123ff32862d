variable "name" {
  type = string
}

variable "instance_class" {
  type = string
}

variable "publicly_accessible" {
  type    = bool
  default = false
}

variable "master_username" {
  type    = string
  default = "app_owner"
}

resource "aws_db_instance" "this" {
  identifier                  = var.name
  engine                      = "mysql"
  instance_class              = var.instance_class
  username                    = var.master_username
  manage_master_user_password = true
  publicly_accessible         = var.publicly_accessible
  storage_encrypted           = true
}
