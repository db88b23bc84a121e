//! `migc snapshot`: the resolved model as versioned, deterministic JSON, readable back as a
//! `--from` source.

use crate::schema::Schema;
use serde::{Deserialize, Serialize};

/// The format's name, written in every snapshot.
pub const FORMAT: &str = "migc-snapshot";
/// Incremented on every change a reader of an older version would misread.
pub const VERSION: u32 = 1;

#[derive(Serialize, Deserialize)]
struct Envelope {
    format: String,
    version: u32,
    schema: Schema,
}

/// The snapshot text: pretty JSON with a trailing newline; maps are ordered, so equal schemas
/// give equal bytes.
pub fn to_json(schema: &Schema) -> String {
    let envelope = Envelope {
        format: FORMAT.to_string(),
        version: VERSION,
        schema: schema.clone(),
    };
    let mut text = serde_json::to_string_pretty(&envelope).unwrap_or_default();
    text.push('\n');
    text
}

/// Why a text is not a snapshot migc can read.
#[derive(Debug)]
pub enum SnapshotError {
    Json(serde_json::Error),
    Format(String),
    Version(u32),
}

impl std::fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SnapshotError::Json(e) => write!(f, "not a migc snapshot: {e}"),
            SnapshotError::Format(found) => {
                write!(
                    f,
                    "not a migc snapshot: format is `{found}`, expected `{FORMAT}`"
                )
            }
            SnapshotError::Version(v) => write!(
                f,
                "snapshot version {v} is newer than this migc understands (up to {VERSION})"
            ),
        }
    }
}

pub fn from_json(text: &str) -> Result<Schema, SnapshotError> {
    let envelope: Envelope = serde_json::from_str(text).map_err(SnapshotError::Json)?;
    if envelope.format != FORMAT {
        return Err(SnapshotError::Format(envelope.format));
    }
    if envelope.version > VERSION {
        return Err(SnapshotError::Version(envelope.version));
    }
    Ok(envelope.schema)
}
