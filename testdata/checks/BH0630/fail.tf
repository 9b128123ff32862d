resource "azurerm_monitor_log_profile" "main" {
  name               = "default"
  categories         = ["Action", "Delete", "Write"]
  locations          = ["global", "westeurope"]
  storage_account_id = azurerm_storage_account.audit.id

  retention_policy {
    enabled = true
    days    = 30 # expect: BH0630
  }
}
