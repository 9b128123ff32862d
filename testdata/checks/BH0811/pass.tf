resource "azurerm_network_watcher_flow_log" "app" {
  name                      = "flowlog-app"
  network_watcher_name      = "nw-westeurope"
  resource_group_name       = "NetworkWatcherRG"
  network_security_group_id = azurerm_network_security_group.app.id
  storage_account_id        = azurerm_storage_account.flowlogs.id
  enabled                   = true

  retention_policy {
    enabled = true
    days    = 365
  }
}

# Retention disabled: logs are kept indefinitely.
resource "azurerm_network_watcher_flow_log" "forever" {
  name                 = "flowlog-forever"
  network_watcher_name = "nw-westeurope"
  resource_group_name  = "NetworkWatcherRG"
  target_resource_id   = azurerm_virtual_network.app.id
  storage_account_id   = azurerm_storage_account.flowlogs.id
  enabled              = true

  retention_policy {
    enabled = false
    days    = 0
  }
}
