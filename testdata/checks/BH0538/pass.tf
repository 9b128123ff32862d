resource "azurerm_kubernetes_cluster" "calico" {
  name                = "aks-calico"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "calico"

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }

  network_profile {
    network_plugin = "azure"
    network_policy = "calico"
  }
}

resource "azurerm_kubernetes_cluster" "cilium" {
  name                = "aks-cilium"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "cilium"

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }

  network_profile {
    network_plugin      = "azure"
    network_plugin_mode = "overlay"
    network_data_plane  = "cilium"
  }
}

# Bring-your-own CNI.
resource "azurerm_kubernetes_cluster" "byo" {
  name                = "aks-byo"
  location            = "westeurope"
  resource_group_name = "rg-aks"
  dns_prefix          = "byo"

  default_node_pool {
    name       = "system"
    node_count = 3
    vm_size    = "Standard_D4s_v5"
  }

  network_profile {
    network_plugin = "none"
  }
}

resource "google_container_cluster" "dataplane_v2" {
  name               = "dpv2"
  location           = "europe-west3"
  initial_node_count = 1
  datapath_provider  = "ADVANCED_DATAPATH"
}

resource "google_container_cluster" "calico" {
  name               = "calico"
  location           = "europe-west3"
  initial_node_count = 1

  network_policy {
    enabled  = true
    provider = "CALICO"
  }
}

resource "google_container_cluster" "autopilot" {
  name             = "autopilot"
  location         = "europe-west3"
  enable_autopilot = true
}

resource "google_container_cluster" "configurable" {
  name               = "configurable"
  location           = "europe-west3"
  initial_node_count = 1
  datapath_provider  = var.datapath_provider
}
