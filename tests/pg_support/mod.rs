//! Support for the live PostgreSQL tests (`tests/pg_lifecycle.rs`): scratch databases, plans
//! made with the real binary, catalog comparison, and the two application versions.

pub mod apps;
pub mod catalog;
pub mod db;
pub mod lifecycle;
pub mod plan;
#[path = "../plan_support/mod.rs"]
pub mod plan_support;
