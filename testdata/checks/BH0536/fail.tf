resource "azurerm_key_vault" "app" {
  name                     = "kv-app-prod"
  location                 = "westeurope"
  resource_group_name      = "rg-app"
  tenant_id                = var.tenant_id
  sku_name                 = "standard"
  purge_protection_enabled = true

  network_acls {
    default_action = "Allow" # expect: BH0536
    bypass         = "AzureServices"
  }
}

variable "storage_default_action" {
  default = "Allow" # expect: BH0536
}

resource "azurerm_storage_account" "data" {
  name                     = "stdataprod"
  resource_group_name      = "rg-data"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "ZRS"

  network_rules {
    default_action = var.storage_default_action
    ip_rules       = ["203.0.113.10"]
  }
}
