resource "aws_redshift_cluster" "dwh" {
  cluster_identifier = "dwh"
  node_type          = "ra3.xlplus"
  encrypted          = false # expect: BH0215
}

resource "aws_redshift_cluster" "staging" {
  cluster_identifier = "staging"
  node_type          = "ra3.xlplus"
  encrypted          = "false" # expect: BH0215
}
