resource "azurerm_application_gateway" "edge" {
  name                = "agw-edge-prod"
  resource_group_name = "rg-edge"
  location            = "westeurope"

  ssl_policy {
    policy_type = "Predefined"
    policy_name = "AppGwSslPolicy20220101"
  }

  ssl_profile {
    name = "partners"
    ssl_policy {
      policy_type          = "CustomV2"
      min_protocol_version = "TLSv1_2"
      cipher_suites        = ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256"]
    }
  }
}

# The "S" variant of the 2017 policy requires TLS 1.2.
resource "azurerm_application_gateway" "strict" {
  name                = "agw-strict"
  resource_group_name = "rg-edge"
  location            = "westeurope"

  ssl_policy {
    policy_type = "Predefined"
    policy_name = "AppGwSslPolicy20170401S"
  }
}

# With a custom policy the predefined name is ignored.
resource "azurerm_application_gateway" "custom" {
  name                = "agw-custom"
  resource_group_name = "rg-edge"
  location            = "westeurope"

  ssl_policy {
    policy_type          = "Custom"
    policy_name          = "AppGwSslPolicy20150501"
    min_protocol_version = "TLSv1_2"
    cipher_suites        = ["TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384"]
  }
}

resource "azurerm_cdn_frontdoor_custom_domain" "www" {
  name                     = "www"
  cdn_frontdoor_profile_id = azurerm_cdn_frontdoor_profile.main.id
  host_name                = "www.example.com"

  tls {
    certificate_type    = "ManagedCertificate"
    minimum_tls_version = "TLS12"
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
    backend_ssl30_enabled      = false
    backend_tls10_enabled      = false
    backend_tls11_enabled      = false
    frontend_ssl30_enabled     = false
    frontend_tls10_enabled     = false
    frontend_tls11_enabled     = false
    triple_des_ciphers_enabled = false
  }
}
