//! The `.mig` language's grammar and syntax tree.
//!
//! [`parse`] turns one source file into an [`ast::File`] whose every node carries a [`Span`];
//! syntax errors come back as [`Diagnostic`]s that say in words what was expected. The neutral
//! diagnostic type lives here because this is the lowest crate of the chain: the compiler and the
//! planner report through it too, and the CLI renders it once.

pub mod ast;
mod code;
mod diagnostic;
pub mod format;
mod parser;
mod source;
mod span;
mod suggestion;
mod syntax_error;

pub use code::Code;
pub use diagnostic::{sort as sort_diagnostics, Diagnostic, Label, Severity};
pub use parser::parse;
pub use source::{SourceFile, Sources};
pub use span::{FileId, Span};
pub use suggestion::suggest;
