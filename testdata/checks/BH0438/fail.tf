resource "azurerm_container_registry" "images" {
  name                   = "acrshopprod"
  resource_group_name    = "rg-shared"
  location               = "westeurope"
  sku                    = "Standard"
  anonymous_pull_enabled = true # expect: BH0438
}
