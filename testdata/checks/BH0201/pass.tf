resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint               = "enabled"
    http_tokens                 = "required"
    http_put_response_hop_limit = 1
  }
}

# The metadata service is switched off: there is nothing to steal.
resource "aws_instance" "isolated" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_endpoint = "disabled"
  }
}

resource "aws_launch_template" "nodes" {
  name_prefix = "nodes-"
  image_id    = "ami-0123456789abcdef0"

  metadata_options {
    http_tokens = "required"
  }
}

# Decided by a variable: unknown before deployment, so not reported.
resource "aws_instance" "configurable" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = var.http_tokens
  }
}

# Not an EC2 instance.
resource "aws_db_instance" "db" {
  engine         = "postgres"
  instance_class = "db.t3.micro"
}

# Generated block: its content is only known at plan time.
resource "aws_launch_template" "generated" {
  name_prefix = "generated-"
  image_id    = "ami-0123456789abcdef0"

  dynamic "metadata_options" {
    for_each = var.metadata_options == null ? [] : [var.metadata_options]
    content {
      http_tokens = metadata_options.value.http_tokens
    }
  }
}
