variable "env" {
  type = string
}

resource "aws_s3_bucket" "b" {
  bucket = "acme-${var.env}-app"
}
