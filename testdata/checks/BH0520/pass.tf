resource "aws_instance" "app" {
  ami                         = "ami-0123456789abcdef0"
  instance_type               = "t3.micro"
  associate_public_ip_address = false
}

# Not set: follows the subnet (see BH0521).
resource "aws_instance" "worker" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
  subnet_id     = var.private_subnet_id
}

resource "aws_launch_template" "nodes" {
  name_prefix = "nodes-"
  image_id    = "ami-0123456789abcdef0"
  network_interfaces {
    associate_public_ip_address = var.public_ip
  }
}

# An Elastic IP for a NAT gateway is not an instance address.
resource "aws_eip" "nat" {
  domain = "vpc"
}
