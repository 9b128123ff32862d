resource "azurerm_linux_virtual_machine" "jump" {
  name                  = "vm-jump"
  resource_group_name   = "rg-ops"
  location              = "westeurope"
  size                  = "Standard_B2s"
  admin_username        = "opsjump"
  network_interface_ids = [azurerm_network_interface.jump.id]

  admin_ssh_key {
    username   = "opsjump"
    public_key = file("keys/opsjump.pub")
  }
}

resource "azurerm_virtual_machine" "legacy" {
  name                  = "vm-legacy"
  location              = "westeurope"
  resource_group_name   = "rg-legacy"
  network_interface_ids = [azurerm_network_interface.legacy.id]
  vm_size               = "Standard_DS1_v2"

  os_profile_linux_config {
    disable_password_authentication = true
  }
}

# Windows machines log in with passwords by design (RDP is BH0601's).
resource "azurerm_windows_virtual_machine" "build" {
  name                  = "vm-build"
  resource_group_name   = "rg-ci"
  location              = "westeurope"
  size                  = "Standard_D4s_v5"
  admin_username        = "ciwinbuild"
  admin_password        = var.build_password
  network_interface_ids = [azurerm_network_interface.build.id]
}
