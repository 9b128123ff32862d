# bulkhead:ignore BH0201 # expect: BH0701
resource "aws_instance" "no_reason" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

// bulkhead:ignore imds-v1-allowed until=2021-06-30 -- legacy AMI without IMDSv2 # expect: BH0701
resource "aws_instance" "expired" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}

/* bulkhead:ignore BH0601 -- bastion reachable only through the VPN */ # expect: BH0701
resource "aws_instance" "unused" {
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"

  metadata_options {
    http_tokens = "required"
  }
}

resource "aws_instance" "unknown" { # bulkhead:ignore BH0201 no-such-check -- batch host (RISK-3) # expect: BH0701
  ami           = "ami-0123456789abcdef0"
  instance_type = "t3.micro"
}
