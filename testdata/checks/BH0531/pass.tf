resource "azurerm_linux_web_app" "portal" {
  name                = "app-portal-prod"
  resource_group_name = "rg-portal"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.portal.id
  https_only          = true

  site_config {}
}

resource "azurerm_windows_function_app" "jobs" {
  name                 = "func-jobs"
  resource_group_name  = "rg-jobs"
  location             = "westeurope"
  service_plan_id      = azurerm_service_plan.jobs.id
  storage_account_name = azurerm_storage_account.jobs.name
  https_only           = var.https_only

  site_config {}
}

# Plans and certificates are not apps.
resource "azurerm_service_plan" "portal" {
  name                = "plan-portal"
  resource_group_name = "rg-portal"
  location            = "westeurope"
  os_type             = "Linux"
  sku_name            = "P1v3"
}

resource "azurerm_app_service_plan" "legacy" {
  name                = "plan-legacy"
  location            = "westeurope"
  resource_group_name = "rg-legacy"

  sku {
    tier = "Standard"
    size = "S1"
  }
}
