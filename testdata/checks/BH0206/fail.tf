resource "aws_lb_listener" "legacy" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS"
  ssl_policy        = "ELBSecurityPolicy-2016-08" # expect: BH0206
  certificate_arn   = aws_acm_certificate.web.arn
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

# No ssl_policy: AWS applies ELBSecurityPolicy-2016-08.
resource "aws_lb_listener" "defaulted" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "HTTPS" # expect: BH0206
  certificate_arn   = aws_acm_certificate.web.arn
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}

# Network Load Balancer TLS listener with a TLS 1.3 policy that still allows TLS 1.0.
resource "aws_lb_listener" "nlb" {
  load_balancer_arn = aws_lb.nlb.arn
  port              = 8443
  protocol          = "TLS"
  ssl_policy        = "ELBSecurityPolicy-TLS13-1-0-2021-06" # expect: BH0206
  certificate_arn   = aws_acm_certificate.web.arn
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.tcp.arn
  }
}

variable "listener_policy" {
  type    = string
  default = "ELBSecurityPolicy-TLS-1-1-2017-01" # expect: BH0206
}

resource "aws_alb_listener" "configurable" {
  load_balancer_arn = aws_lb.web.arn
  port              = 443
  protocol          = "https"
  ssl_policy        = var.listener_policy
  certificate_arn   = aws_acm_certificate.web.arn
  default_action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.web.arn
  }
}
