resource "google_compute_target_https_proxy" "web" { # expect: BH0249
  name             = "web"
  url_map          = google_compute_url_map.web.id
  ssl_certificates = [google_compute_managed_ssl_certificate.web.id]
}

resource "google_compute_target_ssl_proxy" "tcp" { # expect: BH0249
  name             = "tcp"
  backend_service  = google_compute_backend_service.tcp.id
  ssl_certificates = [google_compute_ssl_certificate.tcp.id]
}

variable "ssl_policy" {
  type    = string
  default = null
}

resource "google_compute_target_https_proxy" "optional" { # expect: BH0249
  name             = "optional"
  url_map          = google_compute_url_map.web.id
  ssl_certificates = [google_compute_managed_ssl_certificate.web.id]
  ssl_policy       = var.ssl_policy
}
