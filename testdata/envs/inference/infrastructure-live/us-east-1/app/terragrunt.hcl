terraform {
  source = "git::https://example.com/modules.git//app?ref=v1"
}
