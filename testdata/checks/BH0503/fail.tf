resource "aws_lb_listener" "web" {
  load_balancer_arn = aws_lb.web.arn
  port              = 80
  protocol          = "HTTP" # expect: BH0503

  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

# No protocol: an ALB listener defaults to HTTP.
resource "aws_alb_listener" "legacy" {
  load_balancer_arn = aws_alb.legacy.arn
  port              = 80 # expect: BH0503

  default_action {
    type             = "forward"
    target_group_arn = aws_alb_target_group.legacy.arn
  }
}

# A redirect that keeps the protocol is not an upgrade to HTTPS.
resource "aws_lb_listener" "admin" {
  load_balancer_arn = aws_lb.internal.arn
  port              = 8080
  protocol          = "http" # expect: BH0503

  default_action {
    type = "redirect"
    redirect {
      host        = "admin.internal.example.com"
      status_code = "HTTP_302"
    }
  }
}

resource "aws_elb" "classic" {
  name               = "classic"
  availability_zones = ["eu-central-1a"]

  listener {
    instance_port     = 8000
    instance_protocol = "http"
    lb_port           = 80
    lb_protocol       = "http" # expect: BH0503
  }
}
