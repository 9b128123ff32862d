resource "google_project_iam_member" "app" {
  project = "shop-prod"
  role    = "roles/editor" # expect: BH0430
  member  = "serviceAccount:shop-app@shop-prod.iam.gserviceaccount.com"
}

resource "google_folder_iam_binding" "deployers" {
  folder = "folders/123456789012"
  role   = "roles/owner" # expect: BH0430
  members = [
    "group:platform-admins@example.com",
    "serviceAccount:deployer@ci-prod.iam.gserviceaccount.com",
  ]
}

variable "runtime_roles" {
  default = ["roles/logging.logWriter", "roles/owner"] # expect: BH0430
}

resource "google_project_iam_member" "runtime" {
  for_each = toset(var.runtime_roles)
  project  = "shop-prod"
  role     = each.value
  member   = "serviceAccount:123456789012-compute@developer.gserviceaccount.com"
}
