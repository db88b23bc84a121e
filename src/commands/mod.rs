pub mod check;
pub mod explain;
pub mod fmt;
pub mod plan;
pub mod snapshot;
