//! The `migc` command line: argument parsing, file I/O and diagnostic rendering around the
//! compiler and planner crates. Kept thin: decisions live in the crates.

pub mod cli;
mod commands;
pub mod exit;
pub mod export;
pub mod input;
mod output;
mod record;
pub mod render;
mod source;
