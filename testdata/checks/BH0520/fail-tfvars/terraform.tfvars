public_ip = true # expect: BH0520
