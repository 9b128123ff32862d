variable "guardduty_enabled" {
  type    = bool
  default = true
}

resource "aws_guardduty_detector" "regional" {
  enable = var.guardduty_enabled
}
