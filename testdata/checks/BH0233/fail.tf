resource "azurerm_windows_web_app" "shop" {
  name                = "app-shop-prod"
  resource_group_name = "rg-shop"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.shop.id
  https_only          = true

  site_config {
    ftps_state = "AllAllowed" # expect: BH0233
  }
}

resource "azurerm_function_app" "legacy" {
  name                       = "func-legacy"
  location                   = "westeurope"
  resource_group_name        = "rg-legacy"
  app_service_plan_id        = azurerm_app_service_plan.legacy.id
  storage_account_name       = azurerm_storage_account.legacy.name
  storage_account_access_key = azurerm_storage_account.legacy.primary_access_key

  site_config {
    ftps_state = "AllAllowed" # expect: BH0233
  }
}

resource "azurerm_linux_web_app_slot" "staging" {
  name           = "staging"
  app_service_id = azurerm_linux_web_app.portal.id

  site_config {
    ftps_state = var.staging_ftps
  }
}

variable "staging_ftps" {
  default = "AllAllowed" # expect: BH0233
}
