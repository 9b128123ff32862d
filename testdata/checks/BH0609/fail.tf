resource "aws_iam_user" "admin" {
  name = "Admin" # expect: BH0609
}

variable "ci_user" {
  default = "test" # expect: BH0609
}

resource "aws_iam_user" "ci" {
  name = var.ci_user
}
