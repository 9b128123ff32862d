resource "aws_ami_launch_permission" "partner" {
  image_id   = aws_ami.golden.id
  account_id = "123456789012"
}

resource "aws_db_snapshot" "export" {
  db_instance_identifier = aws_db_instance.orders.identifier
  db_snapshot_identifier = "orders-export"
  shared_accounts        = ["123456789012", "210987654321"]
}

resource "aws_ssm_document" "runbook" {
  name          = "runbook"
  document_type = "Command"
  content       = "{}"
  permissions = {
    type        = "Share"
    account_ids = "123456789012,210987654321"
  }
}

resource "aws_ami_launch_permission" "configurable" {
  image_id = aws_ami.golden.id
  group    = var.launch_group
}
