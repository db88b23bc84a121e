//! DDL statements -> the schema model. Used for `.sql` files and for the DDL that catalog
//! introspection rebuilds, so both read the same way.
//!
//! [`Reader`] takes statements one at a time: [`statement`] dispatches a parsed one, [`table`]
//! reads tables and their columns, [`constraint`] keys, checks and indexes, and [`finish`] ties
//! what only the whole dump says (sequences, names met twice) once every statement is read.

mod constraint;
mod finish;
mod spelling;
mod statement;
mod table;

use crate::classify::{self, Kind};
use crate::dialect::Reading;
use crate::expr::{self, ident_value};
use crate::unread::Unread;
use migc_compiler::schema::{Column, Expr, Schema};
use migc_grammar::{Code, Diagnostic, FileId, Span};
use migc_stdlib::Dialect;
use sqlparser::ast::{self, ObjectName, Statement};
use sqlparser::parser::{Parser, ParserError};
use std::collections::BTreeMap;

/// Where a statement came from: a file (for positions) or the catalog of a database.
#[derive(Clone, Copy)]
pub(crate) struct Origin {
    pub file: Option<FileId>,
    pub offset: usize,
}

/// A sequence met in the DDL: the column owning it (table, column), its SQL and where it was.
type Sequence = (Option<(String, String)>, String, Origin);

pub(crate) struct Reader {
    pub dialect: Dialect,
    pub schema: Schema,
    pub diagnostics: Vec<Diagnostic>,
    pub unread: Vec<Unread>,
    /// Sequences by name, and the column owning each.
    sequences: BTreeMap<String, Sequence>,
    /// Columns whose default draws from a sequence: (table, column, sequence).
    nextval: Vec<(String, String, String)>,
    /// The partitioning cut from the MySQL `CREATE TABLE` being read (sqlparser does not read
    /// it), for the table's options.
    partitioning: Option<String>,
    /// The columns of that statement declared `ZEROFILL` (cut too: sqlparser does not read it),
    /// with their types as written.
    zerofill: Vec<(String, String)>,
    /// What the `CREATE VIEW` being read says besides its query, where sqlparser does not read
    /// it (MySQL's `SQL SECURITY`, the check option of either dialect).
    view_clauses: classify::ViewClauses,
}

impl Reader {
    /// How the dialect read differs.
    fn reading(&self) -> &'static dyn Reading {
        crate::dialect::reading(self.dialect)
    }

    pub fn new(dialect: Dialect) -> Reader {
        Reader {
            dialect,
            schema: Schema::default(),
            diagnostics: Vec::new(),
            unread: Vec::new(),
            sequences: BTreeMap::new(),
            nextval: Vec::new(),
            partitioning: None,
            zerofill: Vec::new(),
            view_clauses: classify::ViewClauses::default(),
        }
    }

    fn span(&self, at: Origin, len: usize) -> Option<Span> {
        at.file
            .map(|f| Span::new(f, at.offset, at.offset + len.max(1)))
    }

    fn warn(&mut self, at: Origin, text: &str, message: String, help: Option<&str>) {
        let mut d = Diagnostic::warning(Code::NotImported, message);
        if let Some(span) = self.span(at, first_line_len(text)) {
            d = d.primary(span, "not read");
        }
        if let Some(h) = help {
            d = d.help(h);
        }
        self.diagnostics.push(d);
    }

    fn error(&mut self, at: Origin, len: usize, message: String) {
        let mut d = Diagnostic::error(Code::SqlSyntax, message);
        if let Some(span) = self.span(at, len) {
            d = d.primary(span, "here");
        }
        self.diagnostics.push(d);
    }

    /// An object outside the model, kept as a native block when it has SQL to replay.
    fn unread(&mut self, at: Origin, text: &str, u: Unread) {
        let message = u.message();
        let help = u.help();
        self.warn(at, text, message, Some(help));
        self.unread.push(u);
    }

    fn parse(&mut self, text: &str, at: Origin) -> Option<Statement> {
        let result = Parser::parse_sql(self.reading().parser(), text);
        match result {
            Ok(mut s) if s.len() == 1 => s.pop(),
            Ok(_) => {
                self.error(at, first_line_len(text), "expected one statement".into());
                None
            }
            Err(e) => {
                let (message, offset) = parser_error(text, e);
                let word = text[offset..]
                    .find(|c: char| c.is_whitespace() || c == ',' || c == ')')
                    .unwrap_or(text.len() - offset);
                let at = Origin {
                    offset: at.offset + offset,
                    ..at
                };
                self.error(at, word, format!("cannot read this SQL: {message}"));
                None
            }
        }
    }

    /// Reads one statement of the dump or of the rebuilt catalog.
    pub fn statement(&mut self, text: &str, at: Origin) {
        match classify::classify(self.dialect, text) {
            Kind::Noise => {}
            Kind::Unread(u) => self.unread(at, text, u),
            Kind::Sequence { name } => {
                self.sequences
                    .entry(name)
                    .or_insert((None, text.to_string(), at));
            }
            Kind::SequenceOwned {
                sequence,
                table,
                column,
            } => {
                if let Some(s) = self.sequences.get_mut(&sequence) {
                    s.0 = Some((table, column));
                }
            }
            Kind::AddIdentity { table, column } => {
                if let Some(c) = self.column_mut(&table, &column) {
                    c.identity = true;
                    c.default = None;
                }
            }
            Kind::Sql => {
                let (cleaned, view_clauses) = classify::view_clauses(text);
                self.view_clauses = view_clauses;
                let cleaned = classify::strip_mysql_view_clauses(&cleaned);
                let crate::dialect::StorageClauses {
                    text: cleaned,
                    partitioning,
                    zerofill,
                    conflicts,
                } = self.reading().storage_clauses(&cleaned);
                self.partitioning = partitioning;
                self.zerofill = zerofill;
                for (offset, c) in conflicts {
                    let clause = Origin {
                        offset: at.offset + offset,
                        ..at
                    };
                    self.warn(
                        clause,
                        &c,
                        format!("`{c}` is not read: a plan that rebuilds the table does not keep it"),
                        Some("keep the table in a `native` block while it needs the clause, or enforce the rule from the application"),
                    );
                }
                if let Some(s) = self.parse(&cleaned, at) {
                    self.parsed(s, text, at);
                }
                self.partitioning = None;
                self.zerofill.clear();
                self.view_clauses = classify::ViewClauses::default();
            }
        }
    }

    fn name(&mut self, name: &ObjectName, at: Origin, text: &str) -> Option<String> {
        let parts: Vec<String> = name
            .0
            .iter()
            .filter_map(|p| p.as_ident().map(|i| ident_value(self.dialect, i)))
            .collect();
        match parts.as_slice() {
            [one] => Some(self.created_as(one)),
            [schema, one] if self.reading().in_default_schema(schema) => Some(self.created_as(one)),
            _ => {
                let full = parts.join(".");
                self.unread(at, text, Unread::other_schema(&full));
                None
            }
        }
    }

    /// A table's or view's name as it was created, where the dialect takes `users` for `Users`.
    fn created_as(&self, name: &str) -> String {
        if !self.reading().ignores_case()
            || self.schema.tables.contains_key(name)
            || self.schema.views.contains_key(name)
        {
            return name.to_string();
        }
        let mut known = self.schema.tables.keys().chain(self.schema.views.keys());
        known
            .find(|k| k.eq_ignore_ascii_case(name))
            .cloned()
            .unwrap_or_else(|| name.to_string())
    }

    /// Column names of `table` as the table spells them, where the dialect ignores case.
    fn columns_as_created(&self, table: &str, names: Vec<String>) -> Vec<String> {
        let Some(t) = self
            .schema
            .tables
            .get(table)
            .filter(|_| self.reading().ignores_case())
        else {
            return names;
        };
        names
            .into_iter()
            .map(|n| match t.column(&n) {
                Some(_) => n,
                None => t
                    .columns
                    .iter()
                    .find(|c| c.name.eq_ignore_ascii_case(&n))
                    .map_or(n, |c| c.name.clone()),
            })
            .collect()
    }

    fn column_mut(&mut self, table: &str, column: &str) -> Option<&mut Column> {
        self.schema
            .tables
            .get_mut(table)?
            .columns
            .iter_mut()
            .find(|c| c.name == column)
    }

    fn expr(&self, e: &ast::Expr) -> Result<Expr, String> {
        expr::portable(self.dialect, e).map(|sql| Expr {
            sql,
            origin: Span::default(),
        })
    }

    fn idents(&self, ids: &[ast::Ident]) -> Vec<String> {
        ids.iter().map(|i| ident_value(self.dialect, i)).collect()
    }

    fn index_columns(&self, cols: &[ast::IndexColumn]) -> Option<Vec<String>> {
        cols.iter()
            .map(|c| match &c.column.expr {
                ast::Expr::Identifier(i) => Some(ident_value(self.dialect, i)),
                _ => None,
            })
            .collect()
    }
}

fn first_line_len(text: &str) -> usize {
    text.find('\n').unwrap_or(text.len())
}

/// sqlparser's message without its position, and the byte offset the position stands for.
fn parser_error(text: &str, e: ParserError) -> (String, usize) {
    let raw = match e {
        ParserError::TokenizerError(m) | ParserError::ParserError(m) => m,
        ParserError::RecursionLimitExceeded => "the statement nests too deeply".to_string(),
    };
    let Some(i) = raw.rfind(" at Line: ") else {
        return (raw, 0);
    };
    let mut nums = raw[i..]
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|s| s.parse::<usize>().ok());
    let offset = match (nums.next(), nums.next()) {
        (Some(line), Some(col)) => offset_of(text, line, col),
        _ => 0,
    };
    let message = raw[..i]
        .replace("Expected: ", "expected ")
        .replace(", found: ", ", found ");
    (message, offset)
}

pub(super) fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(p) => start += p + 1,
            None => return text.len(),
        }
    }
    text[start..]
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(text.len(), |(i, _)| start + i)
}
