resource "azurerm_linux_function_app" "jobs" {
  name                 = "func-jobs-prod"
  resource_group_name  = "rg-jobs"
  location             = "westeurope"
  service_plan_id      = azurerm_service_plan.jobs.id
  storage_account_name = azurerm_storage_account.jobs.name
  https_only           = true

  site_config {
    remote_debugging_enabled = false
  }
}

# Default: off.
resource "azurerm_windows_web_app" "shop" {
  name                = "app-shop"
  resource_group_name = "rg-shop"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.shop.id

  site_config {}
}

# Only switched on outside production, by a variable without a default.
resource "azurerm_linux_web_app" "portal" {
  name                = "app-portal"
  resource_group_name = "rg-portal"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.portal.id

  site_config {
    remote_debugging_enabled = var.debugging
  }
}
