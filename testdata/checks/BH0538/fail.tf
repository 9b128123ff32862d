resource "azurerm_kubernetes_cluster" "kubenet" { # expect: BH0538
  name                = "aks-kubenet"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "kubenet"

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }
}

resource "azurerm_kubernetes_cluster" "azure_cni" {
  name                = "aks-cni"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "cni"

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }

  network_profile { # expect: BH0538
    network_plugin = "azure"
  }
}

resource "google_container_cluster" "main" { # expect: BH0538
  name               = "main"
  location           = "europe-west3"
  initial_node_count = 1
}

resource "google_container_cluster" "off" {
  name               = "off"
  location           = "europe-west3"
  initial_node_count = 1

  network_policy {
    enabled = false # expect: BH0538
  }
}
