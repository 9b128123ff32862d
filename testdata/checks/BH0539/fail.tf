resource "google_storage_bucket_iam_binding" "public_read" {
  bucket  = google_storage_bucket.site.name
  role    = "roles/storage.objectViewer"
  members = ["group:site-readers@example.com", "allUsers"] # expect: BH0539
}

resource "google_bigquery_dataset" "analytics" {
  dataset_id = "analytics"
  location   = "EU"

  access {
    role          = "OWNER"
    user_by_email = "analytics-owner@shop-prod.iam.gserviceaccount.com"
  }

  access {
    role          = "READER"
    special_group = "allAuthenticatedUsers" # expect: BH0539
  }
}

resource "google_storage_bucket_acl" "legacy" {
  bucket         = google_storage_bucket.legacy.name
  predefined_acl = "publicRead" # expect: BH0539
}

resource "google_secret_manager_secret_iam_member" "leak" {
  secret_id = google_secret_manager_secret.api.id
  role      = "roles/secretmanager.secretAccessor"
  member    = var.accessor
}

variable "accessor" {
  default = "allAuthenticatedUsers" # expect: BH0539
}
