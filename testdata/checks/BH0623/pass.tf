resource "google_container_cluster" "main" {
  name               = "main"
  location           = "europe-west3"
  initial_node_count = 1
  enable_legacy_abac = false
}

resource "google_container_cluster" "defaults" {
  name               = "defaults"
  location           = "europe-west3"
  initial_node_count = 1
}
