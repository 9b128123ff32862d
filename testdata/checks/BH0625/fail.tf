resource "azurerm_linux_virtual_machine" "jump" {
  name                            = "vm-jump"
  resource_group_name             = "rg-ops"
  location                        = "westeurope"
  size                            = "Standard_B2s"
  admin_username                  = "opsjump"
  admin_password                  = var.jump_password
  disable_password_authentication = false # expect: BH0625
  network_interface_ids           = [azurerm_network_interface.jump.id]
}

resource "azurerm_virtual_machine" "legacy" {
  name                  = "vm-legacy"
  location              = "westeurope"
  resource_group_name   = "rg-legacy"
  network_interface_ids = [azurerm_network_interface.legacy.id]
  vm_size               = "Standard_DS1_v2"

  os_profile {
    computer_name  = "legacy"
    admin_username = "opslegacy"
    admin_password = var.legacy_password
  }

  os_profile_linux_config {
    disable_password_authentication = false # expect: BH0625
  }
}

resource "azurerm_linux_virtual_machine_scale_set" "workers" {
  name                            = "vmss-workers"
  resource_group_name             = "rg-app"
  location                        = "westeurope"
  sku                             = "Standard_D2s_v5"
  instances                       = 2
  admin_username                  = "opsworkers"
  admin_password                  = var.workers_password
  disable_password_authentication = var.disable_passwords
}

variable "disable_passwords" {
  type    = bool
  default = false # expect: BH0625
}
