resource "google_compute_instance" "app" {
  name           = "app-1"
  machine_type   = "e2-medium"
  zone           = "europe-west3-a"
  can_ip_forward = false
}

resource "google_compute_instance_template" "workers" {
  name_prefix  = "workers-"
  machine_type = "e2-standard-4"
}

resource "google_compute_instance" "configurable" {
  name           = "configurable-1"
  machine_type   = "e2-medium"
  zone           = "europe-west3-a"
  can_ip_forward = var.router
}
