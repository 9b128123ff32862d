# Registry-level scanning configured by a local module.
module "registry" {
  source = "./modules/registry"
}

resource "aws_ecr_repository" "app" {
  name                 = "app"
  image_tag_mutability = "IMMUTABLE"
}
