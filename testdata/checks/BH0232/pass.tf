resource "azurerm_linux_web_app" "portal" {
  name                = "app-portal-prod"
  resource_group_name = "rg-portal"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.portal.id
  https_only          = true

  site_config {
    minimum_tls_version     = "1.2"
    scm_minimum_tls_version = "1.2"
  }
}

# Defaults: TLS 1.2.
resource "azurerm_windows_web_app" "shop" {
  name                = "app-shop"
  resource_group_name = "rg-shop"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.shop.id
  https_only          = true

  site_config {}
}

resource "azurerm_linux_function_app" "jobs" {
  name                 = "func-jobs"
  resource_group_name  = "rg-jobs"
  location             = "westeurope"
  service_plan_id      = azurerm_service_plan.jobs.id
  storage_account_name = azurerm_storage_account.jobs.name
  https_only           = true

  site_config {
    minimum_tls_version = "1.3"
  }
}

# A plan is not an app.
resource "azurerm_service_plan" "jobs" {
  name                = "plan-jobs"
  resource_group_name = "rg-jobs"
  location            = "westeurope"
  os_type             = "Linux"
  sku_name            = "P1v3"
}
