//! Variable files: parse any text as `.tfvars` and feed its values to a fixed
//! module that passes them through locals, functions, `for_each`, `dynamic`
//! blocks and templates.
#![no_main]

#[path = "common.rs"]
mod common;

use std::collections::BTreeMap;

use libfuzzer_sys::fuzz_target;

const MODULE: &str = r#"
variable "a" {}
variable "b" {}
variable "c" { default = {} }
locals {
  merged  = merge(var.c, { x = var.a })
  encoded = jsonencode(var.b)
  keys    = try(keys(var.c), [])
  text    = "${var.a}-${try(var.b[0], "")}"
  flat    = try(flatten([var.a, var.b]), [])
  lookup  = lookup(var.c, "k", var.a)
}
resource "aws_security_group" "x" {
  for_each = try(toset(local.keys), [])
  name     = "${each.key}-${local.text}"
  dynamic "ingress" {
    for_each = try(var.b, [])
    content {
      cidr_blocks = [ingress.value]
      from_port   = var.a
    }
  }
  tags = local.merged
}
resource "aws_instance" "y" {
  count     = try(length(var.b), 0)
  user_data = local.encoded
}
"#;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(parsed) = bulkhead::parse::terraform::parse_hcl(text, 1) else {
        return;
    };
    let inputs: BTreeMap<String, bulkhead::model::Node> = parsed
        .attributes
        .entries()
        .iter()
        .map(|e| (e.key.clone(), e.value.clone()))
        .collect();
    common::evaluate_module(MODULE, &inputs);
});
