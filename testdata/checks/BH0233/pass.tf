resource "azurerm_windows_web_app" "shop" {
  name                = "app-shop-prod"
  resource_group_name = "rg-shop"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.shop.id
  https_only          = true

  site_config {
    ftps_state = "Disabled"
  }
}

resource "azurerm_linux_web_app" "portal" {
  name                = "app-portal"
  resource_group_name = "rg-portal"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.portal.id
  https_only          = true

  site_config {
    ftps_state = "FtpsOnly"
  }
}

# Not set: the newer app resources default to "Disabled".
resource "azurerm_linux_function_app" "jobs" {
  name                 = "func-jobs"
  resource_group_name  = "rg-jobs"
  location             = "westeurope"
  service_plan_id      = azurerm_service_plan.jobs.id
  storage_account_name = azurerm_storage_account.jobs.name
  https_only           = true

  site_config {}
}

# Unknown before deployment.
resource "azurerm_windows_function_app" "configurable" {
  name                 = "func-configurable"
  resource_group_name  = "rg-jobs"
  location             = "westeurope"
  service_plan_id      = azurerm_service_plan.jobs.id
  storage_account_name = azurerm_storage_account.jobs.name
  https_only           = true

  site_config {
    ftps_state = var.ftps_state
  }
}
