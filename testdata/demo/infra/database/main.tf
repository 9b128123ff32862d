variable "db_password" {
  description = "Master password, injected by the pipeline"
  type        = string
  sensitive   = true
}

resource "aws_db_instance" "orders" {
  identifier          = "orders"
  engine              = "postgres"
  engine_version      = "16.3"
  instance_class      = "db.t3.medium"
  allocated_storage   = 50
  username            = "postgres"
  password            = var.db_password
  publicly_accessible = true
  storage_encrypted   = true
}

resource "aws_iam_policy" "orders_app" {
  name   = "orders-app"
  policy = <<-EOT
    {
      "Version": "2012-10-17",
      "Statement": [
        {
          "Effect": "Allow",
          "Action": "*",
          "Resource": "*"
        }
      ]
    }
  EOT
}

provider "aws" {
  region     = "eu-west-1"
  access_key = "AKIAIOSFODNN7EXAMPLE"
}
