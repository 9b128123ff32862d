resource "google_container_cluster" "main" {
  name               = "main"
  location           = "europe-west3"
  initial_node_count = 1

  master_auth {
    client_certificate_config {
      issue_client_certificate = false
    }
  }
}

# An empty user name disables basic authentication (pre-1.19 idiom).
resource "google_container_cluster" "legacy" {
  name               = "legacy"
  location           = "europe-west3"
  initial_node_count = 1

  master_auth {
    username = ""
    password = ""
  }
}
