module "gateway" {
  source  = "./modules/gateway"
  routing = true # expect: BH0243
}
