resource "aws_ebs_volume" "scratch" {
  availability_zone = "eu-central-1a"
  size              = 50
  encrypted         = false # expect: BH0211
}

resource "aws_instance" "app" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  root_block_device {
    encrypted = true
  }
  ebs_block_device {
    device_name = "/dev/sdf"
    volume_size = 100
    encrypted   = false # expect: BH0211
  }
}

resource "aws_launch_template" "nodes" {
  name_prefix = "nodes-"
  image_id    = "ami-0123456789abcdef0"
  block_device_mappings {
    device_name = "/dev/xvda"
    ebs {
      volume_size = 50
      encrypted   = "false" # expect: BH0211
    }
  }
}

variable "encrypt_root" {
  default = false # expect: BH0211
}

resource "aws_launch_configuration" "legacy" {
  image_id      = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  root_block_device {
    encrypted = var.encrypt_root
  }
}
