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
    kube_dashboard {
      enabled = true # expect: BH0242
    }
  }
}

resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west3"

  addons_config {
    kubernetes_dashboard {
      disabled = false # expect: BH0242
    }
  }
}
