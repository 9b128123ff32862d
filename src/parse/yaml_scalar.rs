//! What a plain (unquoted) YAML scalar stands for: null, a boolean, a number
//! or a string. The YAML loader resolves scalars with these rules, and so
//! does the build script, which prepares the built-in check definitions with
//! them (this file is compiled into both, so it depends on nothing else).

/// The value of a plain scalar.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Plain<'a> {
    /// `~`, `null` or nothing.
    Null,
    /// `true`, `yes`, `on`, `false`, `no`, `off` (in three cases).
    Bool(bool),
    /// A decimal, hexadecimal (`0x`) or octal (`0o`) integer, or a float.
    Number(f64),
    /// Anything else.
    Str(&'a str),
}

/// Resolve a plain scalar the way Kubernetes tooling does (YAML 1.2 core
/// schema plus the YAML 1.1 booleans that `sigs.k8s.io/yaml` still accepts).
#[must_use]
pub fn resolve(s: &str) -> Plain<'_> {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return Plain::Null,
        "true" | "True" | "TRUE" | "yes" | "Yes" | "YES" | "on" | "On" | "ON" => {
            return Plain::Bool(true);
        }
        "false" | "False" | "FALSE" | "no" | "No" | "NO" | "off" | "Off" | "OFF" => {
            return Plain::Bool(false);
        }
        _ => {}
    }
    let bytes = s.as_bytes();
    let numeric_start = bytes
        .first()
        .is_some_and(|c| c.is_ascii_digit() || matches!(c, b'-' | b'+' | b'.'));
    if numeric_start {
        if let Some(hex) = s.strip_prefix("0x") {
            if let Ok(v) = i64::from_str_radix(hex, 16) {
                return Plain::Number(v as f64);
            }
        } else if let Some(oct) = s.strip_prefix("0o") {
            if let Ok(v) = i64::from_str_radix(oct, 8) {
                return Plain::Number(v as f64);
            }
        } else if s
            .bytes()
            .all(|c| c.is_ascii_digit() || c == b'-' || c == b'+')
        {
            if let Ok(v) = s.parse::<i64>() {
                return Plain::Number(v as f64);
            }
        } else if s
            .bytes()
            .all(|c| c.is_ascii_digit() || matches!(c, b'-' | b'+' | b'.' | b'e' | b'E'))
            && s.bytes().any(|c| c.is_ascii_digit())
        {
            if let Ok(v) = s.parse::<f64>() {
                return Plain::Number(v);
            }
        }
    }
    Plain::Str(s)
}
