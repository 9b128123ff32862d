resource "azurerm_monitor_log_profile" "main" {
  name               = "default"
  categories         = ["Action", "Delete", "Write"]
  locations          = ["global", "westeurope"]
  storage_account_id = azurerm_storage_account.audit.id

  retention_policy {
    enabled = true
    days    = 400
  }
}

# Retention disabled: logs are kept indefinitely.
resource "azurerm_monitor_log_profile" "forever" {
  name               = "forever"
  categories         = ["Action", "Delete", "Write"]
  locations          = ["global"]
  storage_account_id = azurerm_storage_account.audit.id

  retention_policy {
    enabled = false
    days    = 7
  }
}

# 0 days: indefinitely as well.
resource "azurerm_monitor_log_profile" "zero" {
  name               = "zero"
  categories         = ["Action"]
  locations          = ["global"]
  storage_account_id = azurerm_storage_account.audit.id

  retention_policy {
    enabled = true
    days    = 0
  }
}
