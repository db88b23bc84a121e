//! `migc status`: what the state table of a database says.

use super::apply::{connect, failure, url};
use crate::exit::Failure;
use crate::render::Format;

/// The version of the JSON document (schemas/migc-status-1.schema.json).
const FORMAT: &str = "migc-status-1";

#[derive(serde::Serialize)]
struct Document<'a> {
    format: &'static str,
    #[serde(flatten)]
    status: &'a migc_runner::status::Status,
}

pub fn run(text: &str, format: Format) -> Result<(), Failure> {
    let url = url(text)?;
    let mut conn = connect(&url, false)?;
    let status = migc_runner::status::read(conn.as_mut()).map_err(failure)?;
    match format {
        Format::Human => print!("{}", migc_runner::status::human(&status)),
        Format::Json => {
            let doc = serde_json::to_string_pretty(&Document {
                format: FORMAT,
                status: &status,
            })
            .map_err(|e| Failure::Usage(e.to_string()))?;
            println!("{doc}");
        }
    }
    Ok(())
}
