resource "aws_config_configuration_recorder_status" "main" {
  name       = aws_config_configuration_recorder.main.name
  is_enabled = true
}

resource "aws_config_configuration_recorder_status" "configurable" {
  name       = aws_config_configuration_recorder.main.name
  is_enabled = var.recording
}
