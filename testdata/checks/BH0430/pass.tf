resource "google_project_iam_member" "app" {
  project = "shop-prod"
  role    = "roles/cloudsql.client"
  member  = "serviceAccount:shop-app@shop-prod.iam.gserviceaccount.com"
}

# A person in an administrators' group: administrative access, not a workload.
resource "google_project_iam_member" "admins" {
  project = "shop-prod"
  role    = "roles/owner"
  member  = "group:platform-admins@example.com"
}

# Google-managed service agent (Google APIs Service Agent holds Editor by default).
resource "google_project_iam_member" "service_agent" {
  project = "shop-prod"
  role    = "roles/editor"
  member  = "serviceAccount:123456789012@cloudservices.gserviceaccount.com"
}

# Predefined role whose name contains "editor".
resource "google_project_iam_member" "dns" {
  project = "shop-prod"
  role    = "roles/bigquery.dataEditor"
  member  = "serviceAccount:etl@shop-prod.iam.gserviceaccount.com"
}

resource "google_project_iam_member" "configurable" {
  project = "shop-prod"
  role    = var.role
  member  = "serviceAccount:etl@shop-prod.iam.gserviceaccount.com"
}
