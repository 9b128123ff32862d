resource "aws_lambda_function_url" "hook" {
  function_name      = aws_lambda_function.hook.function_name
  authorization_type = "AWS_IAM"
}

resource "aws_lambda_function_url" "configurable" {
  function_name      = aws_lambda_function.hook.function_name
  authorization_type = var.authorization_type
}
