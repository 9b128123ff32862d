resource "azurerm_linux_web_app" "portal" {
  name                = "app-portal-prod"
  resource_group_name = "rg-portal"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.portal.id
  https_only          = true

  site_config {
    minimum_tls_version     = "1.2"
    scm_minimum_tls_version = "1.0" # expect: BH0232
  }
}

resource "azurerm_app_service" "legacy" {
  name                = "app-legacy"
  location            = "westeurope"
  resource_group_name = "rg-legacy"
  app_service_plan_id = azurerm_app_service_plan.legacy.id
  https_only          = true

  site_config {
    min_tls_version = "1.1" # expect: BH0232
  }
}

variable "function_tls" {
  default = "1.0" # expect: BH0232
}

resource "azurerm_windows_function_app" "jobs" {
  name                 = "func-jobs"
  resource_group_name  = "rg-jobs"
  location             = "westeurope"
  service_plan_id      = azurerm_service_plan.jobs.id
  storage_account_name = azurerm_storage_account.jobs.name
  https_only           = true

  site_config {
    minimum_tls_version = var.function_tls
  }
}
