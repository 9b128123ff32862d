resource "google_compute_ssl_policy" "legacy" { # expect: BH0237
  name = "legacy-clients"
}

resource "google_compute_ssl_policy" "modern_tls10" {
  name            = "modern-tls10"
  profile         = "MODERN"
  min_tls_version = "TLS_1_1" # expect: BH0237
}

resource "google_compute_ssl_policy" "compatible" {
  name            = "compatible"
  profile         = "COMPATIBLE" # expect: BH0237
  min_tls_version = "TLS_1_2"
}

variable "min_tls" {
  default = "TLS_1_0" # expect: BH0237
}

resource "google_compute_ssl_policy" "from_variable" {
  name            = "from-variable"
  profile         = "MODERN"
  min_tls_version = var.min_tls
}
