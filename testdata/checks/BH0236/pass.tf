resource "azurerm_redis_cache" "sessions" {
  name                = "redis-sessions-prod"
  resource_group_name = "rg-web"
  location            = "westeurope"
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"
  minimum_tls_version = "1.2"
}

resource "azurerm_eventhub_namespace" "events" {
  name                = "evhns-events"
  location            = "westeurope"
  resource_group_name = "rg-events"
  sku                 = "Standard"
}

resource "azurerm_cosmosdb_account" "catalog" {
  name                = "cosmos-catalog"
  location            = "westeurope"
  resource_group_name = "rg-catalog"
  offer_type          = "Standard"
  minimal_tls_version = "Tls12"

  consistency_policy {
    consistency_level = "Session"
  }
}

# The database servers are BH0231's.
resource "azurerm_mssql_server" "crm" {
  name                = "sql-crm"
  resource_group_name = "rg-crm"
  location            = "westeurope"
  version             = "12.0"
  minimum_tls_version = "1.2"
}
