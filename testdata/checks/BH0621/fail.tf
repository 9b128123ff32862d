resource "azurerm_kubernetes_cluster" "main" {
  name                              = "aks-main"
  location                          = "westeurope"
  resource_group_name               = "rg-aks"
  dns_prefix                        = "main"
  role_based_access_control_enabled = false # expect: BH0621

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }
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

  role_based_access_control {
    enabled = false # expect: BH0621
  }
}
