# Values that are only known after apply never produce findings.
data "aws_ssm_parameter" "exposure" {
  name = "/orders/db/public"
}

data "terraform_remote_state" "network" {
  backend = "s3"
  config = {
    bucket = "state"
    key    = "network.tfstate"
    region = "eu-west-1"
  }
}

variable "admin_cidr" {
  type = string
}

resource "aws_db_instance" "orders" {
  identifier                  = "orders"
  engine                      = "postgres"
  instance_class              = "db.t3.micro"
  username                    = "orders_owner"
  manage_master_user_password = true
  storage_encrypted           = true
  publicly_accessible         = data.aws_ssm_parameter.exposure.value == "yes"
}

resource "aws_security_group" "ssh" {
  name = "ssh"

  ingress {
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = [var.admin_cidr, data.terraform_remote_state.network.outputs.vpn_cidr]
  }

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = [data.terraform_remote_state.network.outputs.proxy_cidr]
  }
}
