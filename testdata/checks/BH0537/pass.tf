resource "google_compute_instance" "app" {
  name         = "app-1"
  machine_type = "e2-medium"
  zone         = "europe-west3-a"

  network_interface {
    subnetwork = "app"
  }
}

# Generated only when a variable asks for it: not judged.
resource "google_compute_instance" "optional" {
  name         = "optional-1"
  machine_type = "e2-medium"
  zone         = "europe-west3-a"

  network_interface {
    subnetwork = "app"
    dynamic "access_config" {
      for_each = var.public_ip ? [1] : []
      content {}
    }
  }
}

# Known to be generated zero times.
resource "google_compute_instance" "never" {
  name         = "never-1"
  machine_type = "e2-medium"
  zone         = "europe-west3-a"

  network_interface {
    subnetwork = "app"
    dynamic "access_config" {
      for_each = []
      content {}
    }
  }
}
