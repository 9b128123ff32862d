resource "aws_instance" "bastion" { # expect: BH0201
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  subnet_id     = var.subnet_id
}

resource "aws_instance" "worker" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "m6i.large"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "optional" # expect: BH0201
  }
}

resource "aws_instance" "batch" { # expect: BH0201
  ami           = "ami-0123456789abcdef0"
  instance_type = "c6i.large"

  metadata_options {
    http_put_response_hop_limit = 2
  }
}

resource "aws_launch_template" "nodes" { # expect: BH0201
  name_prefix   = "nodes-"
  image_id      = "ami-0123456789abcdef0"
  instance_type = "m6i.xlarge"
}

resource "aws_launch_template" "spot" {
  name_prefix = "spot-"
  image_id    = "ami-0123456789abcdef0"

  metadata_options {
    http_tokens = "optional" # expect: BH0201
  }
}
