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
        host_network = false
        host_pid     = false
        container {
          name  = "exporter"
          image = "example/exporter:1.8.0"
        }
      }
    }
  }
}

resource "kubernetes_pod_v1" "configurable" {
  metadata {
    name = "configurable"
  }
  spec {
    host_network = var.host_network
    container {
      name  = "app"
      image = "example/app:1.0.0"
    }
  }
}

# A Service has no pod spec.
resource "kubernetes_service_v1" "exporter" {
  metadata {
    name = "exporter"
  }
  spec {
    selector = { app = "exporter" }
    port {
      port = 9100
    }
  }
}
