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
          run_as_user     = 999
          run_as_non_root = true
        }
        container {
          name  = "db"
          image = "postgres:17.2"
        }
      }
    }
  }
}

# The container overrides the pod's root user.
resource "kubernetes_pod_v1" "tools" {
  metadata {
    name = "tools"
  }
  spec {
    security_context {
      run_as_user = 0
    }
    container {
      name  = "tools"
      image = "example/tools:1.0.0"
      security_context {
        run_as_user = 1000
      }
    }
  }
}

# Group 0 is not user 0.
resource "kubernetes_pod_v1" "group" {
  metadata {
    name = "group"
  }
  spec {
    security_context {
      run_as_user  = 1000
      run_as_group = 0
      fs_group     = 0
    }
    container {
      name  = "app"
      image = "example/app:1.0.0"
    }
  }
}
