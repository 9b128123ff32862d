module "cluster" {
  source = "./modules/cluster"
  name   = "shop"
  abac   = "true" # expect: BH0623
}
