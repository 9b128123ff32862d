resource "aws_kinesis_stream" "events" {
  name            = "events"
  shard_count     = 1
  encryption_type = "KMS"
  kms_key_id      = "alias/aws/kinesis"
}

resource "aws_kinesis_stream" "configurable" {
  name            = "configurable"
  shard_count     = 1
  encryption_type = var.encryption_type
}

# Firehose is a different service with its own settings.
resource "aws_kinesis_firehose_delivery_stream" "archive" {
  name        = "archive"
  destination = "extended_s3"
}
