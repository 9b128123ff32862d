resource "kubernetes_pod_v1" "api" {
  metadata {
    name = "api"
  }
  spec {
    container {
      name  = "api" # expect: BH0245
      image = "example/api:1.4.2"
    }
  }
}

resource "kubernetes_deployment" "worker" {
  metadata {
    name = "worker"
  }
  spec {
    selector {
      match_labels = { app = "worker" }
    }
    template {
      metadata {
        labels = { app = "worker" }
      }
      spec {
        container {
          name  = "worker"
          image = "example/worker:3.0.1"
          security_context {
            allow_privilege_escalation = true # expect: BH0245
            run_as_non_root            = true
          }
        }
        container {
          name  = "metrics"
          image = "example/metrics:1.0.0"
          security_context {
            allow_privilege_escalation = false
          }
        }
      }
    }
  }
}

resource "kubernetes_job_v1" "migrate" {
  metadata {
    name = "migrate"
  }
  spec {
    template {
      metadata {}
      spec {
        container {
          name  = "migrate" # expect: BH0245
          image = "example/migrate:1.0.0"
          security_context {
            run_as_non_root = true
          }
        }
      }
    }
  }
}

locals {
  app_name = "app-2048"
}

resource "kubernetes_deployment_v1" "game" {
  metadata {
    name = local.app_name
  }
  spec {
    selector {
      match_labels = { app = local.app_name }
    }
    template {
      metadata {
        labels = { app = local.app_name }
      }
      spec {
        container { # expect: BH0245
          name  = local.app_name
          image = "public.ecr.aws/l6m2t8p7/docker-2048:latest"
        }
      }
    }
  }
}
