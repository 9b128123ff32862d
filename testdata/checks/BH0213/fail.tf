resource "aws_efs_file_system" "shared" { # expect: BH0213
  creation_token = "shared"
}

resource "aws_efs_file_system" "home" {
  creation_token = "home"
  encrypted      = false # expect: BH0213
}
