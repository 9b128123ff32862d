locals {
  environment_vars = read_terragrunt_config(find_in_parent_folders("env.hcl"))
  env              = local.environment_vars.locals.environment
  base_source      = "${dirname(find_in_parent_folders("root.hcl"))}/../modules//mysql"
}

inputs = {
  name                = "mysql-${local.env}"
  instance_class      = "db.t3.micro"
  publicly_accessible = false
}
