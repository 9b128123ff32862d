resource "azurerm_postgresql_server" "legacy" {
  name                    = "psql-legacy"
  resource_group_name     = "rg-data"
  location                = "westeurope"
  sku_name                = "GP_Gen5_2"
  version                 = "11"
  ssl_enforcement_enabled = false # expect: BH0533
}

resource "azurerm_mysql_flexible_server_configuration" "transport" {
  name                = "require_secure_transport"
  resource_group_name = "rg-data"
  server_name         = azurerm_mysql_flexible_server.main.name
  value               = "OFF" # expect: BH0533
}

resource "azurerm_redis_cache" "sessions" {
  name                 = "redis-sessions"
  resource_group_name  = "rg-web"
  location             = "westeurope"
  capacity             = 1
  family               = "C"
  sku_name             = "Standard"
  non_ssl_port_enabled = true # expect: BH0533
}

resource "azurerm_redis_cache" "legacy" {
  name                = "redis-legacy"
  resource_group_name = "rg-web"
  location            = "westeurope"
  capacity            = 1
  family              = "C"
  sku_name            = "Basic"
  enable_non_ssl_port = var.plain_port
}

variable "plain_port" {
  default = true # expect: BH0533
}
