resource "azurerm_postgresql_server" "legacy" {
  name                             = "psql-legacy"
  resource_group_name              = "rg-data"
  location                         = "westeurope"
  sku_name                         = "GP_Gen5_2"
  version                          = "11"
  ssl_enforcement_enabled          = true
  ssl_minimal_tls_version_enforced = "TLS1_2"
}

resource "azurerm_postgresql_flexible_server_configuration" "transport" {
  name      = "require_secure_transport"
  server_id = azurerm_postgresql_flexible_server.main.id
  value     = "on"
}

# Another parameter set to off.
resource "azurerm_postgresql_flexible_server_configuration" "throttling" {
  name      = "connection_throttle.enable"
  server_id = azurerm_postgresql_flexible_server.main.id
  value     = "off"
}

resource "azurerm_redis_cache" "sessions" {
  name                 = "redis-sessions"
  resource_group_name  = "rg-web"
  location             = "westeurope"
  capacity             = 1
  family               = "C"
  sku_name             = "Standard"
  non_ssl_port_enabled = false
}
