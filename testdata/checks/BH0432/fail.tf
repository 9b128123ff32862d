resource "google_service_account_key" "ci" { # expect: BH0432
  service_account_id = google_service_account.ci.name
}

output "ci_key" {
  value     = google_service_account_key.ci.private_key
  sensitive = true
}
