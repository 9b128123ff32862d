resource "azurerm_linux_web_app" "portal" { # expect: BH0531
  name                = "app-portal-prod"
  resource_group_name = "rg-portal"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.portal.id

  site_config {}
}

resource "azurerm_app_service" "legacy" {
  name                = "app-legacy"
  location            = "westeurope"
  resource_group_name = "rg-legacy"
  app_service_plan_id = azurerm_app_service_plan.legacy.id
  https_only          = false # expect: BH0531
}

resource "azurerm_windows_function_app_slot" "staging" {
  name                 = "staging"
  function_app_id      = azurerm_windows_function_app.jobs.id
  storage_account_name = azurerm_storage_account.jobs.name
  https_only           = local.https

  site_config {}
}

locals {
  https = false # expect: BH0531
}
