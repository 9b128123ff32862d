# The VPC of a local module whose own flow log is switched off, without a
# flow log anywhere else.
module "network" {
  source               = "./modules/network"
  cidr                 = "10.0.0.0/16"
  flow_log_destination = ""
}

# A remote module that receives another VPC's id cannot cover this one.
resource "aws_vpc" "other" {
  cidr_block = "10.9.0.0/16"
}

module "flow_logs" {
  source  = "example-org/vpc-flow-logs/aws"
  version = "1.0.0"
  vpc_id  = aws_vpc.other.id
}
