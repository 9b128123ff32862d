resource "azurerm_mssql_server_security_alert_policy" "crm" {
  resource_group_name  = "rg-crm"
  server_name          = azurerm_mssql_server.crm.name
  state                = "Enabled"
  email_account_admins = true
  email_addresses      = ["security@example.com"]
}

resource "azurerm_mssql_server_security_alert_policy" "empty" {
  resource_group_name = "rg-erp"
  server_name         = azurerm_mssql_server.erp.name
  state               = "Enabled"
  disabled_alerts     = []
}

resource "azurerm_mssql_database" "orders" {
  name      = "orders"
  server_id = azurerm_mssql_server.crm.id

  threat_detection_policy {
    state = "Enabled"
  }
}
