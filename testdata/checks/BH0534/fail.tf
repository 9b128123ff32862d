resource "google_sql_database_instance" "main" {
  name             = "main"
  database_version = "POSTGRES_17"
  region           = "europe-west3"

  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled = false
      ssl_mode     = "ALLOW_UNENCRYPTED_AND_ENCRYPTED" # expect: BH0534
    }
  }
}

resource "google_sql_database_instance" "legacy" {
  name             = "legacy"
  database_version = "MYSQL_8_0"
  region           = "europe-west3"

  settings {
    tier = "db-f1-micro"
    ip_configuration {
      require_ssl = false # expect: BH0534
    }
  }
}

resource "google_sql_database_instance" "reporting" {
  name             = "reporting"
  database_version = "POSTGRES_16"
  region           = "europe-west3"

  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled = true
      authorized_networks { # expect: BH0534
        name  = "office"
        value = "203.0.113.0/24"
      }
    }
  }
}
