resource "azurerm_kubernetes_cluster" "main" { # expect: BH0620
  name                = "aks-main"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "main"

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }
}

resource "azurerm_kubernetes_cluster" "open" {
  name                = "aks-open"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "open"

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }

  api_server_access_profile {
    authorized_ip_ranges = ["203.0.113.0/24", "0.0.0.0/0"] # expect: BH0620
  }
}

resource "google_container_cluster" "main" { # expect: BH0620
  name               = "main"
  location           = "europe-west3"
  initial_node_count = 1
}

variable "admin_cidr" {
  default = "0.0.0.0/0" # expect: BH0620
}

resource "google_container_cluster" "admins" {
  name               = "admins"
  location           = "europe-west3"
  initial_node_count = 1

  master_authorized_networks_config {
    cidr_blocks {
      cidr_block   = var.admin_cidr
      display_name = "admins"
    }
  }
}
