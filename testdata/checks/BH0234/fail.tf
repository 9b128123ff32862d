resource "azurerm_linux_function_app" "jobs" {
  name                 = "func-jobs-prod"
  resource_group_name  = "rg-jobs"
  location             = "westeurope"
  service_plan_id      = azurerm_service_plan.jobs.id
  storage_account_name = azurerm_storage_account.jobs.name
  https_only           = true

  site_config {
    remote_debugging_enabled = true # expect: BH0234
    remote_debugging_version = "VS2022"
  }
}

resource "azurerm_app_service" "legacy" {
  name                = "app-legacy"
  location            = "westeurope"
  resource_group_name = "rg-legacy"
  app_service_plan_id = azurerm_app_service_plan.legacy.id

  site_config {
    remote_debugging_enabled = "true" # expect: BH0234
  }
}
