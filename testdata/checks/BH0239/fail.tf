resource "google_sql_database_instance" "orders" {
  name             = "orders"
  database_version = "MYSQL_8_4"
  region           = "europe-west3"

  settings {
    tier = "db-custom-2-7680"
    database_flags {
      name  = "slow_query_log"
      value = "on"
    }
    database_flags {
      name  = "local_infile"
      value = "on" # expect: BH0239
    }
  }
}

resource "google_sql_database_instance" "erp" {
  name             = "erp"
  database_version = "SQLSERVER_2022_STANDARD"
  region           = "europe-west3"

  settings {
    tier = "db-custom-4-15360"
    dynamic "database_flags" {
      for_each = var.sqlserver_flags
      content {
        name  = database_flags.key
        value = database_flags.value
      }
    }
  }
}

variable "sqlserver_flags" {
  default = {
    "contained database authentication" = "off"
    "cross db ownership chaining"       = "on" # expect: BH0239
  }
}
