//! How the database wrote a column, kept where the model would write it otherwise: SQLite's
//! type names as written, PostgreSQL's `serial`, and defaults the portable layer cannot say
//! (kept as the dialect's own text).

use super::Reader;
use migc_compiler::schema::ColumnType;
use migc_grammar::Span;
use sqlparser::ast;
use std::collections::BTreeMap;

/// The spelling SQLite keeps for a column read as portable type `ty`, when migc would write
/// the type otherwise (`DATETIME` read as `timestamp`): SQLite stores a column's type as
/// written, so a table written again keeps it. Other dialects store the type itself.
pub(super) fn kept_spelling(
    dialect: migc_stdlib::Dialect,
    ty: &ColumnType,
    spelling: &str,
) -> BTreeMap<migc_stdlib::Dialect, String> {
    let mut out = BTreeMap::new();
    let ColumnType::Builtin { name, args } = ty else {
        return out;
    };
    if !crate::dialect::reading(dialect).keeps_declared_text() {
        return out;
    }
    let Some(written) = migc_stdlib::builtin_type(name).map(|t| t.spelling(dialect, args)) else {
        return out;
    };
    // SQLite reads the type back as written, letter case and spaces included.
    let type_name = matches!(
        dialect.behaviour().portable_type_spelling(spelling),
        migc_stdlib::PortableSpelling::Kept(_)
    );
    if written != spelling.trim() && type_name {
        out.insert(dialect, spelling.to_string());
    }
    out
}

impl Reader {
    /// SQLite keeps a default's text as written, and its catalog shows it: `DEFAULT NULL`
    /// (which the model otherwise reads as no default) and `TRUE`/`FALSE` in capitals are kept
    /// as SQLite's spelling of the same value, the other dialects getting the portable one. A
    /// string in double quotes (`DEFAULT "x"`: no column can be meant there, so SQLite takes
    /// it for the string) is that string. `None` for any other default, or another dialect.
    pub(super) fn keyword_default(
        &self,
        e: &ast::Expr,
        text: &str,
    ) -> Option<migc_compiler::schema::Expr> {
        if !self.reading().keeps_declared_text() {
            return None;
        }
        let canonical = match e {
            ast::Expr::Value(v) => match &v.value {
                ast::Value::Null => "NULL".to_string(),
                ast::Value::Boolean(true) => "true".to_string(),
                ast::Value::Boolean(false) => "false".to_string(),
                _ => return None,
            },
            // Written again as a string: in `DEFAULT (…)`, as a rebuild writes a default,
            // SQLite would take the double quotes for a column.
            ast::Expr::Identifier(i) if i.quote_style == Some('"') => {
                return Some(migc_compiler::schema::Expr {
                    sql: format!("'{}'", i.value.replace('\'', "''")),
                    origin: Span::default(),
                });
            }
            _ => return None,
        };
        let written = written_word(self.reading().parser(), e, text)?;
        if written == canonical && canonical != "NULL" {
            return None;
        }
        // The text as written for this dialect, the value's portable text for the others.
        let spellings: BTreeMap<migc_stdlib::Dialect, String> = migc_stdlib::Dialect::ALL
            .into_iter()
            .map(|d| {
                let text = if d == self.dialect {
                    &written
                } else {
                    &canonical
                };
                (d, text.clone())
            })
            .collect();
        Some(migc_compiler::schema::Expr::native(
            &spellings,
            Span::default(),
        ))
    }

    /// A default the portable layer cannot say, kept as the database's own text for its
    /// dialect (`default native(sqlite: "datetime('now')")`): as the statement writes it where
    /// its place is known, otherwise as sqlparser writes it; `None` when that text is not one
    /// expression (a comment in it, say).
    pub(super) fn native_default(
        &self,
        e: &ast::Expr,
        text: &str,
    ) -> Option<migc_compiler::schema::Expr> {
        let written = parenthesized_default(self.reading().parser(), e, text)
            .filter(|v| migc_compiler::one_expression(self.dialect, v).is_ok())
            .unwrap_or_else(|| {
                let mut e = e;
                while let ast::Expr::Nested(inner) = e {
                    e = inner;
                }
                e.to_string()
            });
        migc_compiler::one_expression(self.dialect, &written).ok()?;
        Some(migc_compiler::schema::Expr::native(
            &BTreeMap::from([(self.dialect, written)]),
            Span::default(),
        ))
    }
}

/// The text inside the parentheses of `DEFAULT (…)` holding expression `e` in statement
/// `text`, as written: the last `DEFAULT` before the expression starts, then its balanced
/// parentheses.
fn parenthesized_default(
    dialect: &dyn sqlparser::dialect::Dialect,
    e: &ast::Expr,
    text: &str,
) -> Option<String> {
    use sqlparser::keywords::Keyword;
    use sqlparser::tokenizer::Token;
    let (tokens, start) = tokens_to(dialect, e, text)?;
    let before = |t: &sqlparser::tokenizer::TokenWithSpan| {
        (t.span.start.line, t.span.start.column) < (start.line, start.column)
    };
    let default = tokens.iter().rposition(|t| {
        before(t) && matches!(&t.token, Token::Word(w) if w.keyword == Keyword::DEFAULT)
    })?;
    let mut rest = tokens[default + 1..]
        .iter()
        .filter(|t| !matches!(t.token, Token::Whitespace(_)));
    let open = rest.next().filter(|t| t.token == Token::LParen)?;
    let mut depth = 1;
    let close = rest.find(|t| {
        match t.token {
            Token::LParen => depth += 1,
            Token::RParen => depth -= 1,
            _ => {}
        }
        depth == 0
    })?;
    let at = |l: sqlparser::tokenizer::Location| {
        super::offset_of(text, l.line as usize, l.column as usize)
    };
    text.get(at(open.span.start) + 1..at(close.span.start))
        .map(|s| s.trim().to_string())
}

/// The text of `text` that spells type `spelling` (as sqlparser writes it: capitals, no space
/// after a comma) right after the column name `name`: letter case and spaces as written.
pub(super) fn verbatim_type(text: &str, name: &ast::Ident, spelling: &str) -> Option<String> {
    let end = super::offset_of(
        text,
        name.span.end.line as usize,
        name.span.end.column as usize,
    );
    let want: Vec<char> = spelling
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect();
    let rest = text.get(end..)?;
    // The name's closing quote, if the span ends before it, then the space before the type.
    let start = rest
        .char_indices()
        .find(|(_, c)| !c.is_whitespace() && !matches!(c, '"' | '`' | ']' | '\''))?
        .0;
    let raw = &rest[start..];
    let mut matched = 0;
    let mut len = 0;
    for (i, c) in raw.char_indices() {
        if matched == want.len() {
            break;
        }
        len = i + c.len_utf8();
        if c.is_whitespace() {
            continue;
        }
        let mut lower = c.to_lowercase();
        if lower.next() != Some(want[matched]) || lower.next().is_some() {
            return None;
        }
        matched += 1;
    }
    (matched == want.len()).then(|| raw[..len].to_string())
}

/// PostgreSQL's `serial` spelling of an identity of integer type `ty` (a column drawing from a
/// sequence it owns, which PostgreSQL keeps apart from an `IDENTITY` column).
pub(super) fn serial_spelling(
    dialect: migc_stdlib::Dialect,
    ty: &ColumnType,
) -> Option<&'static str> {
    match ty {
        ColumnType::Builtin { name, .. } => crate::dialect::reading(dialect).serial_spelling(name),
        _ => None,
    }
}

/// The word of `text` at which expression `e` starts, as written (letter case kept).
fn written_word(
    dialect: &dyn sqlparser::dialect::Dialect,
    e: &ast::Expr,
    text: &str,
) -> Option<String> {
    use sqlparser::tokenizer::Token;
    let (tokens, start) = tokens_to(dialect, e, text)?;
    tokens.iter().find_map(|t| match &t.token {
        Token::Word(w)
            if (t.span.start.line, t.span.start.column) == (start.line, start.column) =>
        {
            match w.quote_style {
                None => Some(w.value.clone()),
                Some(_) => None,
            }
        }
        _ => None,
    })
}

/// The tokens of statement `text`, with where expression `e` starts in it (`None` where
/// sqlparser gave `e` no place).
fn tokens_to(
    dialect: &dyn sqlparser::dialect::Dialect,
    e: &ast::Expr,
    text: &str,
) -> Option<(
    Vec<sqlparser::tokenizer::TokenWithSpan>,
    sqlparser::tokenizer::Location,
)> {
    use sqlparser::ast::Spanned;
    let start = e.span().start;
    if start.line == 0 {
        return None;
    }
    let tokens = sqlparser::tokenizer::Tokenizer::new(dialect, text)
        .tokenize_with_location()
        .ok()?;
    Some((tokens, start))
}
