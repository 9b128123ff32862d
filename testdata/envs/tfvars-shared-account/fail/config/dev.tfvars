environment = "development"
account_id  = "111111111111" # expect: BH0101
