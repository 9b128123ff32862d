resource "aws_lambda_permission" "events" {
  statement_id  = "AllowEventBridge"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.report.function_name
  principal     = "events.amazonaws.com"
  source_arn    = aws_cloudwatch_event_rule.nightly.arn
}

# "*" restricted to the organisation.
resource "aws_lambda_permission" "org" {
  statement_id     = "AllowOrg"
  action           = "lambda:InvokeFunction"
  function_name    = aws_lambda_function.report.function_name
  principal        = "*"
  principal_org_id = "o-a1b2c3d4e5"
}

# "*" restricted by a source ARN known only after apply.
resource "aws_lambda_permission" "bucket" {
  statement_id  = "AllowBucket"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.report.function_name
  principal     = "*"
  source_arn    = aws_s3_bucket.uploads.arn
}

# Function URL permission: judged by BH0526 on the URL.
resource "aws_lambda_permission" "url" {
  statement_id           = "AllowUrl"
  action                 = "lambda:InvokeFunctionUrl"
  function_name          = aws_lambda_function.report.function_name
  principal              = "*"
  function_url_auth_type = "AWS_IAM"
}

resource "aws_lambda_permission" "configurable" {
  statement_id  = "AllowConfigured"
  action        = "lambda:InvokeFunction"
  function_name = aws_lambda_function.report.function_name
  principal     = var.principal
}
