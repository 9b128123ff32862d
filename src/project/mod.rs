//! Project-level checks: small facts gathered from every unit of a scan and
//! judged once, after all units are processed, because the answer needs the
//! whole repository (a workload in one file is isolated by a policy in
//! another).
//!
//! The cross-environment checks follow the same pattern in [`crate::env`];
//! this module holds the checks that are not about environments.

pub mod egress;
