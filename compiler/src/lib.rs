//! Resolves `.mig` syntax trees into the dialect-neutral [`schema::Schema`], reporting every
//! problem as a [`migc_grammar::Diagnostic`].

mod expr;
mod names;
mod resolve;
pub mod schema;
pub mod snapshot;
pub mod sql_text;
mod table;

pub use table::{one_expression, same_table_options, serial_for, serial_of, table_options_text};

pub use resolve::{compile, Compiled};
