//! Printing SQL syntax trees so that what the user wrote stays exactly what it was.
//!
//! sqlparser prints a string literal or a quoted name without doubling a quote that follows a
//! backslash, or that another quote follows: the text `x\'` prints as `'x\''`, which reads back
//! as a literal running on into the rest of the expression. So every tree migc prints is first
//! *sealed*: each string literal becomes text printed as it is, written by
//! [`Spelling::literal`], and each quoted name (and each bare name that is not a plain word)
//! text written by [`Spelling::ident`]. The neutral text of the model is sealed in the
//! standard SQL form; the planner seals again in each dialect's form.

use migc_stdlib::Dialect;
use sqlparser::ast::{self, Ident, Value, VisitMut, VisitorMut};
use std::ops::ControlFlow;

/// How literals and names are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Spelling {
    /// The model's neutral text: standard SQL, as sqlparser's generic dialect reads it back
    /// (`'…'` with the quote doubled, `"…"` with the quote doubled, backslashes plain).
    Neutral,
    /// A dialect's own quoting ([`Dialect::quote_literal`], [`Dialect::quote_ident`]).
    Dialect(Dialect),
}

impl Spelling {
    pub fn literal(self, value: &str) -> String {
        match self {
            Spelling::Neutral => format!("'{}'", value.replace('\'', "''")),
            Spelling::Dialect(d) => d.quote_literal(value),
        }
    }

    pub fn ident(self, name: &str) -> String {
        match self {
            Spelling::Neutral => format!("\"{}\"", name.replace('"', "\"\"")),
            Spelling::Dialect(d) => d.quote_ident(name),
        }
    }
}

/// An expression printed exactly as `text` (already written for its dialect).
pub fn raw(text: String) -> ast::Expr {
    ast::Expr::Value(Value::Placeholder(text).into())
}

/// The text a string value of the tree holds, or `None` for values that are not strings.
pub fn string_value(v: &Value) -> Option<&str> {
    match v {
        Value::SingleQuotedString(s)
        | Value::DoubleQuotedString(s)
        | Value::TripleSingleQuotedString(s)
        | Value::TripleDoubleQuotedString(s)
        | Value::EscapedStringLiteral(s)
        | Value::UnicodeStringLiteral(s)
        | Value::NationalStringLiteral(s)
        | Value::SingleQuotedRawStringLiteral(s)
        | Value::DoubleQuotedRawStringLiteral(s)
        | Value::TripleSingleQuotedRawStringLiteral(s)
        | Value::TripleDoubleQuotedRawStringLiteral(s) => Some(s),
        Value::DollarQuotedString(d) => Some(&d.value),
        _ => None,
    }
}

/// A word every dialect reads bare as a name or a keyword: ASCII letters, digits and `_`, not
/// starting with a digit.
pub fn plain_word(w: &str) -> bool {
    w.chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_')
        && w.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// Whether the word, bare, reads back as the name it is (not `null`, `true`, `current_date`
/// or a reserved word).
fn reads_as_name(word: &str) -> bool {
    let dialect = sqlparser::dialect::GenericDialect {};
    let Ok(mut p) = sqlparser::parser::Parser::new(&dialect).try_with_sql(word) else {
        return false;
    };
    let read = p.parse_expr();
    p.peek_token().token == sqlparser::tokenizer::Token::EOF
        && matches!(read, Ok(ast::Expr::Identifier(i)) if i.value == word && i.quote_style.is_none())
}

/// A name as an identifier of the neutral text: bare when it is plain lower case and reads back
/// bare as itself, quoted otherwise.
pub fn neutral_ident(name: &str) -> String {
    if migc_stdlib::is_plain_identifier(name) && reads_as_name(name) {
        name.to_string()
    } else {
        Spelling::Neutral.ident(name)
    }
}

struct Sealer(Spelling);

impl VisitorMut for Sealer {
    type Break = ();

    fn pre_visit_value(&mut self, value: &mut ast::ValueWithSpan) -> ControlFlow<()> {
        if let Some(text) = string_value(&value.value) {
            value.value = Value::Placeholder(self.0.literal(text));
        }
        ControlFlow::Continue(())
    }

    fn pre_visit_ident(&mut self, ident: &mut Ident) -> ControlFlow<()> {
        // Bare plain words stay: keywords, function and type names, names as written.
        if ident.quote_style.is_none() && plain_word(&ident.value) {
            return ControlFlow::Continue(());
        }
        // The neutral text is canonical: a quoted name that reads back bare as itself is
        // written bare, so that `"id"` and `id` compare equal (`"null"` stays quoted).
        let text = match self.0 {
            Spelling::Neutral => neutral_ident(&ident.value),
            Spelling::Dialect(d) => d.quote_ident(&ident.value),
        };
        *ident = Ident::new(text);
        ControlFlow::Continue(())
    }
}

/// Writes every string literal and every name that needs quotes in the tree in `spelling`, so
/// that the printed tree reads back as the same tree. Text already sealed (a [`raw`]
/// expression) is left as it is.
pub fn seal<T: VisitMut>(tree: &mut T, spelling: Spelling) {
    let _ = tree.visit(&mut Sealer(spelling));
}

/// The tree printed after [`seal`]ing it.
pub fn print<T: VisitMut + std::fmt::Display>(mut tree: T, spelling: Spelling) -> String {
    seal(&mut tree, spelling);
    tree.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use sqlparser::dialect::GenericDialect;
    use sqlparser::parser::Parser;

    fn expr(sql: &str) -> ast::Expr {
        Parser::new(&GenericDialect {})
            .try_with_sql(sql)
            .and_then(|mut p| p.parse_expr())
            .expect("parses")
    }

    #[track_caller]
    fn round_trip(sql: &str) {
        let printed = print(expr(sql), Spelling::Neutral);
        assert_eq!(expr(&printed), expr(sql), "{sql} printed as {printed}");
    }

    /// What sqlparser's own printing gets wrong reads back as written once sealed.
    #[test]
    fn printed_trees_read_back_the_same() {
        round_trip(r#"a = 'x\''' OR b = ')--'"#);
        round_trip(r#"a = 'it''''s'"#);
        round_trip(r#""we\""ird" > 0"#);
        round_trip(r#"CAST(a AS "my""type")"#);
        round_trip("lower(name) || 'C:\\' || '$migc$'");
        // A quoted keyword stays a name.
        assert_eq!(
            print(expr(r#""null" <> 'x'"#), Spelling::Neutral),
            r#""null" <> 'x'"#
        );
        assert_eq!(print(expr(r#""id" > 0"#), Spelling::Neutral), "id > 0");
        assert_eq!(
            print(expr(r#"a = 'x\'''"#), Spelling::Neutral),
            r#"a = 'x\'''"#
        );
    }

    #[test]
    fn dialects_get_their_own_quotes() {
        let e = expr(r#""col`x" = 'C:\'"#);
        assert_eq!(
            print(e.clone(), Spelling::Dialect(Dialect::Mysql)),
            r#"`col``x` = 'C:\\'"#
        );
        assert_eq!(
            print(e, Spelling::Dialect(Dialect::Postgres)),
            r#""col`x" = E'C:\\'"#
        );
    }
}
