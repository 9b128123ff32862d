resource "google_compute_subnetwork" "app" {
  name          = "app"
  ip_cidr_range = "10.10.0.0/20"
  region        = "europe-west3"
  network       = google_compute_network.main.id

  log_config {
    aggregation_interval = "INTERVAL_5_SEC"
    flow_sampling        = 0.5
    metadata             = "INCLUDE_ALL_METADATA"
  }
}

# Proxy-only subnets cannot have flow logs.
resource "google_compute_subnetwork" "proxy" {
  name          = "proxy-only"
  ip_cidr_range = "10.129.0.0/23"
  region        = "europe-west3"
  network       = google_compute_network.main.id
  purpose       = "REGIONAL_MANAGED_PROXY"
  role          = "ACTIVE"
}

resource "google_compute_subnetwork" "psc" {
  name          = "psc"
  ip_cidr_range = "10.130.0.0/24"
  region        = "europe-west3"
  network       = google_compute_network.main.id
  purpose       = "PRIVATE_SERVICE_CONNECT"
}

# Generated from a variable without a default: unknown.
resource "google_compute_subnetwork" "configurable" {
  name          = "configurable"
  ip_cidr_range = "10.40.0.0/20"
  region        = "europe-west3"
  network       = google_compute_network.main.id

  dynamic "log_config" {
    for_each = var.flow_logs ? [1] : []
    content {
      flow_sampling = 0.5
    }
  }
}
