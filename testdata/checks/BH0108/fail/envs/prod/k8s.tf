provider "kubernetes" {
  config_context = "shared-cluster"
}
