provider "aws" {
  region     = "eu-central-1"
  access_key = "AKIAQ3EGUHVZ7RX2ABCD" # expect: BH0403
  secret_key = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYzEXAMPLEKEY" # expect: BH0403
}

resource "aws_rds_cluster" "orders" {
  engine          = "aurora-postgresql"
  master_username = "orders_owner"
  master_password = "Orders2024!" # expect: BH0403
}

resource "azurerm_linux_virtual_machine" "jump" {
  name                            = "jump"
  resource_group_name             = "rg-ops"
  location                        = "westeurope"
  size                            = "Standard_B2s"
  admin_username                  = "opsuser"
  admin_password                  = "P@ssw0rd-Jump-01" # expect: BH0403
  disable_password_authentication = false
}

resource "aws_vpn_connection" "office" {
  customer_gateway_id   = aws_customer_gateway.office.id
  transit_gateway_id    = aws_ec2_transit_gateway.main.id
  type                  = "ipsec.1"
  tunnel1_preshared_key = "kE8s1lPq_Xy72mNb" # expect: BH0403
}

resource "kubernetes_secret" "registry" {
  metadata {
    name = "registry"
  }
  data = {
    token = "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB" # expect: BH0403
  }
}

module "db" {
  source      = "./modules/db"
  db_password = "module-literal-pw" # expect: BH0403
}

locals {
  slack_webhook_token = "xoxb-123456789012-abcdefghijkl" # expect: BH0403
}
