resource "azurerm_redis_cache" "sessions" {
  name                = "redis-sessions-prod"
  resource_group_name = "rg-web"
  location            = "westeurope"
  capacity            = 1
  family              = "C"
  sku_name            = "Standard"
  minimum_tls_version = "1.0" # expect: BH0236
}

resource "azurerm_eventhub_namespace" "events" {
  name                = "evhns-events"
  location            = "westeurope"
  resource_group_name = "rg-events"
  sku                 = "Standard"
  minimum_tls_version = 1.1 # expect: BH0236
}

resource "azurerm_servicebus_namespace" "orders" {
  name                = "sb-orders"
  location            = "westeurope"
  resource_group_name = "rg-orders"
  sku                 = "Premium"
  minimum_tls_version = var.servicebus_tls
}

variable "servicebus_tls" {
  default = "1.1" # expect: BH0236
}

resource "azurerm_cosmosdb_account" "catalog" {
  name                = "cosmos-catalog"
  location            = "westeurope"
  resource_group_name = "rg-catalog"
  offer_type          = "Standard"
  minimal_tls_version = "Tls11" # expect: BH0236

  consistency_policy {
    consistency_level = "Session"
  }
}
