resource "aws_s3_bucket" "state" {
  bucket = "acme-terraform-state"
}
