resource "azurerm_linux_virtual_machine" "app" {
  name                  = "vm-app-1"
  resource_group_name   = "rg-app"
  location              = "westeurope"
  size                  = "Standard_D2s_v5"
  admin_username        = "vmapp1-breakglass"
  network_interface_ids = [azurerm_network_interface.app.id]
}

# Contains a generic word, but is specific.
resource "azurerm_windows_virtual_machine" "build" {
  name                  = "vm-build"
  resource_group_name   = "rg-ci"
  location              = "westeurope"
  size                  = "Standard_D4s_v5"
  admin_username        = "buildadmin01"
  admin_password        = var.build_password
  network_interface_ids = [azurerm_network_interface.build.id]
}

resource "azurerm_linux_virtual_machine" "configurable" {
  name                  = "vm-configurable"
  resource_group_name   = "rg-app"
  location              = "westeurope"
  size                  = "Standard_D2s_v5"
  admin_username        = var.admin_username
  network_interface_ids = [azurerm_network_interface.app.id]
}
