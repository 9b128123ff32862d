resource "aws_security_group" "app" {
  name   = "app"
  vpc_id = var.vpc_id

  # Ingress from anywhere is a different question.
  ingress {
    from_port   = 443
    to_port     = 443
    protocol    = "tcp"
    cidr_blocks = ["0.0.0.0/0"]
  }

  egress {
    from_port       = 443
    to_port         = 443
    protocol        = "tcp"
    prefix_list_ids = [aws_vpc_endpoint.s3.prefix_list_id]
  }

  egress {
    from_port   = 5432
    to_port     = 5432
    protocol    = "tcp"
    cidr_blocks = ["10.20.0.0/16"]
  }
}

# No egress block: Terraform removes the default allow-all rule.
resource "aws_security_group" "locked" {
  name   = "locked"
  vpc_id = var.vpc_id
}

resource "aws_security_group_rule" "https_in" {
  type              = "ingress"
  from_port         = 443
  to_port           = 443
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"]
  security_group_id = aws_security_group.app.id
}

resource "aws_security_group_rule" "proxy_out" {
  type              = "egress"
  from_port         = 3128
  to_port           = 3128
  protocol          = "tcp"
  cidr_blocks       = ["10.0.5.10/32"]
  security_group_id = aws_security_group.app.id
}

# Destination decided elsewhere: unknown, not reported.
resource "aws_vpc_security_group_egress_rule" "configurable" {
  security_group_id = aws_security_group.app.id
  ip_protocol       = "tcp"
  from_port         = 443
  to_port           = 443
  cidr_ipv4         = var.egress_cidr
}

resource "google_compute_firewall" "deny_egress" {
  name               = "deny-egress-all"
  network            = "main"
  direction          = "EGRESS"
  priority           = 65000
  destination_ranges = ["0.0.0.0/0"]

  deny {
    protocol = "all"
  }
}

resource "google_compute_firewall" "egress_internal" {
  name               = "allow-egress-internal"
  network            = "main"
  direction          = "EGRESS"
  destination_ranges = ["10.0.0.0/8"]

  allow {
    protocol = "tcp"
  }
}

resource "google_compute_firewall" "ingress_web" {
  name          = "allow-web"
  network       = "main"
  source_ranges = ["0.0.0.0/0"]

  allow {
    protocol = "tcp"
    ports    = ["443"]
  }
}

resource "azurerm_network_security_rule" "deny_internet" {
  name                        = "deny-internet-out"
  priority                    = 4000
  direction                   = "Outbound"
  access                      = "Deny"
  protocol                    = "*"
  source_port_range           = "*"
  destination_port_range      = "*"
  source_address_prefix       = "*"
  destination_address_prefix  = "Internet"
  resource_group_name         = "rg-net"
  network_security_group_name = "nsg-app"
}

resource "azurerm_network_security_group" "app" {
  name                = "nsg-app"
  location            = "westeurope"
  resource_group_name = "rg-net"

  security_rule {
    name                       = "vnet-out"
    priority                   = 100
    direction                  = "Outbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "*"
    destination_address_prefix = "VirtualNetwork"
  }

  security_rule {
    name                       = "https-in"
    priority                   = 110
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "443"
    source_address_prefix      = "Internet"
    destination_address_prefix = "*"
  }
}

# A disabled rule is not enforced.
resource "google_compute_firewall" "egress_disabled" {
  name               = "allow-egress-all-disabled"
  network            = "main"
  direction          = "EGRESS"
  destination_ranges = ["0.0.0.0/0"]
  disabled           = true

  allow {
    protocol = "all"
  }
}
