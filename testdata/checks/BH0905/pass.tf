resource "aws_lambda_function" "resize" {
  function_name = "resize"
  role          = aws_iam_role.resize.arn
  handler       = "app.handler"
  runtime       = "python3.14"
  filename      = "resize.zip"
}

# Container image functions bring their own runtime.
resource "aws_lambda_function" "image" {
  function_name = "image"
  role          = aws_iam_role.resize.arn
  package_type  = "Image"
  image_uri     = "123456789012.dkr.ecr.eu-central-1.amazonaws.com/image:1.4.2"
}

# A runtime the table does not know.
resource "aws_lambda_function" "future" {
  function_name = "future"
  role          = aws_iam_role.resize.arn
  handler       = "index.handler"
  runtime       = "nodejs30.x"
  filename      = "future.zip"
}

resource "aws_lambda_function" "configurable" {
  function_name = "configurable"
  role          = aws_iam_role.resize.arn
  handler       = "index.handler"
  runtime       = var.runtime
  filename      = "configurable.zip"
}
