resource "azurerm_application_gateway" "edge" {
  name                = "agw-edge"
  resource_group_name = "rg-edge"
  location            = "westeurope"

  waf_configuration {
    enabled          = true
    firewall_mode    = "Detection" # expect: BH0540
    rule_set_version = "3.2"
  }
}

resource "azurerm_web_application_firewall_policy" "edge" {
  name                = "waf-edge"
  resource_group_name = "rg-edge"
  location            = "westeurope"

  policy_settings {
    enabled = false # expect: BH0540
    mode    = "Prevention"
  }

  managed_rules {
    managed_rule_set {
      version = "3.2"
    }
  }
}

resource "azurerm_cdn_frontdoor_firewall_policy" "fd" {
  name                = "wafFrontDoor"
  resource_group_name = "rg-edge"
  sku_name            = "Premium_AzureFrontDoor"
  enabled             = true
  mode                = "Detection" # expect: BH0540
}
