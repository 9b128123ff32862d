variable "names" {
  type    = list(string)
  default = ["reports", "exports"]
}

resource "aws_s3_bucket" "this" {
  count  = length(var.names)
  bucket = "example-${var.names[count.index]}"
}

resource "aws_s3_bucket_public_access_block" "this" {
  count                   = length(var.names)
  bucket                  = aws_s3_bucket.this[count.index].id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket" "named" {
  for_each = toset(var.names)
  bucket   = "example-named-${each.key}"
}

resource "aws_s3_bucket_public_access_block" "named" {
  for_each                = aws_s3_bucket.named
  bucket                  = each.value.id
  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}
