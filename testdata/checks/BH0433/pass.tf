resource "azurerm_key_vault" "app" {
  name                     = "kv-app-prod"
  location                 = "westeurope"
  resource_group_name      = "rg-app"
  tenant_id                = var.tenant_id
  sku_name                 = "standard"
  purge_protection_enabled = true
}

resource "azurerm_key_vault" "configurable" {
  name                     = "kv-configurable"
  location                 = "westeurope"
  resource_group_name      = "rg-app"
  tenant_id                = var.tenant_id
  sku_name                 = "standard"
  purge_protection_enabled = var.purge_protection
}

# Secrets are BH0434's business.
resource "azurerm_key_vault_secret" "db" {
  name            = "db-password"
  value           = random_password.db.result
  key_vault_id    = azurerm_key_vault.app.id
  expiration_date = "2027-06-30T00:00:00Z"
}
