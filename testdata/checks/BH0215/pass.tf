resource "aws_redshift_cluster" "dwh" {
  cluster_identifier = "dwh"
  node_type          = "ra3.xlplus"
  encrypted          = true
  kms_key_id         = aws_kms_key.dwh.arn
}

# Not set: new clusters are encrypted by default.
resource "aws_redshift_cluster" "defaults" {
  cluster_identifier = "defaults"
  node_type          = "ra3.xlplus"
}

resource "aws_redshift_cluster" "configurable" {
  cluster_identifier = "configurable"
  node_type          = "ra3.xlplus"
  encrypted          = var.encrypted
}
