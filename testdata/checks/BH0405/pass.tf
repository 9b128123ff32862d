resource "aws_db_instance" "billing" {
  identifier     = "billing"
  engine         = "mysql"
  instance_class = "db.t3.medium"
  username       = "billing_owner"
  password       = var.billing_password
}

# The old `name` attribute of aws_db_instance is the database name, not a user.
resource "aws_db_instance" "legacy" {
  engine         = "mysql"
  instance_class = "db.t3.medium"
  name           = "mysql"
  username       = var.legacy_user
}

# The server's name is not its administrator.
resource "azurerm_mssql_server" "admin" {
  name                = "admin"
  resource_group_name = "rg-admin"
  location            = "westeurope"
  version             = "12.0"
  azuread_administrator {
    login_username              = "sql-admins"
    object_id                   = "00000000-0000-0000-0000-000000000000"
    azuread_authentication_only = true
  }
}

resource "azurerm_postgresql_flexible_server" "analytics" {
  name                   = "psql-analytics"
  resource_group_name    = "rg-data"
  location               = "westeurope"
  administrator_login    = "analytics_admin"
  administrator_password = var.pg_password
}

resource "google_sql_user" "app" {
  name     = "orders-app"
  instance = google_sql_database_instance.main.name
  password = var.app_password
}

resource "google_sql_user" "iam" {
  name     = "jane.doe@example.com"
  instance = google_sql_database_instance.main.name
  type     = "CLOUD_IAM_USER"
}

# A database, not a user.
resource "google_sql_database" "postgres" {
  name     = "postgres"
  instance = google_sql_database_instance.main.name
}
