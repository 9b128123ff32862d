resource "google_container_node_pool" "general" {
  name    = "general"
  cluster = google_container_cluster.main.id

  node_config {
    machine_type = "e2-standard-4"
    image_type   = "UBUNTU_CONTAINERD" # expect: BH0241
  }
}

resource "google_container_cluster" "legacy" {
  name               = "legacy"
  location           = "europe-west3"
  initial_node_count = 1

  node_config {
    image_type = "Ubuntu" # expect: BH0241
  }
}

variable "node_image" {
  default = "ubuntu_containerd" # expect: BH0241
}

resource "google_container_cluster" "pools" {
  name     = "pools"
  location = "europe-west3"

  node_pool {
    name = "default"
    node_config {
      image_type = var.node_image
    }
  }
}
