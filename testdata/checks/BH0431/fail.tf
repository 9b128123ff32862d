resource "google_compute_instance" "app" {
  name         = "app-1"
  machine_type = "e2-medium"
  zone         = "europe-west3-a"

  service_account { # expect: BH0431
    scopes = ["cloud-platform"]
  }
}

resource "google_compute_instance_template" "workers" {
  name_prefix  = "workers-"
  machine_type = "e2-standard-4"

  service_account {
    email  = "123456789012-compute@developer.gserviceaccount.com" # expect: BH0431
    scopes = ["cloud-platform"]
  }
}

resource "google_container_node_pool" "general" { # expect: BH0431
  name    = "general"
  cluster = google_container_cluster.main.id

  node_config {
    machine_type = "e2-standard-4"
  }
}

resource "google_container_cluster" "inline" {
  name     = "inline"
  location = "europe-west3"

  node_pool {
    name = "default" # expect: BH0431
  }

  node_pool {
    name = "dedicated"
    node_config {
      service_account = google_service_account.nodes.email
    }
  }
}

resource "google_container_cluster" "default_pool" { # expect: BH0431
  name               = "default-pool"
  location           = "europe-west3"
  initial_node_count = 1
}
