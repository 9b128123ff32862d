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
        init_container {
          name  = "setup"
          image = "example/setup:1.0.0"
          security_context {
            privileged = true # expect: BH0244
          }
        }
        container {
          name  = "agent"
          image = "example/agent:2.1.0"
          security_context {
            privileged = false
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

variable "sidecar_privileged" {
  default = true # expect: BH0244
}

resource "kubernetes_pod" "debug" {
  metadata {
    name = "debug"
  }
  spec {
    container {
      name  = "shell"
      image = "busybox:1.36"
      security_context {
        privileged = "true" # expect: BH0244
      }
    }
  }
}

resource "kubernetes_cron_job_v1" "cleanup" {
  metadata {
    name = "cleanup"
  }
  spec {
    schedule = "0 3 * * *"
    job_template {
      metadata {}
      spec {
        template {
          metadata {}
          spec {
            container {
              name  = "cleanup"
              image = "example/cleanup:1.0.0"
              security_context {
                privileged = true # expect: BH0244
              }
            }
          }
        }
      }
    }
  }
}
