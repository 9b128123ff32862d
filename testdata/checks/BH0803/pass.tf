resource "aws_lb" "web" {
  name = "web"
  access_logs {
    bucket  = "acme-lb-logs"
    enabled = true
  }
}

resource "aws_lb" "configurable" {
  name = "configurable"
  access_logs {
    bucket  = "acme-lb-logs"
    enabled = var.access_logs_enabled
  }
}
