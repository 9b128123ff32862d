resource "azurerm_key_vault_secret" "db" { # expect: BH0434
  name         = "db-password"
  value        = random_password.db.result
  key_vault_id = azurerm_key_vault.app.id
}

resource "azurerm_key_vault_key" "cmk" { # expect: BH0434
  name         = "storage-cmk"
  key_vault_id = azurerm_key_vault.app.id
  key_type     = "RSA"
  key_size     = 3072
  key_opts     = ["wrapKey", "unwrapKey"]

  rotation_policy {
    automatic {
      time_before_expiry = "P30D"
    }
  }
}

variable "secret_expiry" {
  type    = string
  default = null
}

resource "azurerm_key_vault_secret" "api" { # expect: BH0434
  name            = "api-token"
  value           = var.api_token
  key_vault_id    = azurerm_key_vault.app.id
  expiration_date = var.secret_expiry
}
