resource "aws_kinesis_stream" "events" { # expect: BH0217
  name        = "events"
  shard_count = 1
}

resource "aws_kinesis_stream" "clicks" {
  name            = "clicks"
  shard_count     = 2
  encryption_type = "NONE" # expect: BH0217
}
