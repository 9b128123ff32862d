resource "azurerm_container_registry" "images" {
  name                = "acrshopprod"
  resource_group_name = "rg-shared"
  location            = "westeurope"
  sku                 = "Premium"
  admin_enabled       = true # expect: BH0629
}
