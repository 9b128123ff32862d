resource "aws_ebs_volume" "data" { # expect: BH0212
  availability_zone = "eu-central-1a"
  size              = 100
}
