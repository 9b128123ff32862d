resource "aws_ebs_volume" "data" {
  availability_zone = "eu-central-1a"
  size              = 50
  encrypted         = true
}

# Not set: left to the account's encryption-by-default (see BH0212 for volumes).
resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  root_block_device {
    volume_size = 30
  }
}

resource "aws_launch_template" "nodes" {
  name_prefix = "nodes-"
  image_id    = "ami-0123456789abcdef0"
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      encrypted = "true"
    }
  }
}

resource "aws_instance" "configurable" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  root_block_device {
    encrypted = var.encrypted
  }
}

# A different resource with an `encrypted` attribute.
resource "aws_efs_file_system" "shared" {
  encrypted = true
}
