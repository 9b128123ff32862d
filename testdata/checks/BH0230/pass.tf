resource "azurerm_storage_account" "logs" {
  name                     = "stlogsprod"
  resource_group_name      = "rg-logs"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "GRS"
  min_tls_version          = "TLS1_2"
}

# Not set: TLS1_2 is the default since azurerm 3.0.
resource "azurerm_storage_account" "defaults" {
  name                     = "stdefaults"
  resource_group_name      = "rg-logs"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
}

# Unknown before deployment: not reported.
resource "azurerm_storage_account" "configurable" {
  name                     = "stconfigurable"
  resource_group_name      = "rg-logs"
  location                 = "westeurope"
  account_tier             = "Standard"
  account_replication_type = "LRS"
  min_tls_version          = var.min_tls_version
}

# Same attribute name on another resource type (BH0236 territory).
resource "azurerm_mssql_server" "crm" {
  name                = "sql-crm"
  resource_group_name = "rg-crm"
  location            = "westeurope"
  version             = "12.0"
  minimum_tls_version = "1.2"
}
