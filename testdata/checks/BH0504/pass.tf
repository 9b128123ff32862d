resource "aws_db_instance" "reporting" {
  identifier          = "reporting"
  engine              = "postgres"
  instance_class      = "db.t3.medium"
  publicly_accessible = false
}

# Default: not publicly accessible.
resource "aws_rds_cluster_instance" "orders" {
  cluster_identifier = aws_rds_cluster.orders.id
  instance_class     = "db.r6g.large"
  engine             = "aurora-postgresql"
}

# Unknown before deployment: not reported.
resource "aws_db_instance" "configurable" {
  engine              = "mysql"
  instance_class      = "db.t3.micro"
  publicly_accessible = var.public
}

resource "azurerm_postgresql_flexible_server" "analytics" {
  name                          = "psql-analytics"
  resource_group_name           = "rg-data"
  location                      = "westeurope"
  delegated_subnet_id           = azurerm_subnet.db.id
  private_dns_zone_id           = azurerm_private_dns_zone.db.id
  public_network_access_enabled = false
}

# Not set explicitly: left to the provider default.
resource "azurerm_mssql_server" "crm" {
  name                = "sql-crm"
  resource_group_name = "rg-crm"
  location            = "westeurope"
  version             = "12.0"
}

# A different kind of resource with a similarly named attribute.
resource "azurerm_storage_account" "logs" {
  name                          = "stlogs"
  resource_group_name           = "rg-logs"
  location                      = "westeurope"
  account_tier                  = "Standard"
  account_replication_type      = "LRS"
  public_network_access_enabled = true
}

resource "google_sql_database_instance" "main" {
  name             = "main"
  database_version = "POSTGRES_16"
  region           = "europe-west3"

  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled    = false
      private_network = google_compute_network.main.id
      authorized_networks {
        name  = "office"
        value = "203.0.113.0/24"
      }
    }
  }
}
