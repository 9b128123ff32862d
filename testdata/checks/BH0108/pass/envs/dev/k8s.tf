provider "kubernetes" {
  config_context = "dev-cluster"
}
