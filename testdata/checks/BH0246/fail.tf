resource "kubernetes_daemon_set_v1" "exporter" {
  metadata {
    name = "exporter"
  }
  spec {
    selector {
      match_labels = { app = "exporter" }
    }
    template {
      metadata {
        labels = { app = "exporter" }
      }
      spec {
        host_network = true # expect: BH0246
        host_pid     = true # expect: BH0246
        container {
          name  = "exporter"
          image = "example/exporter:1.8.0"
        }
      }
    }
  }
}

resource "kubernetes_pod" "debug" {
  metadata {
    name = "debug"
  }
  spec {
    host_ipc = var.share_ipc
    container {
      name  = "debug"
      image = "busybox:1.36"
    }
  }
}

variable "share_ipc" {
  default = true # expect: BH0246
}
