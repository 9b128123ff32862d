resource "kubernetes_stateful_set_v1" "db" {
  metadata {
    name = "db"
  }
  spec {
    service_name = "db"
    selector {
      match_labels = { app = "db" }
    }
    template {
      metadata {
        labels = { app = "db" }
      }
      spec {
        security_context {
          run_as_user = 0 # expect: BH0248
        }
        container {
          name  = "db"
          image = "postgres:17.2"
        }
        container {
          name  = "exporter"
          image = "example/pg-exporter:0.15.0"
          security_context {
            run_as_user = 65534
          }
        }
      }
    }
  }
}

resource "kubernetes_pod_v1" "tools" {
  metadata {
    name = "tools"
  }
  spec {
    container {
      name  = "tools"
      image = "example/tools:1.0.0"
      security_context {
        run_as_user = "0" # expect: BH0248
      }
    }
  }
}
