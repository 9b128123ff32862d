resource "azurerm_storage_account" "legacy" {
  name                     = "stlegacyprod"
  resource_group_name      = "rg-data"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
  min_tls_version          = "TLS1_0" # expect: BH0230
}

variable "storage_min_tls" {
  type    = string
  default = "TLS1_1" # expect: BH0230
}

resource "azurerm_storage_account" "reports" {
  name                     = "streportsprod"
  resource_group_name      = "rg-data"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version          = var.storage_min_tls
}
