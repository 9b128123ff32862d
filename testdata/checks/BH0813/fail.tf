resource "google_container_cluster" "main" {
  name               = "main"
  location           = "europe-west3"
  initial_node_count = 1
  logging_service    = "none" # expect: BH0813
  monitoring_service = "monitoring.googleapis.com/kubernetes"
}

resource "google_container_cluster" "quiet" {
  name               = "quiet"
  location           = "europe-west3"
  initial_node_count = 1
  monitoring_service = var.monitoring
}

variable "monitoring" {
  default = "none" # expect: BH0813
}

resource "azurerm_kubernetes_cluster" "legacy" {
  name                = "aks-legacy"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "legacy"

  default_node_pool {
    name       = "default"
    node_count = 2
    vm_size    = "Standard_D2_v2"
  }

  addon_profile {
    oms_agent {
      enabled = false # expect: BH0813
    }
  }
}
