resource "kubernetes_pod_v1" "builder" {
  metadata {
    name = "builder"
  }
  spec {
    container {
      name  = "builder"
      image = "docker:27"
    }
    volume {
      name = "scratch"
      empty_dir {}
    }
    volume {
      name = "config"
      config_map {
        name = "builder"
      }
    }
  }
}

# A persistent volume on a node path is an administrator's object, not a pod's mount.
resource "kubernetes_persistent_volume_v1" "local" {
  metadata {
    name = "local"
  }
  spec {
    capacity = { storage = "10Gi" }
    access_modes = ["ReadWriteOnce"]
    persistent_volume_source {
      host_path {
        path = "/mnt/data"
      }
    }
  }
}
