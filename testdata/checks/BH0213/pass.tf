resource "aws_efs_file_system" "shared" {
  creation_token = "shared"
  encrypted      = true
}

resource "aws_efs_file_system" "keyed" {
  creation_token = "keyed"
  encrypted      = true
  kms_key_id     = aws_kms_key.efs.arn
}

resource "aws_efs_file_system" "configurable" {
  creation_token = "configurable"
  encrypted      = var.encrypted
}
