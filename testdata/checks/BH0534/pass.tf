resource "google_sql_database_instance" "main" {
  name             = "main"
  database_version = "POSTGRES_17"
  region           = "europe-west3"

  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled = false
      ssl_mode     = "ENCRYPTED_ONLY"
    }
  }
}

# ssl_mode takes precedence over the deprecated require_ssl.
resource "google_sql_database_instance" "migrated" {
  name             = "migrated"
  database_version = "MYSQL_8_0"
  region           = "europe-west3"

  settings {
    tier = "db-f1-micro"
    ip_configuration {
      require_ssl = false
      ssl_mode    = "TRUSTED_CLIENT_CERTIFICATE_REQUIRED"
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
      require_ssl = true
    }
  }
}

# Public IP without authorized networks: only the Auth Proxy and connectors,
# which always encrypt, can connect.
resource "google_sql_database_instance" "proxied" {
  name             = "proxied"
  database_version = "POSTGRES_16"
  region           = "europe-west3"

  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ipv4_enabled = true
    }
  }
}

resource "google_sql_database_instance" "configurable" {
  name             = "configurable"
  database_version = "POSTGRES_16"
  region           = "europe-west3"

  settings {
    tier = "db-custom-2-7680"
    ip_configuration {
      ssl_mode = var.ssl_mode
    }
  }
}
