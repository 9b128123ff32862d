resource "azurerm_postgresql_flexible_server" "main" {
  name                = "psql-main"
  resource_group_name = "rg-data"
  location            = "westeurope"
  sku_name            = "GP_Standard_D2s_v3"
  version             = "17"
}

resource "azurerm_mysql_flexible_server" "shop" {
  name                = "mysql-shop"
  resource_group_name = "rg-shop"
  location            = "westeurope"
  sku_name            = "GP_Standard_D2ds_v4"
  version             = "8.4"
}

# Not created: count is 0.
resource "azurerm_postgresql_server" "disabled" {
  count                   = 0
  name                    = "psql-disabled"
  resource_group_name     = "rg-data"
  location                = "westeurope"
  sku_name                = "GP_Gen5_2"
  version                 = "11"
  ssl_enforcement_enabled = true
}
