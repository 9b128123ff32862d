resource "aws_sqs_queue" "jobs" {
  name                    = "jobs"
  sqs_managed_sse_enabled = true
}

# SQS-managed encryption is the default.
resource "aws_sqs_queue" "defaults" {
  name = "defaults"
}

# Encrypted with a KMS key instead.
resource "aws_sqs_queue" "kms" {
  name                    = "kms"
  sqs_managed_sse_enabled = false
  kms_master_key_id       = aws_kms_key.queue.arn
}

resource "aws_sqs_queue" "configurable" {
  name                    = "configurable"
  sqs_managed_sse_enabled = var.sse
}
