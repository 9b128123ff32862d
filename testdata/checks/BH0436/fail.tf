resource "azurerm_storage_account" "data" { # expect: BH0436
  name                     = "stdataprod"
  resource_group_name      = "rg-data"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "ZRS"
}

resource "azurerm_storage_account" "explicit" {
  name                      = "stexplicit"
  resource_group_name       = "rg-data"
  location                  = "westeurope"
  account_tier              = "Standard"
  account_replication_type  = "ZRS"
  shared_access_key_enabled = true # expect: BH0436
}
