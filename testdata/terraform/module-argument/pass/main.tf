module "orders_db" {
  source              = "./modules/db"
  name                = "orders"
  publicly_accessible = false
}
