resource "azurerm_mssql_firewall_rule" "office" {
  name             = "Office"
  server_id        = azurerm_mssql_server.crm.id
  start_ip_address = "203.0.113.0"
  end_ip_address   = "203.0.113.255"
}

# "Allow Azure services": a special rule, not the whole internet.
resource "azurerm_mssql_firewall_rule" "azure_services" {
  name             = "AllowAzureServices"
  server_id        = azurerm_mssql_server.crm.id
  start_ip_address = "0.0.0.0"
  end_ip_address   = "0.0.0.0"
}

resource "azurerm_sql_firewall_rule" "vpn" {
  name                = "vpn"
  resource_group_name = "rg-crm"
  server_name         = "sql-crm"
  start_ip_address    = "10.0.0.0"
  end_ip_address      = "10.255.255.255"
}

resource "azurerm_redis_firewall_rule" "configurable" {
  name                = "configurable"
  redis_cache_name    = "redis-sessions"
  resource_group_name = "rg-web"
  start_ip            = var.start
  end_ip              = var.end
}
