resource "aws_kms_key" "data" {
  description         = "data encryption"
  enable_key_rotation = true
}

# Asymmetric and HMAC keys cannot be rotated automatically.
resource "aws_kms_key" "signing" {
  description              = "code signing"
  key_usage                = "SIGN_VERIFY"
  customer_master_key_spec = "RSA_4096"
}

resource "aws_kms_key" "hmac" {
  description              = "tokens"
  key_usage                = "GENERATE_VERIFY_MAC"
  customer_master_key_spec = "HMAC_256"
}

resource "aws_kms_key" "configurable" {
  description         = "configurable"
  enable_key_rotation = var.rotate
}
