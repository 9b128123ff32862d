resource "aws_opensearch_domain" "logs" {
  domain_name = "logs"
  encrypt_at_rest {
    enabled    = true
    kms_key_id = aws_kms_key.search.arn
  }
}

resource "aws_opensearch_domain" "configurable" {
  domain_name = "configurable"
  encrypt_at_rest {
    enabled = var.encrypt
  }
}

# Fine-grained access control requires (and implies) encryption at rest.
resource "aws_opensearch_domain" "fgac" {
  domain_name = "fgac"
  advanced_security_options {
    enabled                        = true
    internal_user_database_enabled = true
  }
}

# Generated from a variable without a value: may exist.
resource "aws_opensearch_domain" "generated" {
  domain_name = "generated"
  dynamic "encrypt_at_rest" {
    for_each = var.encrypt_at_rest
    content {
      enabled = encrypt_at_rest.value
    }
  }
}

# node_to_node_encryption is a different setting (BH0515).
resource "aws_opensearch_domain" "other" {
  domain_name = "other"
  encrypt_at_rest {
    enabled = true
  }
  node_to_node_encryption {
    enabled = false
  }
}
