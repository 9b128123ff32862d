# bulkhead:ignore BH0201 -- AMI without IMDSv2 support, replaced in Q3 (RISK-3)
resource "aws_instance" "legacy" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

resource "aws_instance" "worker" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "m6i.large"

  metadata_options {
    http_endpoint = "enabled"
    http_tokens   = "optional" // bulkhead:ignore imds-v1-allowed until=2999-01-01 -- agent update pending (RISK-4)
  }
}
