# A VPC of a local module, recorded by a flow log of the root module that
# reads the module's output.
module "network" {
  source               = "./modules/network"
  cidr                 = "10.0.0.0/16"
  flow_log_destination = ""
}

resource "aws_flow_log" "network" {
  vpc_id          = module.network.vpc_id
  traffic_type    = "ALL"
  log_destination = "arn:aws:logs:eu-west-1:111122223333:log-group:flow"
}

# A VPC of the root module, recorded by a flow log inside a local module.
resource "aws_vpc" "main" {
  cidr_block = "10.1.0.0/16"
}

module "main_flow_log" {
  source = "./modules/flow-log"
  vpc_id = aws_vpc.main.id
}

# A VPC passed to a remote module, which may create its flow log.
resource "aws_vpc" "shared" {
  cidr_block = "10.2.0.0/16"
}

module "shared_flow_logs" {
  source  = "example-org/vpc-flow-logs/aws"
  version = "1.0.0"
  vpc_id  = aws_vpc.shared.id
}
