provider "keycloak" {
  client_id = "terraform"
  url       = "https://sso.example.com" # expect: BH0106
  realm     = "shop"
}
