resource "aws_transfer_server" "partners" {
  endpoint_type = "VPC"
  protocols     = ["SFTP", "FTP"] # expect: BH0519
}

locals {
  legacy_protocols = ["FTP"] # expect: BH0519
}

resource "aws_transfer_server" "legacy" {
  endpoint_type = "VPC"
  protocols     = local.legacy_protocols
}
