resource "google_container_cluster" "main" { # expect: BH0439
  name               = "main"
  location           = "europe-west3"
  initial_node_count = 1
}

resource "google_container_node_pool" "legacy" {
  name    = "legacy"
  cluster = google_container_cluster.wi.id

  node_config {
    workload_metadata_config {
      mode = "GCE_METADATA" # expect: BH0439
    }
  }
}

resource "google_container_cluster" "wi" {
  name     = "wi"
  location = "europe-west3"

  workload_identity_config {
    workload_pool = "shop-prod.svc.id.goog"
  }

  node_pool {
    name = "old"
    node_config {
      workload_metadata_config {
        node_metadata = "EXPOSE" # expect: BH0439
      }
    }
  }
}

variable "workload_pool" {
  type    = string
  default = null
}

resource "google_container_cluster" "optional" { # expect: BH0439
  name     = "optional"
  location = "europe-west3"

  workload_identity_config {
    workload_pool = var.workload_pool
  }
}
