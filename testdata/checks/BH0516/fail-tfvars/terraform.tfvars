tls = false # expect: BH0516
