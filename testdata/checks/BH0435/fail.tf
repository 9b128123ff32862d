resource "google_kms_crypto_key" "data" { # expect: BH0435
  name     = "data"
  key_ring = google_kms_key_ring.main.id
}

resource "google_kms_crypto_key" "backups" {
  name            = "backups"
  key_ring        = google_kms_key_ring.main.id
  purpose         = "ENCRYPT_DECRYPT"
  rotation_period = "31536000s" # expect: BH0435
}

variable "rotation" {
  default = "15552000s" # expect: BH0435
}

resource "google_kms_crypto_key" "logs" {
  name            = "logs"
  key_ring        = google_kms_key_ring.main.id
  rotation_period = var.rotation
}
