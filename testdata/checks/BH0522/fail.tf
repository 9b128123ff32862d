resource "aws_s3_bucket_acl" "assets" {
  bucket = aws_s3_bucket.assets.id
  acl    = "public-read" # expect: BH0522
}

# Provider v3 style: the ACL on the bucket itself.
resource "aws_s3_bucket" "uploads" {
  bucket = "acme-uploads"
  acl    = "public-read-write" # expect: BH0522
}

resource "aws_s3_bucket_acl" "grants" {
  bucket = aws_s3_bucket.shared.id
  access_control_policy {
    owner {
      id = data.aws_canonical_user_id.current.id
    }
    grant {
      permission = "READ"
      grantee {
        type = "Group"
        uri  = "http://acs.amazonaws.com/groups/global/AllUsers" # expect: BH0522
      }
    }
  }
}

variable "bucket_acl" {
  default = "authenticated-read" # expect: BH0522
}

resource "aws_s3_bucket_acl" "configurable" {
  bucket = aws_s3_bucket.reports.id
  acl    = var.bucket_acl
}
