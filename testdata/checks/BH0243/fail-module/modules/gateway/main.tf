variable "routing" {
  type    = bool
  default = false
}

resource "google_compute_instance" "gateway" {
  name           = "gateway"
  machine_type   = "e2-small"
  zone           = "europe-west3-a"
  can_ip_forward = var.routing
}
