resource "azurerm_key_vault" "app" {
  name                     = "kv-app-prod"
  location                 = "westeurope"
  resource_group_name      = "rg-app"
  tenant_id                = var.tenant_id
  sku_name                 = "standard"
  purge_protection_enabled = true

  network_acls {
    default_action = "Deny"
    bypass         = "AzureServices"
  }
}

# Public network access is off: the default action no longer applies.
resource "azurerm_storage_account" "private" {
  name                          = "stprivate"
  resource_group_name           = "rg-data"
  location                      = "westeurope"
  account_tier                  = "Standard"
  account_replication_type      = "ZRS"
  public_network_access_enabled = false

  network_rules {
    default_action = "Allow"
  }
}

# No network rules at all is not judged here.
resource "azurerm_storage_account" "plain" {
  name                     = "stplain"
  resource_group_name      = "rg-data"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}
