# The load balancer of a local module whose association is switched off.
module "web" {
  source = "./modules/web"
  waf    = false
}
