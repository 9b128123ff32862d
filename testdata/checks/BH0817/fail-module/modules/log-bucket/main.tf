variable "name" {
  type = string
}

resource "aws_s3_bucket" "this" { # expect: BH0817
  bucket = var.name
}

output "id" {
  value = aws_s3_bucket.this.id
}
