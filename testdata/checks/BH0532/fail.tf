resource "azurerm_storage_account" "data" {
  name                            = "stdataprod"
  resource_group_name             = "rg-data"
  location                        = "westeurope"
  account_tier                    = "Standard"
  account_replication_type        = "ZRS"
  allow_nested_items_to_be_public = true # expect: BH0532
}

resource "azurerm_storage_container" "exports" {
  name                  = "exports"
  storage_account_name  = azurerm_storage_account.data.name
  container_access_type = "container" # expect: BH0532
}

resource "azurerm_storage_container" "images" {
  name                  = "images"
  storage_account_name  = azurerm_storage_account.data.name
  container_access_type = var.images_access
}

variable "images_access" {
  default = "blob" # expect: BH0532
}

# azurerm 2.x attribute name.
resource "azurerm_storage_account" "legacy" {
  name                     = "stlegacy"
  resource_group_name      = "rg-data"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  allow_blob_public_access = true # expect: BH0532
}
