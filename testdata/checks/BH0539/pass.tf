resource "google_storage_bucket_iam_member" "readers" {
  bucket = google_storage_bucket.site.name
  role   = "roles/storage.objectViewer"
  member = "group:site-readers@example.com"
}

resource "google_bigquery_dataset" "analytics" {
  dataset_id = "analytics"
  location   = "EU"

  access {
    role          = "READER"
    special_group = "projectReaders"
  }
}

resource "google_storage_bucket_acl" "private" {
  bucket         = google_storage_bucket.legacy.name
  predefined_acl = "projectPrivate"
}

# Public invocation of a Cloud Run service is a deliberate web endpoint, not data access.
resource "google_cloud_run_v2_service_iam_member" "public" {
  name   = google_cloud_run_v2_service.web.name
  role   = "roles/run.invoker"
  member = "allUsers"
}

resource "google_pubsub_topic_iam_member" "publisher" {
  topic  = google_pubsub_topic.events.name
  role   = "roles/pubsub.publisher"
  member = var.publisher
}
