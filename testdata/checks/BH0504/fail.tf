resource "aws_db_instance" "reporting" {
  identifier          = "reporting"
  engine              = "postgres"
  instance_class      = "db.t3.medium"
  publicly_accessible = true # expect: BH0504
}

resource "aws_rds_cluster_instance" "orders" {
  cluster_identifier  = aws_rds_cluster.orders.id
  instance_class      = "db.r6g.large"
  engine              = "aurora-postgresql"
  publicly_accessible = "true" # expect: BH0504
}

resource "azurerm_postgresql_flexible_server" "analytics" {
  name                          = "psql-analytics"
  resource_group_name           = "rg-data"
  location                      = "westeurope"
  public_network_access_enabled = true # expect: BH0504
}

resource "azurerm_mssql_server" "crm" {
  name                          = "sql-crm"
  resource_group_name           = "rg-crm"
  location                      = "westeurope"
  version                       = "12.0"
  public_network_access_enabled = true # expect: BH0504
}

resource "azurerm_mysql_flexible_server" "shop" {
  name                          = "mysql-shop"
  resource_group_name           = "rg-shop"
  location                      = "westeurope"
  public_network_access_enabled = true # expect: BH0504
}

resource "google_sql_database_instance" "main" {
  name             = "main"
  database_version = "POSTGRES_16"
  region           = "europe-west3"

  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled = true
      authorized_networks {
        name  = "office"
        value = "203.0.113.0/24"
      }
      authorized_networks {
        name  = "anyone"
        value = "0.0.0.0/0" # expect: BH0504
      }
    }
  }
}
