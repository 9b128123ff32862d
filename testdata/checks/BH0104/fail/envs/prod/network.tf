provider "aws" {
  allowed_account_ids = ["111111111111"]
}

resource "aws_vpc" "main" {
  cidr_block = "10.10.0.0/16"
}

resource "aws_security_group" "db" {
  name   = "db"
  vpc_id = aws_vpc.main.id

  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.20.0.0/16"] # expect: BH0104
  }

  # An address plan for all internal networks is not aimed at one environment.
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/8"]
  }
}

resource "aws_vpc_peering_connection" "shared_services" {
  vpc_id        = aws_vpc.main.id
  peer_vpc_id   = "vpc-0a1b2c3d4e5f60718"
  peer_owner_id = "222222222222" # expect: BH0104
}
