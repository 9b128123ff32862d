resource "aws_security_group" "db" {
  name = "db"
  ingress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.0.0.0/16", "0.0.0.0/0"] # expect: BH0421
  }
}

resource "aws_security_group_rule" "redis" {
  type              = "ingress"
  security_group_id = aws_security_group.cache.id
  from_port         = 6379
  to_port           = 6379
  protocol          = "tcp"
  ipv6_cidr_blocks  = ["::/0"] # expect: BH0421
}

resource "aws_vpc_security_group_ingress_rule" "search" {
  security_group_id = aws_security_group.search.id
  ip_protocol       = "tcp"
  from_port         = 9200
  to_port           = 9300
  cidr_ipv4         = "0.0.0.0/0" # expect: BH0421
}

variable "mongo_sources" {
  default = ["0.0.0.0/0"] # expect: BH0421
}

resource "aws_security_group" "mongo" {
  name = "mongo"
  ingress {
    from_port   = 27017
    to_port     = 27017
    protocol    = "tcp"
    cidr_blocks = var.mongo_sources
  }
}
