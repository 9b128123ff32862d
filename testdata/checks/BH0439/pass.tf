resource "google_container_cluster" "main" {
  name               = "main"
  location           = "europe-west3"
  initial_node_count = 1

  workload_identity_config {
    workload_pool = "shop-prod.svc.id.goog"
  }
}

resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = google_container_cluster.main.id

  node_config {
    workload_metadata_config {
      mode = "GKE_METADATA"
    }
  }
}

# A node pool without any setting inherits the cluster's mode.
resource "google_container_node_pool" "plain" {
  name    = "plain"
  cluster = google_container_cluster.main.id
}

resource "google_container_cluster" "autopilot" {
  name             = "autopilot"
  location         = "europe-west3"
  enable_autopilot = true
}

resource "google_container_cluster" "configurable" {
  name     = "configurable"
  location = "europe-west3"

  workload_identity_config {
    workload_pool = "${var.project_id}.svc.id.goog"
  }
}
