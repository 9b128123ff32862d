resource "azurerm_storage_account" "data" {
  name                      = "stdataprod"
  resource_group_name       = "rg-data"
  location                  = "westeurope"
  account_tier              = "Standard"
  account_replication_type  = "ZRS"
  shared_access_key_enabled = false
}

resource "azurerm_storage_account" "configurable" {
  name                      = "stconfigurable"
  resource_group_name       = "rg-data"
  location                  = "westeurope"
  account_tier              = "Standard"
  account_replication_type  = "LRS"
  shared_access_key_enabled = var.shared_keys
}
