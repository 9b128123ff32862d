resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = google_container_cluster.main.id

  node_config {
    machine_type = "e2-standard-4"
    image_type   = "COS_CONTAINERD"
  }
}

# Default image: Container-Optimized OS.
resource "google_container_cluster" "main" {
  name               = "main"
  location           = "europe-west3"
  initial_node_count = 1
}

# Windows nodes need Windows images.
resource "google_container_node_pool" "windows" {
  name    = "windows"
  cluster = google_container_cluster.main.id

  node_config {
    machine_type = "n2-standard-4"
    image_type   = "WINDOWS_LTSC_CONTAINERD"
  }
}

resource "google_container_node_pool" "configurable" {
  name    = "configurable"
  cluster = google_container_cluster.main.id

  node_config {
    image_type = var.image_type
  }
}
