resource "google_sql_database_instance" "orders" {
  name             = "orders"
  database_version = "MYSQL_8_4"
  region           = "europe-west3"

  settings {
    tier = "db-custom-2-7680"
    database_flags {
      name  = "local_infile"
      value = "off"
    }
    database_flags {
      name  = "slow_query_log"
      value = "on"
    }
  }
}

resource "google_sql_database_instance" "erp" {
  name             = "erp"
  database_version = "SQLSERVER_2022_STANDARD"
  region           = "europe-west3"

  settings {
    tier = "db-custom-4-15360"
    database_flags {
      name  = "remote access"
      value = "off"
    }
    database_flags {
      name  = "3625"
      value = "on"
    }
  }
}

# Flags from a variable without a default: unknown.
resource "google_sql_database_instance" "configurable" {
  name             = "configurable"
  database_version = "MYSQL_8_0"
  region           = "europe-west3"

  settings {
    tier = "db-f1-micro"
    dynamic "database_flags" {
      for_each = var.flags
      content {
        name  = database_flags.value.name
        value = database_flags.value.value
      }
    }
  }
}
