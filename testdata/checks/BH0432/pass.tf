# Only the public key passes through Terraform.
resource "google_service_account_key" "uploaded" {
  service_account_id = google_service_account.ci.name
  public_key_data    = filebase64("${path.module}/keys/ci.pem")
}

# Keyless alternative: Workload Identity Federation.
resource "google_service_account_iam_member" "ci" {
  service_account_id = google_service_account.ci.name
  role               = "roles/iam.workloadIdentityUser"
  member             = "principalSet://iam.googleapis.com/${google_iam_workload_identity_pool.ci.name}/attribute.repository/example/shop"
}
