resource "google_compute_ssl_policy" "modern" {
  name            = "modern"
  profile         = "MODERN"
  min_tls_version = "TLS_1_2"
}

resource "google_compute_target_https_proxy" "web" {
  name             = "web"
  url_map          = google_compute_url_map.web.id
  ssl_certificates = [google_compute_managed_ssl_certificate.web.id]
  ssl_policy       = google_compute_ssl_policy.modern.id
}

resource "google_compute_target_ssl_proxy" "tcp" {
  name             = "tcp"
  backend_service  = google_compute_backend_service.tcp.id
  ssl_certificates = [google_compute_ssl_certificate.tcp.id]
  ssl_policy       = var.tcp_ssl_policy
}

# Plain HTTP proxies have no TLS settings (BH0503 judges listeners).
resource "google_compute_target_http_proxy" "redirect" {
  name    = "redirect"
  url_map = google_compute_url_map.redirect.id
}
