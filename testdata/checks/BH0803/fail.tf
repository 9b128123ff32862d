resource "aws_lb" "web" {
  name = "web"
  access_logs {
    bucket  = "acme-lb-logs"
    enabled = false # expect: BH0803
  }
}

resource "aws_elb" "classic" {
  name               = "classic"
  availability_zones = ["eu-central-1a"]
  access_logs {
    bucket  = "acme-lb-logs"
    enabled = false # expect: BH0803
  }
  listener {
    instance_port     = 8000
    instance_protocol = "http"
    lb_port           = 443
    lb_protocol       = "https"
  }
}
