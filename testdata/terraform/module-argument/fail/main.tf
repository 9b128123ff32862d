module "orders_db" {
  source              = "./modules/db"
  name                = "orders"
  publicly_accessible = true # expect: BH0504
}
