guardduty_enabled = false # expect: BH0801
