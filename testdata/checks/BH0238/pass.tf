resource "google_compute_instance" "app" {
  name         = "app-1"
  machine_type = "e2-medium"
  zone         = "europe-west3-a"

  metadata = {
    enable-oslogin     = "TRUE"
    serial-port-enable = "FALSE"
  }
}

resource "google_compute_instance" "plain" {
  name         = "plain-1"
  machine_type = "e2-medium"
  zone         = "europe-west3-a"
}

# Serial port *logging* (output only) is a different key.
resource "google_compute_project_metadata_item" "logging" {
  key   = "serial-port-logging-enable"
  value = "true"
}

resource "google_compute_instance" "configurable" {
  name         = "configurable-1"
  machine_type = "e2-medium"
  zone         = "europe-west3-a"
  metadata = {
    serial-port-enable = var.serial_port
  }
}
