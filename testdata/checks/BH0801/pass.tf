resource "aws_guardduty_detector" "main" {
  enable = true
}

# Enabled by default.
resource "aws_guardduty_detector" "defaults" {}

resource "aws_guardduty_detector" "configurable" {
  enable = var.enable_guardduty
}
