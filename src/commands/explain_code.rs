//! `migc explain-code` (and `migc check --explain`): the long description of a diagnostic code.

use crate::exit::Failure;
use crate::render::Format;
use migc_grammar::Code;

/// The version of the JSON document (schemas/migc-explain-code-1.schema.json).
pub const FORMAT: &str = "migc-explain-code-1";

pub fn run(text: &str, format: Format) -> Result<(), Failure> {
    let Some(code) = Code::parse(text) else {
        return Err(Failure::Usage(format!(
            "`{}` is not a diagnostic code of migc (codes look like `E1004` or `W3001`; `migc check` and `migc plan` print them)",
            text.escape_debug()
        )));
    };
    match format {
        Format::Human => print!("{}", code.explanation()),
        Format::Json => {
            let doc = serde_json::json!({
                "format": FORMAT,
                "code": code.as_str(),
                "name": code.name(),
                "level": match code.default_severity() {
                    migc_grammar::Severity::Error => "error",
                    migc_grammar::Severity::Warning => "warning",
                },
                "summary": code.description(),
                "description": code.explanation(),
            });
            println!("{doc:#}");
        }
    }
    Ok(())
}
