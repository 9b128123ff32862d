resource "aws_db_instance" "billing" {
  identifier     = "billing"
  engine         = "mysql"
  instance_class = "db.t3.medium"
  username       = "admin" # expect: BH0405
  password       = var.billing_password
}

resource "aws_rds_cluster" "orders" {
  cluster_identifier          = "orders"
  engine                      = "aurora-postgresql"
  master_username             = "Postgres" # expect: BH0405
  manage_master_user_password = true
}

resource "azurerm_mssql_server" "crm" {
  name                         = "sql-crm-prod"
  resource_group_name          = "rg-crm"
  location                     = "westeurope"
  version                      = "12.0"
  administrator_login          = "dbadmin" # expect: BH0405
  administrator_login_password = var.sql_password
}

resource "azurerm_postgresql_flexible_server" "analytics" {
  name                   = "psql-analytics"
  resource_group_name    = azurerm_resource_group.data.name
  location               = "westeurope"
  version                = "16"
  administrator_login    = "ROOT" # expect: BH0405
  administrator_password = var.pg_password
  sku_name               = "GP_Standard_D2s_v3"
}

resource "google_sql_user" "root" {
  name     = "root" # expect: BH0405
  instance = google_sql_database_instance.main.name
  host     = "%"
  password = var.root_password
}
