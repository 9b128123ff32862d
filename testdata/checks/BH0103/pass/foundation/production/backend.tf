# Placeholders to fill in are not equal to each other.
terraform {
  backend "gcs" {
    bucket = "UPDATE_PROJECTS_BACKEND"
    prefix = "terraform/projects/production"
  }
}
