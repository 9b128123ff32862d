resource "google_sql_database_instance" "main" {
  name             = "main"
  database_version = "POSTGRES_11" # expect: BH0912
  region           = "europe-west3"

  settings {
    tier = "db-custom-2-7680"
  }
}

resource "google_sql_database_instance" "orders" {
  name             = "orders"
  database_version = "MYSQL_8_0_31" # expect: BH0912
  region           = "europe-west3"

  settings {
    tier = "db-custom-2-7680"
  }
}

resource "azurerm_postgresql_flexible_server" "analytics" {
  name                = "psql-analytics"
  resource_group_name = "rg-data"
  location            = "westeurope"
  sku_name            = "GP_Standard_D2s_v3"
  version             = var.pg_version
}

variable "pg_version" {
  default = "13" # expect: BH0912
}

resource "azurerm_mysql_flexible_server" "shop" {
  name                = "mysql-shop"
  resource_group_name = "rg-shop"
  location            = "westeurope"
  sku_name            = "GP_Standard_D2ds_v4"
  version             = "5.7" # expect: BH0912
}
