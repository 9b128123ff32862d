resource "aws_ami_launch_permission" "public" {
  image_id = aws_ami.golden.id
  group    = "all" # expect: BH0423
}

resource "aws_db_snapshot" "export" {
  db_instance_identifier = aws_db_instance.orders.identifier
  db_snapshot_identifier = "orders-export"
  shared_accounts        = ["all"] # expect: BH0423
}

resource "aws_ssm_document" "runbook" {
  name          = "runbook"
  document_type = "Command"
  content       = file("runbook.json")
  permissions = {
    type        = "Share"
    account_ids = "All" # expect: BH0423
  }
}
