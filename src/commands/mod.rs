pub mod check;
pub mod drift;
pub mod explain;
pub mod fmt;
pub mod import;
pub mod plan;
pub mod snapshot;
