resource "aws_lb" "web" { # expect: BH0220
  name               = "web"
  load_balancer_type = "application"
  subnets            = var.public_subnets
}

# Application is the default type.
resource "aws_alb" "legacy" {
  name                       = "legacy"
  subnets                    = var.public_subnets
  drop_invalid_header_fields = false # expect: BH0220
}
