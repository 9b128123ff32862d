resource "azurerm_linux_web_app" "portal" {
  name                = "app-portal-prod"
  resource_group_name = "rg-portal"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.portal.id
  https_only          = true

  site_config {
    application_stack {
      node_version = "16-lts" # expect: BH0913
    }
  }
}

resource "azurerm_windows_function_app" "jobs" {
  name                        = "func-jobs"
  resource_group_name         = "rg-jobs"
  location                    = "westeurope"
  service_plan_id             = azurerm_service_plan.jobs.id
  storage_account_name        = azurerm_storage_account.jobs.name
  functions_extension_version = "~3" # expect: BH0913
  https_only                  = true

  site_config {}
}

resource "azurerm_app_service" "legacy" {
  name                = "app-legacy"
  location            = "westeurope"
  resource_group_name = "rg-legacy"
  app_service_plan_id = azurerm_app_service_plan.legacy.id
  https_only          = true

  site_config {
    linux_fx_version = "PHP|7.4" # expect: BH0913
  }
}

resource "google_cloudfunctions_function" "thumbnail" {
  name                  = "thumbnail"
  runtime               = "python38" # expect: BH0913
  entry_point           = "handler"
  trigger_http          = true
  available_memory_mb   = 256
  source_archive_bucket = google_storage_bucket.src.name
  source_archive_object = google_storage_bucket_object.src.name
}

variable "runtime" {
  default = "nodejs18" # expect: BH0913
}

resource "google_cloudfunctions2_function" "events" {
  name     = "events"
  location = "europe-west3"

  build_config {
    runtime     = var.runtime
    entry_point = "handle"
  }
}
