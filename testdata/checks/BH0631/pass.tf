resource "google_sql_database_instance" "main" {
  name             = "main"
  database_version = "POSTGRES_17"
  region           = "europe-west3"

  settings {
    tier = "db-custom-2-7680"
    database_flags {
      name  = "log_connections"
      value = "on"
    }
    database_flags {
      name  = "log_disconnections"
      value = "on"
    }
  }
}

# The flags exist only for PostgreSQL.
resource "google_sql_database_instance" "orders" {
  name             = "orders"
  database_version = "MYSQL_8_4"
  region           = "europe-west3"

  settings {
    tier = "db-custom-2-7680"
  }
}

# Flags from a variable without a default: unknown.
resource "google_sql_database_instance" "configurable" {
  name             = "configurable"
  database_version = "POSTGRES_16"
  region           = "europe-west3"

  settings {
    tier = "db-custom-2-7680"
    dynamic "database_flags" {
      for_each = var.flags
      content {
        name  = database_flags.key
        value = database_flags.value
      }
    }
  }
}
