provider "kubernetes" {
  config_context = "prod-cluster"
}
