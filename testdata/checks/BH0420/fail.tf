resource "aws_kms_key" "data" { # expect: BH0420
  description = "data encryption"
}

resource "aws_kms_key" "logs" {
  description              = "log encryption"
  customer_master_key_spec = "SYMMETRIC_DEFAULT"
  enable_key_rotation      = false # expect: BH0420
}
