resource "aws_iam_user_policy_attachment" "alice_ops" {
  user       = aws_iam_user.alice.name # expect: BH0606
  policy_arn = aws_iam_policy.ops.arn
}

resource "aws_iam_user_policy" "bob_s3" {
  name = "bob-s3"
  user = "bob" # expect: BH0606
  policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "s3:GetObject", Resource = "arn:aws:s3:::reports/*" }]
  })
}

resource "aws_iam_policy_attachment" "readers" {
  name       = "readers"
  users      = ["carol", "dave"] # expect: BH0606
  policy_arn = aws_iam_policy.read.arn
}
