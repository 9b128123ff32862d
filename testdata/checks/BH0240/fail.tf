resource "google_container_cluster" "main" {
  name                  = "main"
  location              = "europe-west3"
  enable_shielded_nodes = false # expect: BH0240
}

resource "google_compute_instance" "app" {
  name         = "app-1"
  machine_type = "e2-medium"
  zone         = "europe-west3-a"

  shielded_instance_config {
    enable_secure_boot = true
    enable_vtpm        = false # expect: BH0240
  }
}

resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = google_container_cluster.main.id

  node_config {
    machine_type = "e2-standard-4"
    shielded_instance_config {
      enable_integrity_monitoring = "false" # expect: BH0240
    }
  }
}
