provider "keycloak" {
  client_id = "terraform"
  url       = "https://sso.example.com"
  realm     = "shop"
}
