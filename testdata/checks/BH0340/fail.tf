resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = "MUTABLE" # expect: BH0340

  image_scanning_configuration {
    scan_on_push = true
  }
}

# Tags are mutable by default.
resource "aws_ecr_repository" "worker" { # expect: BH0340
  name = "worker"

  image_scanning_configuration {
    scan_on_push = true
  }
}

resource "aws_ecr_repository" "cache" {
  name                 = "cache"
  image_tag_mutability = "MUTABLE_WITH_EXCLUSION" # expect: BH0340

  image_tag_mutability_exclusion_filter {
    filter      = "release-*"
    filter_type = "WILDCARD"
  }
}
