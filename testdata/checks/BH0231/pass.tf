resource "azurerm_mssql_server" "crm" {
  name                = "sql-crm-prod"
  resource_group_name = "rg-crm"
  location            = "westeurope"
  version             = "12.0"
  minimum_tls_version = "1.2"
}

# Not set: "1.2" is the default.
resource "azurerm_mssql_server" "defaults" {
  name                = "sql-defaults"
  resource_group_name = "rg-crm"
  location            = "westeurope"
  version             = "12.0"
}

resource "azurerm_mysql_server" "shop" {
  name                             = "mysql-shop"
  resource_group_name              = "rg-shop"
  location                         = "westeurope"
  sku_name                         = "GP_Gen5_2"
  version                          = "8.0"
  ssl_enforcement_enabled          = true
  ssl_minimal_tls_version_enforced = "TLS1_2"
}

resource "azurerm_postgresql_flexible_server_configuration" "tls" {
  name      = "ssl_min_protocol_version"
  server_id = azurerm_postgresql_flexible_server.main.id
  value     = "TLSv1.2"
}

resource "azurerm_mysql_flexible_server_configuration" "tls" {
  name                = "tls_version"
  resource_group_name = "rg-data"
  server_name         = azurerm_mysql_flexible_server.main.name
  value               = "TLSv1.2,TLSv1.3"
}

# Another server parameter whose value looks like a TLS version.
resource "azurerm_postgresql_flexible_server_configuration" "max_tls" {
  name      = "ssl_max_protocol_version"
  server_id = azurerm_postgresql_flexible_server.main.id
  value     = "TLSv1.1"
}
