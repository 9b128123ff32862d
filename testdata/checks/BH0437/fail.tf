resource "google_storage_bucket" "exports" { # expect: BH0437
  name     = "shop-prod-exports"
  location = "EU"
}

resource "google_storage_bucket" "legacy" {
  name                        = "shop-prod-legacy"
  location                    = "EU"
  uniform_bucket_level_access = false # expect: BH0437
}
