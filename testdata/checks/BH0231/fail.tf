resource "azurerm_mssql_server" "crm" {
  name                = "sql-crm-prod"
  resource_group_name = "rg-crm"
  location            = "westeurope"
  version             = "12.0"
  minimum_tls_version = "1.1" # expect: BH0231
}

resource "azurerm_mssql_server" "any_tls" {
  name                = "sql-any-tls"
  resource_group_name = "rg-crm"
  location            = "westeurope"
  version             = "12.0"
  minimum_tls_version = "Disabled" # expect: BH0231
}

resource "azurerm_postgresql_server" "legacy" {
  name                             = "psql-legacy"
  resource_group_name              = "rg-data"
  location                         = "westeurope"
  sku_name                         = "GP_Gen5_2"
  version                          = "11"
  ssl_enforcement_enabled          = true
  ssl_minimal_tls_version_enforced = "TLS1_0" # expect: BH0231
}

resource "azurerm_postgresql_flexible_server_configuration" "tls" {
  name      = "ssl_min_protocol_version"
  server_id = azurerm_postgresql_flexible_server.main.id
  value     = "TLSv1.1" # expect: BH0231
}

locals {
  mysql_tls = "TLSv1.1,TLSv1.2" # expect: BH0231
}

resource "azurerm_mysql_flexible_server_configuration" "tls" {
  name                = "tls_version"
  resource_group_name = "rg-data"
  server_name         = azurerm_mysql_flexible_server.main.name
  value               = local.mysql_tls
}
