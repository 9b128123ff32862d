resource "google_kms_crypto_key" "data" {
  name            = "data"
  key_ring        = google_kms_key_ring.main.id
  rotation_period = "7776000s"
}

resource "google_kms_crypto_key" "short" {
  name            = "short"
  key_ring        = google_kms_key_ring.main.id
  rotation_period = "2592000s"
}

# Asymmetric keys cannot rotate automatically.
resource "google_kms_crypto_key" "signing" {
  name     = "signing"
  key_ring = google_kms_key_ring.main.id
  purpose  = "ASYMMETRIC_SIGN"

  version_template {
    algorithm = "EC_SIGN_P256_SHA256"
  }
}

# External keys are rotated in the external key manager.
resource "google_kms_crypto_key" "ekm" {
  name     = "ekm"
  key_ring = google_kms_key_ring.main.id

  version_template {
    algorithm        = "EXTERNAL_SYMMETRIC_ENCRYPTION"
    protection_level = "EXTERNAL"
  }
}

resource "google_kms_crypto_key" "imported" {
  name                          = "imported"
  key_ring                      = google_kms_key_ring.main.id
  import_only                   = true
  skip_initial_version_creation = true
}

resource "google_kms_crypto_key" "configurable" {
  name            = "configurable"
  key_ring        = google_kms_key_ring.main.id
  rotation_period = var.rotation_period
}
