resource "azurerm_kubernetes_cluster" "main" { # expect: BH0622
  name                = "aks-main"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "main"

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }
}

resource "azurerm_kubernetes_cluster" "explicit" {
  name                   = "aks-explicit"
  location               = "westeurope"
  resource_group_name    = "rg-aks"
  dns_prefix             = "explicit"
  local_account_disabled = false # expect: BH0622

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }
}
