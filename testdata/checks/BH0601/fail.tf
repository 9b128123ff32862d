resource "aws_security_group" "bastion" {
  name   = "bastion"
  vpc_id = var.vpc_id

  ingress {
    description      = "SSH"
    from_port        = 22
    to_port          = 22
    protocol         = "tcp"
    cidr_blocks      = ["0.0.0.0/0"] # expect: BH0601
    ipv6_cidr_blocks = ["::/0"] # expect: BH0601
  }
}

resource "aws_security_group" "legacy" {
  name   = "legacy"
  vpc_id = var.vpc_id

  ingress {
    description = "everything"
    from_port   = 0
    to_port     = 0
    protocol    = "-1"
    cidr_blocks = ["0.0.0.0/0"] # expect: BH0601
  }
}

resource "aws_security_group_rule" "low_ports" {
  type              = "ingress"
  from_port         = 0
  to_port           = 1024
  protocol          = "tcp"
  cidr_blocks       = ["0.0.0.0/0"] # expect: BH0601
  security_group_id = aws_security_group.app.id
}

resource "aws_vpc_security_group_ingress_rule" "rdp" {
  security_group_id = aws_security_group.windows.id
  ip_protocol       = "tcp"
  from_port         = 3389
  to_port           = 3389
  cidr_ipv4         = "0.0.0.0/0" # expect: BH0601
}

resource "azurerm_network_security_rule" "winrm" {
  name                        = "winrm"
  priority                    = 100
  direction                   = "Inbound"
  access                      = "Allow"
  protocol                    = "Tcp"
  source_port_range           = "*"
  destination_port_ranges     = ["5985-5986"]
  source_address_prefix       = "Internet" # expect: BH0601
  destination_address_prefix  = "*"
  resource_group_name         = "rg-win"
  network_security_group_name = "nsg-win"
}

resource "azurerm_network_security_group" "jump" {
  name                = "nsg-jump"
  location            = "westeurope"
  resource_group_name = "rg-ops"

  security_rule {
    name                       = "ssh"
    priority                   = 100
    direction                  = "Inbound"
    access                     = "Allow"
    protocol                   = "Tcp"
    source_port_range          = "*"
    destination_port_range     = "22"
    source_address_prefix      = "*" # expect: BH0601
    destination_address_prefix = "*"
  }
}

resource "google_compute_firewall" "k8s_api" {
  name          = "allow-k8s-api"
  network       = "main"
  source_ranges = ["0.0.0.0/0"] # expect: BH0601

  allow {
    protocol = "tcp"
    ports    = ["443", "6443"]
  }
}
