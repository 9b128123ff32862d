resource "azurerm_container_registry" "images" {
  name                   = "acrshopprod"
  resource_group_name    = "rg-shared"
  location               = "westeurope"
  sku                    = "Standard"
  anonymous_pull_enabled = false
}

resource "azurerm_container_registry" "defaults" {
  name                = "acrdefaults"
  resource_group_name = "rg-shared"
  location            = "westeurope"
  sku                 = "Premium"
}
