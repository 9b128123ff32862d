resource "azurerm_mssql_server_security_alert_policy" "crm" {
  resource_group_name = "rg-crm"
  server_name         = azurerm_mssql_server.crm.name
  state               = "Enabled"
  disabled_alerts = [
    "Sql_Injection", # expect: BH0812
    "Data_Exfiltration",
  ]
}

resource "azurerm_mssql_server_security_alert_policy" "erp" {
  resource_group_name = "rg-erp"
  server_name         = azurerm_mssql_server.erp.name
  state               = "Disabled" # expect: BH0812
}

resource "azurerm_mssql_database" "orders" {
  name      = "orders"
  server_id = azurerm_mssql_server.crm.id

  threat_detection_policy {
    state = "Disabled" # expect: BH0812
  }
}
