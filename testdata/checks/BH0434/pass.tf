resource "azurerm_key_vault_secret" "db" {
  name            = "db-password"
  value           = random_password.db.result
  key_vault_id    = azurerm_key_vault.app.id
  expiration_date = "2027-06-30T00:00:00Z"
}

resource "azurerm_key_vault_key" "cmk" {
  name         = "storage-cmk"
  key_vault_id = azurerm_key_vault.app.id
  key_type     = "RSA"
  key_size     = 3072
  key_opts     = ["wrapKey", "unwrapKey"]

  rotation_policy {
    expire_after         = "P90D"
    notify_before_expiry = "P29D"
    automatic {
      time_before_expiry = "P30D"
    }
  }
}

resource "azurerm_key_vault_secret" "computed" {
  name            = "computed"
  value           = random_password.db.result
  key_vault_id    = azurerm_key_vault.app.id
  expiration_date = timeadd(time_static.created.rfc3339, "8760h")
}
