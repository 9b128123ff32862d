resource "azurerm_key_vault" "app" { # expect: BH0433
  name                = "kv-app-prod"
  location            = "westeurope"
  resource_group_name = "rg-app"
  tenant_id           = var.tenant_id
  sku_name            = "standard"
}

resource "azurerm_key_vault" "shared" {
  name                       = "kv-shared-prod"
  location                   = "westeurope"
  resource_group_name        = "rg-shared"
  tenant_id                  = var.tenant_id
  sku_name                   = "premium"
  soft_delete_retention_days = 7
  purge_protection_enabled   = var.purge_protection
}

variable "purge_protection" {
  type    = bool
  default = false # expect: BH0433
}
