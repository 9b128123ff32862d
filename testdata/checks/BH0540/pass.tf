resource "azurerm_application_gateway" "edge" {
  name                = "agw-edge"
  resource_group_name = "rg-edge"
  location            = "westeurope"

  waf_configuration {
    enabled          = true
    firewall_mode    = "Prevention"
    rule_set_version = "3.2"
  }
}

resource "azurerm_cdn_frontdoor_firewall_policy" "fd" {
  name                = "wafFrontDoor"
  resource_group_name = "rg-edge"
  sku_name            = "Premium_AzureFrontDoor"
  enabled             = true
  mode                = "Prevention"
}

# A gateway without a WAF is not reported by this informational check.
resource "azurerm_application_gateway" "internal" {
  name                = "agw-internal"
  resource_group_name = "rg-edge"
  location            = "westeurope"

  sku {
    name = "Standard_v2"
    tier = "Standard_v2"
  }
}
