resource "google_sql_database_instance" "main" { # expect: BH0631
  name             = "main"
  database_version = "POSTGRES_17"
  region           = "europe-west3"

  settings {
    tier = "db-custom-2-7680"
  }
}

resource "google_sql_database_instance" "half" { # expect: BH0631
  name             = "half"
  database_version = "POSTGRES_16"
  region           = "europe-west3"

  settings {
    tier = "db-custom-2-7680"
    database_flags {
      name  = "log_connections"
      value = "on"
    }
    database_flags {
      name  = "log_disconnections"
      value = "off"
    }
  }
}
