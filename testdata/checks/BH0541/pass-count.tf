resource "aws_lb" "web" {
  count   = 2
  name    = "web-${count.index}"
  subnets = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
}

resource "aws_wafv2_web_acl_association" "web" {
  count        = 2
  resource_arn = aws_lb.web[count.index].arn
  web_acl_arn  = aws_wafv2_web_acl.regional.arn
}
