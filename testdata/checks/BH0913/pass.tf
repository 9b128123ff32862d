resource "azurerm_linux_web_app" "portal" {
  name                = "app-portal-prod"
  resource_group_name = "rg-portal"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.portal.id
  https_only          = true

  site_config {
    application_stack {
      node_version = "22-lts"
    }
  }
}

resource "azurerm_windows_function_app" "jobs" {
  name                        = "func-jobs"
  resource_group_name         = "rg-jobs"
  location                    = "westeurope"
  service_plan_id             = azurerm_service_plan.jobs.id
  storage_account_name        = azurerm_storage_account.jobs.name
  functions_extension_version = "~4"
  https_only                  = true

  site_config {
    application_stack {
      powershell_core_version = "7.6"
    }
  }
}

# .NET Framework 4.8 on Windows is supported with the operating system.
resource "azurerm_windows_web_app" "intranet" {
  name                = "app-intranet"
  resource_group_name = "rg-intranet"
  location            = "westeurope"
  service_plan_id     = azurerm_service_plan.intranet.id
  https_only          = true

  site_config {
    application_stack {
      current_stack  = "dotnet"
      dotnet_version = "v4.0"
    }
  }
}

# Java is not judged.
resource "azurerm_linux_function_app" "java" {
  name                 = "func-java"
  resource_group_name  = "rg-jobs"
  location             = "westeurope"
  service_plan_id      = azurerm_service_plan.jobs.id
  storage_account_name = azurerm_storage_account.jobs.name
  https_only           = true

  site_config {
    application_stack {
      java_version = "11"
    }
  }
}

resource "google_cloudfunctions2_function" "events" {
  name     = "events"
  location = "europe-west3"

  build_config {
    runtime     = "python312"
    entry_point = "handle"
  }
}

# Resource versions of other resources are not runtimes.
resource "azurerm_mysql_flexible_server" "shop" {
  name                = "mysql-shop"
  resource_group_name = "rg-shop"
  location            = "westeurope"
  sku_name            = "GP_Standard_D2ds_v4"
  version             = "8.4"
}
