resource "azurerm_kubernetes_cluster" "main" {
  name                   = "aks-main"
  location               = "westeurope"
  resource_group_name    = "rg-aks"
  dns_prefix             = "main"
  local_account_disabled = true

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }

  azure_active_directory_role_based_access_control {
    azure_rbac_enabled = true
  }
}

resource "azurerm_kubernetes_cluster" "configurable" {
  name                   = "aks-configurable"
  location               = "westeurope"
  resource_group_name    = "rg-aks"
  dns_prefix             = "configurable"
  local_account_disabled = var.local_account_disabled

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }
}
