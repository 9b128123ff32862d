resource "azurerm_storage_account" "web" {
  name                       = "stwebprod"
  resource_group_name        = "rg-web"
  location                   = "westeurope"
  account_tier               = "Standard"
  account_replication_type   = "LRS"
  https_traffic_only_enabled = false # expect: BH0530
}

# azurerm 3.x attribute name.
resource "azurerm_storage_account" "legacy" {
  name                      = "stlegacy"
  resource_group_name       = "rg-web"
  location                  = "westeurope"
  account_tier              = "Standard"
  account_replication_type  = "LRS"
  enable_https_traffic_only = var.https_only
}

variable "https_only" {
  default = false # expect: BH0530
}
