variable "public" {
  description = "Whether the database gets a public address"
  type        = bool
  default     = false
}
