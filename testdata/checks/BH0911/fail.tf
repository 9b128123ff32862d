resource "azurerm_postgresql_server" "legacy" { # expect: BH0911
  name                    = "psql-legacy"
  resource_group_name     = "rg-data"
  location                = "westeurope"
  sku_name                = "GP_Gen5_2"
  version                 = "11"
  ssl_enforcement_enabled = true
}

resource "azurerm_mysql_server" "shop" { # expect: BH0911
  name                    = "mysql-shop-${var.env}"
  resource_group_name     = "rg-shop"
  location                = "westeurope"
  sku_name                = "B_Gen5_2"
  version                 = "5.7"
  ssl_enforcement_enabled = true
}

resource "azurerm_mariadb_server" "wiki" { # expect: BH0911
  name                         = "mariadb-wiki"
  resource_group_name          = "rg-wiki"
  location                     = "westeurope"
  sku_name                     = "B_Gen5_2"
  version                      = "10.3"
  ssl_enforcement_enabled      = true
  administrator_login_password = var.wiki_password
}
