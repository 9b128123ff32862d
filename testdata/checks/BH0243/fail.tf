resource "google_compute_instance" "app" {
  name           = "app-1"
  machine_type   = "e2-medium"
  zone           = "europe-west3-a"
  can_ip_forward = true # expect: BH0243
}

resource "google_compute_instance_template" "nat" {
  name_prefix    = "nat-"
  machine_type   = "e2-small"
  can_ip_forward = "true" # expect: BH0243
}
