resource "kubernetes_deployment_v1" "agent" {
  metadata {
    name = "agent"
  }
  spec {
    selector {
      match_labels = { app = "agent" }
    }
    template {
      metadata {
        labels = { app = "agent" }
      }
      spec {
        container {
          name  = "agent"
          image = "example/agent:2.1.0"
          security_context {
            privileged = false
            capabilities {
              add = ["NET_BIND_SERVICE"]
            }
          }
        }
        container {
          name  = "sidecar"
          image = "example/sidecar:1.0.0"
          security_context {
            privileged = var.sidecar_privileged
          }
        }
      }
    }
  }
}

# Not a workload: a privileged pod security admission label is BH0301's business.
resource "kubernetes_namespace_v1" "system" {
  metadata {
    name = "system"
    labels = {
      "pod-security.kubernetes.io/enforce" = "privileged"
    }
  }
}
