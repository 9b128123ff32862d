resource "google_compute_instance" "app" {
  name         = "app-1"
  machine_type = "e2-medium"
  zone         = "europe-west3-a"

  metadata = {
    block-project-ssh-keys = "TRUE"
  }
}

# Not set: project-level OS Login may make project keys irrelevant.
resource "google_compute_instance" "plain" {
  name         = "plain-1"
  machine_type = "e2-medium"
  zone         = "europe-west3-a"
}
