resource "azurerm_network_watcher_flow_log" "app" {
  name                      = "flowlog-app"
  network_watcher_name      = "nw-westeurope"
  resource_group_name       = "NetworkWatcherRG"
  network_security_group_id = azurerm_network_security_group.app.id
  storage_account_id        = azurerm_storage_account.flowlogs.id
  enabled                   = false # expect: BH0811

  retention_policy {
    enabled = true
    days    = 90
  }
}

resource "azurerm_network_watcher_flow_log" "vnet" {
  name                 = "flowlog-vnet"
  network_watcher_name = "nw-westeurope"
  resource_group_name  = "NetworkWatcherRG"
  target_resource_id   = azurerm_virtual_network.app.id
  storage_account_id   = azurerm_storage_account.flowlogs.id
  enabled              = true

  retention_policy {
    enabled = true
    days    = var.flow_log_days
  }
}

variable "flow_log_days" {
  default = 30 # expect: BH0811
}
