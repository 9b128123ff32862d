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
      name = "docker"
      host_path {
        path = "/var/run/docker.sock" # expect: BH0247
      }
    }
  }
}

resource "kubernetes_stateful_set" "logs" {
  metadata {
    name = "logs"
  }
  spec {
    service_name = "logs"
    selector {
      match_labels = { app = "logs" }
    }
    template {
      metadata {
        labels = { app = "logs" }
      }
      spec {
        container {
          name  = "shipper"
          image = "example/shipper:2.0.0"
        }
        volume {
          name = "scratch"
          empty_dir {}
        }
        volume {
          name = "varlog"
          host_path {
            path = var.log_dir
            type = "Directory"
          }
        }
      }
    }
  }
}

variable "log_dir" {
  default = "/var/log" # expect: BH0247
}
