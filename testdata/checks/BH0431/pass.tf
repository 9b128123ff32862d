resource "google_compute_instance" "app" {
  name         = "app-1"
  machine_type = "e2-medium"
  zone         = "europe-west3-a"

  service_account {
    email  = "app-runtime@shop-prod.iam.gserviceaccount.com"
    scopes = ["cloud-platform"]
  }
}

# No service account attached at all.
resource "google_compute_instance" "isolated" {
  name         = "isolated-1"
  machine_type = "e2-medium"
  zone         = "europe-west3-a"
}

resource "google_compute_instance_template" "workers" {
  name_prefix  = "workers-"
  machine_type = "e2-standard-4"

  service_account {
    email  = google_service_account.workers.email
    scopes = ["cloud-platform"]
  }
}

resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = google_container_cluster.main.id

  node_config {
    machine_type    = "e2-standard-4"
    service_account = google_service_account.nodes.email
  }
}

# The default node pool is removed; node pools are separate resources.
resource "google_container_cluster" "main" {
  name                     = "main"
  location                 = "europe-west3"
  remove_default_node_pool = true
  initial_node_count       = 1
}

resource "google_container_cluster" "autopilot" {
  name             = "autopilot"
  location         = "europe-west3"
  enable_autopilot = true
}
