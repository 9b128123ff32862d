resource "google_sql_database_instance" "main" {
  name             = "main"
  database_version = "POSTGRES_17"
  region           = "europe-west3"

  settings {
    tier = "db-custom-2-7680"
  }
}

resource "google_sql_database_instance" "orders" {
  name             = "orders"
  database_version = "MYSQL_8_4"
  region           = "europe-west3"

  settings {
    tier = "db-custom-2-7680"
  }
}

# SQL Server 2019 is in extended support until 2030.
resource "google_sql_database_instance" "erp" {
  name             = "erp"
  database_version = "SQLSERVER_2019_STANDARD"
  region           = "europe-west3"

  settings {
    tier = "db-custom-4-15360"
  }
}

resource "azurerm_postgresql_flexible_server" "analytics" {
  name                = "psql-analytics"
  resource_group_name = "rg-data"
  location            = "westeurope"
  sku_name            = "GP_Standard_D2s_v3"
  version             = "16"
}

resource "azurerm_mysql_flexible_server" "shop" {
  name                = "mysql-shop"
  resource_group_name = "rg-shop"
  location            = "westeurope"
  sku_name            = "GP_Standard_D2ds_v4"
  version             = "8.4"
}
