# A Terraform module in the report fixture. The report tests run only
# BH0301 and BH0311, so this file is scanned without findings.
resource "aws_instance" "web" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = "required"
  }
}
