variable "name" {
  type = string
}

variable "abac" {
  type    = bool
  default = false
}

resource "google_container_cluster" "this" {
  name               = var.name
  location           = "europe-west3"
  initial_node_count = 1
  enable_legacy_abac = var.abac
}
