locals {
  account_vars     = read_terragrunt_config(find_in_parent_folders("account.hcl"))
  environment_vars = read_terragrunt_config(find_in_parent_folders("env.hcl"))
  account_id       = local.account_vars.locals.aws_account_id
}

remote_state {
  backend = "s3"
  config = {
    bucket = "state-${local.account_vars.locals.account_name}"
    key    = "${path_relative_to_include()}/tf.tfstate"
    region = "eu-west-1"
  }
}

inputs = merge(
  local.account_vars.locals,
  local.environment_vars.locals,
)
