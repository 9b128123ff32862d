encrypt_storage = false # expect: BH0210
