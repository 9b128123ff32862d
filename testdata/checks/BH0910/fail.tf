resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = google_container_cluster.main.id

  management {
    auto_repair  = true
    auto_upgrade = false # expect: BH0910
  }
}

resource "google_container_cluster" "inline" {
  name     = "inline"
  location = "europe-west3"

  node_pool {
    name = "default"
    management {
      auto_upgrade = var.auto_upgrade
    }
  }
}

variable "auto_upgrade" {
  default = false # expect: BH0910
}
