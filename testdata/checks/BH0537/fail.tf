resource "google_compute_instance" "app" {
  name         = "app-1"
  machine_type = "e2-medium"
  zone         = "europe-west3-a"

  network_interface {
    subnetwork = "app"
    access_config {} # expect: BH0537
  }
}

resource "google_compute_instance_template" "workers" {
  name_prefix  = "workers-"
  machine_type = "e2-standard-4"

  network_interface {
    network = "default"
  }

  network_interface {
    subnetwork = "dmz"
    access_config { # expect: BH0537
      nat_ip       = google_compute_address.workers.address
      network_tier = "PREMIUM"
    }
  }
}
