resource "aws_iam_policy" "from_file" {
  name   = "from-file"
  policy = file("${path.module}/policy.json")
}

resource "aws_iam_role_policy" "from_template" {
  name = "from-template"
  role = "app"
  policy = templatefile("${path.module}/bucket-policy.json.tftpl", {
    resource = "*"
    actions  = ["s3:GetObject"]
  })
}
