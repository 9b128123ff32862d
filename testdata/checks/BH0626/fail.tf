resource "azurerm_linux_virtual_machine" "app" {
  name                  = "vm-app-1"
  resource_group_name   = "rg-app"
  location              = "westeurope"
  size                  = "Standard_D2s_v5"
  admin_username        = "adminuser" # expect: BH0626
  network_interface_ids = [azurerm_network_interface.app.id]
}

resource "azurerm_windows_virtual_machine" "build" {
  name                  = "vm-build"
  resource_group_name   = "rg-ci"
  location              = "westeurope"
  size                  = "Standard_D4s_v5"
  admin_username        = var.admin_name
  admin_password        = var.build_password
  network_interface_ids = [azurerm_network_interface.build.id]
}

variable "admin_name" {
  default = "LocalAdmin" # expect: BH0626
}

resource "azurerm_virtual_machine" "legacy" {
  name                  = "vm-legacy"
  location              = "westeurope"
  resource_group_name   = "rg-legacy"
  network_interface_ids = [azurerm_network_interface.legacy.id]
  vm_size               = "Standard_DS1_v2"

  os_profile {
    computer_name  = "legacy"
    admin_username = "azureuser" # expect: BH0626
  }
}
