resource "aws_lambda_function" "resize" {
  function_name = "resize"
  role          = aws_iam_role.resize.arn
  handler       = "app.handler"
  runtime       = "python3.7" # expect: BH0905
  filename      = "resize.zip"
}

resource "aws_lambda_function" "legacy_go" {
  function_name = "legacy-go"
  role          = aws_iam_role.resize.arn
  handler       = "main"
  runtime       = "go1.x" # expect: BH0905
  filename      = "legacy.zip"
}

variable "node_runtime" {
  default = "nodejs16.x" # expect: BH0905
}

resource "aws_lambda_function" "api" {
  function_name = "api"
  role          = aws_iam_role.api.arn
  handler       = "index.handler"
  runtime       = var.node_runtime
  filename      = "api.zip"
}
