variable "internal_cidrs" {
  type    = list(string)
  default = ["10.0.0.0/16", "10.1.0.0/16"]
}

variable "settings" {
  type    = map(any)
  default = { public = true } # expect: BH0504
}

locals {
  egress_cidrs = distinct(concat(var.internal_cidrs, ["0.0.0.0/0"])) # expect: BH0502
}

resource "aws_security_group" "app" {
  name = format("%s-%s", "app", lower("EU"))

  egress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = local.egress_cidrs
  }
}

resource "aws_db_instance" "app" {
  identifier                  = join("-", ["app", "db"])
  engine                      = "postgres"
  instance_class              = "db.t3.micro"
  username                    = "app_owner"
  manage_master_user_password = true
  publicly_accessible         = lookup(var.settings, "public", false)
}
