include "root" {
  path = find_in_parent_folders("root.hcl")
}

include "envcommon" {
  path   = "${dirname(find_in_parent_folders("root.hcl"))}/_envcommon/mysql.hcl"
  expose = true
}

terraform {
  source = include.envcommon.locals.base_source
}

inputs = {
  publicly_accessible = true # expect: BH0504
  master_username     = get_env("DB_ADMIN_USER", "admin") # expect: BH0405
}
