resource "azurerm_security_center_subscription_pricing" "vms" {
  tier          = "Free" # expect: BH0810
  resource_type = "VirtualMachines"
}

variable "defender_plans" {
  default = {
    SqlServers      = "Standard"
    StorageAccounts = "Free" # expect: BH0810
  }
}

resource "azurerm_security_center_subscription_pricing" "plans" {
  for_each      = var.defender_plans
  tier          = each.value
  resource_type = each.key
}
