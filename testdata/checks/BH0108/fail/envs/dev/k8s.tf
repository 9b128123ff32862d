provider "kubernetes" {
  config_context = "shared-cluster" # expect: BH0108
}
