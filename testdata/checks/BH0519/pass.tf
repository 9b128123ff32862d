resource "aws_transfer_server" "partners" {
  endpoint_type = "VPC"
  protocols     = ["SFTP", "FTPS"]
}

# SFTP is the default protocol.
resource "aws_transfer_server" "defaults" {
  endpoint_type = "PUBLIC"
}

resource "aws_transfer_server" "configurable" {
  endpoint_type = "VPC"
  protocols     = var.protocols
}
