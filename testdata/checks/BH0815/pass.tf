resource "azurerm_security_center_contact" "security" {
  name                = "security"
  email               = "security@example.com"
  alert_notifications = true
  alerts_to_admins    = true
}

# Admins are not copied, but the security contact is notified.
resource "azurerm_security_center_contact" "team" {
  name                = "team"
  email               = "soc@example.com"
  alert_notifications = true
  alerts_to_admins    = false
}
