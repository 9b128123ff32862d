resource "google_compute_instance" "app" {
  name         = "app-1"
  machine_type = "e2-medium"
  zone         = "europe-west3-a"

  metadata = {
    enable-oslogin = "TRUE"
  }
}

resource "google_compute_project_metadata_item" "oslogin" {
  key   = "enable-oslogin"
  value = "TRUE"
}

resource "google_compute_project_metadata_item" "twofa" {
  key   = "enable-oslogin-2fa"
  value = "FALSE"
}

resource "google_compute_instance" "inherits" {
  name         = "inherits-1"
  machine_type = "e2-medium"
  zone         = "europe-west3-a"
}
