resource "google_container_cluster" "main" {
  name     = "main"
  location = "europe-west3"
}

resource "google_compute_instance" "app" {
  name         = "app-1"
  machine_type = "e2-medium"
  zone         = "europe-west3-a"

  shielded_instance_config {
    enable_secure_boot          = true
    enable_vtpm                 = true
    enable_integrity_monitoring = true
  }
}

# Secure Boot off is the provider default and not reported.
resource "google_compute_instance_template" "workers" {
  name_prefix  = "workers-"
  machine_type = "e2-standard-4"

  shielded_instance_config {
    enable_secure_boot = false
  }
}

resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = google_container_cluster.main.id

  node_config {
    machine_type = "e2-standard-4"
    shielded_instance_config {
      enable_integrity_monitoring = var.integrity_monitoring
    }
  }
}
