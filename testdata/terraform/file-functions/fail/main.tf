resource "aws_iam_policy" "from_file" {
  name   = "from-file"
  policy = file("${path.module}/policy.json") # expect: BH0402
}

resource "aws_iam_role_policy" "from_template" {
  name = "from-template"
  role = "app"
  policy = templatefile("${path.module}/bucket-policy.json.tftpl", { # expect: BH0402
    resource = "*"
    actions  = ["s3:*"]
  })
}
