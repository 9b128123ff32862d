resource "google_storage_bucket" "exports" {
  name                        = "shop-prod-exports"
  location                    = "EU"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
}

resource "google_storage_bucket" "configurable" {
  name                        = "shop-prod-configurable"
  location                    = "EU"
  uniform_bucket_level_access = var.uniform_access
}
