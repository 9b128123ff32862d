resource "google_compute_subnetwork" "app" { # expect: BH0814
  name          = "app"
  ip_cidr_range = "10.10.0.0/20"
  region        = "europe-west3"
  network       = google_compute_network.main.id
}

resource "google_compute_subnetwork" "data" { # expect: BH0814
  name          = "data"
  ip_cidr_range = "10.20.0.0/20"
  region        = "europe-west3"
  network       = google_compute_network.main.id
  purpose       = "PRIVATE"

  dynamic "log_config" {
    for_each = []
    content {
      flow_sampling = 0.5
    }
  }
}
