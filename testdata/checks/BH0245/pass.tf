resource "kubernetes_pod_v1" "api" {
  metadata {
    name = "api"
  }
  spec {
    init_container {
      name  = "wait"
      image = "busybox:1.36"
      security_context {
        allow_privilege_escalation = false
      }
    }
    container {
      name  = "api"
      image = "example/api:1.4.2"
      security_context {
        allow_privilege_escalation = false
      }
    }
  }
}

# Privileged containers are reported by BH0244 only.
resource "kubernetes_daemon_set_v1" "cni" {
  metadata {
    name = "cni"
  }
  spec {
    selector {
      match_labels = { app = "cni" }
    }
    template {
      metadata {
        labels = { app = "cni" }
      }
      spec {
        container {
          name  = "cni"
          image = "example/cni:1.0.0"
          security_context {
            privileged = true
          }
        }
      }
    }
  }
}

# Decided by a variable without a default.
resource "kubernetes_deployment_v1" "configurable" {
  metadata {
    name = "configurable"
  }
  spec {
    selector {
      match_labels = { app = "configurable" }
    }
    template {
      metadata {
        labels = { app = "configurable" }
      }
      spec {
        container {
          name  = "app"
          image = "example/app:1.0.0"
          security_context {
            allow_privilege_escalation = var.escalation
          }
        }
      }
    }
  }
}
