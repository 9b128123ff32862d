resource "aws_ssm_parameter" "db_password" {
  name  = "/shop/prod/db/password"
  type  = "String" # expect: BH0419
  value = random_password.db.result
}

resource "aws_ssm_parameter" "api" {
  name  = "shop-api-token"
  type  = "StringList" # expect: BH0419
  value = "a,b"
}
