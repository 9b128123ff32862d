resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = google_container_cluster.main.id

  management {
    auto_repair  = true
    auto_upgrade = true
  }
}

# Default: auto-upgrade on.
resource "google_container_node_pool" "defaults" {
  name    = "defaults"
  cluster = google_container_cluster.main.id
}

# Auto-repair off is not about patching.
resource "google_container_node_pool" "norepair" {
  name    = "norepair"
  cluster = google_container_cluster.main.id

  management {
    auto_repair = false
  }
}
