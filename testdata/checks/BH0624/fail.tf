resource "google_container_cluster" "main" {
  name               = "main"
  location           = "europe-west3"
  initial_node_count = 1

  master_auth {
    client_certificate_config {
      issue_client_certificate = true # expect: BH0624
    }
  }
}

resource "google_container_cluster" "basic_auth" {
  name               = "basic-auth"
  location           = "europe-west3"
  initial_node_count = 1

  master_auth {
    username = "admin" # expect: BH0624
    password = var.cluster_password
  }
}
