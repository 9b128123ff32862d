resource "azurerm_mssql_firewall_rule" "everyone" {
  name             = "AllowAll"
  server_id        = azurerm_mssql_server.crm.id
  start_ip_address = "0.0.0.0" # expect: BH0535
  end_ip_address   = "255.255.255.255"
}

resource "azurerm_postgresql_flexible_server_firewall_rule" "wide" {
  name             = "wide"
  server_id        = azurerm_postgresql_flexible_server.main.id
  start_ip_address = var.fw_start
  end_ip_address   = "255.255.255.254"
}

variable "fw_start" {
  default = "0.0.0.1" # expect: BH0535
}
