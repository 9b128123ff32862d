resource "azurerm_application_gateway" "edge" {
  name                = "agw-edge-prod"
  resource_group_name = "rg-edge"
  location            = "westeurope"

  ssl_policy {
    policy_type = "Predefined"
    policy_name = "AppGwSslPolicy20170401" # expect: BH0235
  }
}

resource "azurerm_application_gateway" "partners" {
  name                = "agw-partners"
  resource_group_name = "rg-edge"
  location            = "westeurope"

  ssl_policy {
    policy_type = "Predefined"
    policy_name = "AppGwSslPolicy20220101S"
  }

  ssl_profile {
    name = "partners"
    ssl_policy {
      policy_type          = "CustomV2"
      min_protocol_version = "TLSv1_0" # expect: BH0235
      cipher_suites        = ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"]
    }
  }
}

resource "azurerm_cdn_frontdoor_custom_domain" "www" {
  name                     = "www"
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.main.id
  host_name                = "www.example.com"

  tls {
    certificate_type    = "ManagedCertificate"
    minimum_tls_version = "TLS10" # expect: BH0235
  }
}

resource "azurerm_api_management" "apis" {
  name                = "apim-prod"
  location            = "westeurope"
  resource_group_name = "rg-apis"
  publisher_name      = "Example"
  publisher_email     = "api@example.com"
  sku_name            = "Premium_1"

  security {
    frontend_tls10_enabled = false
    frontend_tls11_enabled = true # expect: BH0235
  }
}

variable "apim_backend_tls10" {
  type    = bool
  default = true # expect: BH0235
}

resource "azurerm_api_management" "legacy" {
  name                = "apim-legacy"
  location            = "westeurope"
  resource_group_name = "rg-apis"
  publisher_name      = "Example"
  publisher_email     = "api@example.com"
  sku_name            = "Developer_1"

  security {
    enable_backend_tls10 = var.apim_backend_tls10
  }
}
