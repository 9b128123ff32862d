resource "google_compute_instance" "app" {
  name         = "app-1"
  machine_type = "e2-medium"
  zone         = "europe-west3-a"

  metadata = {
    block-project-ssh-keys = false # expect: BH0628
  }
}

locals {
  ssh_metadata = {
    block-project-ssh-keys = "FALSE" # expect: BH0628
  }
}

resource "google_compute_instance_template" "workers" {
  name_prefix  = "workers-"
  machine_type = "e2-standard-4"
  metadata     = local.ssh_metadata
}
