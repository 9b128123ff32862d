resource "google_compute_instance" "app" {
  name         = "app-1"
  machine_type = "e2-medium"
  zone         = "europe-west3-a"

  metadata = {
    enable-oslogin     = "TRUE"
    serial-port-enable = "TRUE" # expect: BH0238
  }
}

resource "google_compute_instance_template" "workers" {
  name_prefix  = "workers-"
  machine_type = "e2-standard-4"

  metadata = {
    serial-port-enable = true # expect: BH0238
  }
}

resource "google_compute_project_metadata_item" "serial" {
  key   = "serial-port-enable"
  value = "1" # expect: BH0238
}

locals {
  common_metadata = {
    serial-port-enable = "true" # expect: BH0238
  }
}

resource "google_compute_instance" "batch" {
  name         = "batch-1"
  machine_type = "e2-medium"
  zone         = "europe-west3-a"
  metadata     = local.common_metadata
}
