public = true # expect: BH0504
