resource "aws_ebs_volume" "encrypted" {
  availability_zone = "eu-central-1a"
  size              = 100
  encrypted         = true
}

# Explicitly false: reported by BH0211, not here.
resource "aws_ebs_volume" "explicit" {
  availability_zone = "eu-central-1a"
  size              = 100
  encrypted         = false
}

# Created from a snapshot: inherits its encryption.
resource "aws_ebs_volume" "restored" {
  availability_zone = "eu-central-1a"
  snapshot_id       = "snap-0123456789abcdef0"
}

resource "aws_ebs_volume" "keyed" {
  availability_zone = "eu-central-1a"
  size              = 100
  kms_key_id        = aws_kms_key.ebs.arn
}

resource "aws_ebs_volume" "configurable" {
  availability_zone = "eu-central-1a"
  size              = 100
  encrypted         = var.encrypted
}
