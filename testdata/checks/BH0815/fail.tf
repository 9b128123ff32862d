resource "azurerm_security_center_contact" "security" {
  name                = "security"
  email               = "security@example.com"
  alert_notifications = false # expect: BH0815
  alerts_to_admins    = true
}

variable "notify" {
  default = false # expect: BH0815
}

resource "azurerm_security_center_contact" "ops" {
  name                = "ops"
  email               = "ops@example.com"
  alert_notifications = var.notify
  alerts_to_admins    = false
}
