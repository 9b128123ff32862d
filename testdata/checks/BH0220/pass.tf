resource "aws_lb" "web" {
  name                       = "web"
  load_balancer_type         = "application"
  subnets                    = var.public_subnets
  drop_invalid_header_fields = true
}

# Network and gateway load balancers do not parse HTTP.
resource "aws_lb" "nlb" {
  name               = "nlb"
  load_balancer_type = "network"
  subnets            = var.public_subnets
}

resource "aws_lb" "configurable" {
  name                       = "configurable"
  subnets                    = var.public_subnets
  drop_invalid_header_fields = var.drop_invalid_header_fields
}
