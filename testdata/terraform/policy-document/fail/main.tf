data "aws_iam_policy_document" "app" {
  statement {
    sid       = "App"
    actions   = ["*"] # expect: BH0402
    resources = ["*"]
  }
}

resource "aws_iam_policy" "app" {
  name   = "app"
  policy = data.aws_iam_policy_document.app.json
}
