resource "google_compute_instance" "app" {
  name         = "app-1"
  machine_type = "e2-medium"
  zone         = "europe-west3-a"

  metadata = {
    enable-oslogin = "FALSE" # expect: BH0627
  }
}

resource "google_compute_project_metadata" "project" {
  metadata = {
    enable-oslogin = false # expect: BH0627
  }
}

resource "google_compute_project_metadata_item" "oslogin" {
  key   = "enable-oslogin"
  value = "0" # expect: BH0627
}
