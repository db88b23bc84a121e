//! Objects of a database that the model cannot hold. Each is reported by name; those with SQL to
//! replay are kept as `native` blocks, so that importing them loses nothing.

use migc_compiler::schema::Native;
use migc_grammar::Span;
use migc_stdlib::Dialect;

/// An object outside the model.
#[derive(Clone, Debug)]
pub struct Unread {
    /// What it is: "trigger", "function", "check", "grants"…
    pub kind: String,
    pub name: String,
    pub table: Option<String>,
    /// What in it has no portable spelling (for a check, default or index).
    pub reason: Option<String>,
    /// SQL that recreates it, and SQL that removes it.
    pub up: Option<String>,
    pub down: Option<String>,
    /// The columns of its table it is over (an index's), where known: a table that loses them
    /// all loses it with them.
    pub columns: Vec<String>,
}

impl Unread {
    pub(crate) fn with_sql(
        kind: &str,
        name: &str,
        table: Option<&str>,
        up: &str,
        down: Option<String>,
    ) -> Unread {
        Unread {
            kind: kind.to_string(),
            name: name.to_string(),
            table: table.map(str::to_string),
            reason: None,
            up: Some(up.trim().to_string()),
            down,
            columns: Vec::new(),
        }
    }

    pub(crate) fn replayable(
        kind: &str,
        name: &str,
        table: Option<&str>,
        _dialect: Dialect,
        up: &str,
    ) -> Unread {
        Unread::with_sql(kind, name, table, up, None)
    }

    pub(crate) fn grant(first_line: &str) -> Unread {
        Unread {
            kind: "privilege".into(),
            name: first_line.trim().trim_end_matches(';').to_string(),
            table: None,
            reason: None,
            up: None,
            down: None,
            columns: Vec::new(),
        }
    }

    pub(crate) fn other_schema(name: &str) -> Unread {
        Unread {
            kind: "object in another schema".into(),
            name: name.to_string(),
            table: None,
            reason: None,
            up: None,
            down: None,
            columns: Vec::new(),
        }
    }

    pub(crate) fn partition(name: &str) -> Unread {
        Unread {
            kind: "partition".into(),
            name: name.to_string(),
            table: None,
            reason: None,
            up: None,
            down: None,
            columns: Vec::new(),
        }
    }

    pub(crate) fn column_default(
        table: &str,
        column: &str,
        what: &str,
        d: Dialect,
        expr: &str,
    ) -> Unread {
        let target = format!("{}.{}", table, column);
        let (up, down) = crate::dialect::reading(d)
            .column_default_ddl(table, column, expr)
            .unzip();
        Unread {
            kind: "default of column".into(),
            name: target,
            table: Some(table.to_string()),
            reason: Some(what.to_string()),
            up,
            down,
            columns: Vec::new(),
        }
    }

    pub(crate) fn check(table: &str, name: &str, what: &str, d: Dialect, expr: &str) -> Unread {
        let (up, down) = crate::dialect::reading(d)
            .check_ddl(table, name, expr)
            .unzip();
        Unread {
            kind: "check".into(),
            name: name.to_string(),
            table: Some(table.to_string()),
            reason: Some(what.to_string()),
            up,
            down,
            columns: Vec::new(),
        }
    }

    pub(crate) fn index(table: &str, name: &str, what: &str, d: Dialect, create: &str) -> Unread {
        let down = crate::dialect::reading(d).drop_index(name, table);
        Unread {
            kind: "index".into(),
            name: name.to_string(),
            table: Some(table.to_string()),
            reason: Some(what.to_string()),
            up: Some(create.trim().to_string()),
            down: Some(down),
            columns: Vec::new(),
        }
    }

    /// The same, over those columns of its table.
    pub(crate) fn over(mut self, columns: Vec<String>) -> Unread {
        self.columns = columns;
        self
    }

    /// The native block's name: kind and object, in lower case with underscores.
    pub fn native_name(&self) -> String {
        let raw = match &self.table {
            Some(t)
                if !self.name.starts_with(&format!("{t}."))
                    && self.kind != "row level security" =>
            {
                format!("{} {} {}", self.kind, t, self.name)
            }
            _ => format!("{} {}", self.kind, self.name),
        };
        let mut out = String::new();
        for c in raw.chars() {
            if c.is_ascii_alphanumeric() {
                out.push(c.to_ascii_lowercase());
            } else if !out.ends_with('_') {
                out.push('_');
            }
        }
        out.trim_matches('_').to_string()
    }

    pub fn message(&self) -> String {
        let on = match &self.table {
            Some(t) if !self.name.starts_with(&format!("{t}.")) && self.name != *t => {
                format!(" on table `{t}`")
            }
            _ => String::new(),
        };
        let why = match &self.reason {
            Some(r) => format!(" ({r} has no spelling in every dialect)"),
            None => String::new(),
        };
        format!(
            "{} `{}`{on} is outside migc's model{why}",
            self.kind, self.name
        )
    }

    pub fn help(&self) -> &'static str {
        if self.up.is_some() {
            "`migc import` keeps it as a `native` block; a plan never drops it"
        } else {
            "migc leaves it as it is; manage it outside migc"
        }
    }

    /// The native block that replays it, when there is SQL to replay.
    pub fn native(&self, dialect: Dialect) -> Option<Native> {
        Some(Native {
            name: self.native_name(),
            dialects: vec![dialect],
            up: vec![self.up.clone()?],
            down: self.down.iter().cloned().collect(),
            origin: Span::default(),
        })
    }
}
