//! SQL text shared by the dialects: identifiers, literals and expressions re-spelled per
//! dialect (stdlib functions, qualified column references, every string literal and quoted
//! name in the dialect's own form). The quoting itself is [`Dialect::quote_ident`] and
//! [`Dialect::quote_literal`]; nothing here quotes by hand.

use migc_compiler::sql_text::{raw, seal, Spelling};
use migc_stdlib::Dialect;
use sqlparser::ast::{
    self, visit_expressions, visit_expressions_mut, visit_relations_mut, FunctionArguments, Ident,
};
use sqlparser::dialect::GenericDialect;
use sqlparser::parser::Parser;
use sqlparser::tokenizer::Token;
use std::ops::ControlFlow;

/// An identifier for a dialect, always quoted: `"..."` for PostgreSQL and SQLite, backticks for
/// MySQL.
pub fn quote(name: &str, dialect: Dialect) -> String {
    dialect.quote_ident(name)
}

/// A string literal for a dialect.
pub fn literal(value: &str, dialect: Dialect) -> String {
    dialect.quote_literal(value)
}

/// The identifier as the name the database resolves it to, marked quoted (the tree is sealed
/// in the dialect's quotes before it is printed). A name written bare stands for what the
/// database makes of it: PostgreSQL folds it to lower case; MySQL and SQLite compare names the
/// same way quoted or not. A quoted name keeps its spelling.
fn requote(i: &mut Ident, dialect: Dialect) {
    let value = match i.quote_style {
        None if dialect.behaviour().folds_unquoted_names() => i.value.to_ascii_lowercase(),
        _ => i.value.clone(),
    };
    *i = Ident::with_quote('"', value);
}

/// A view's query spelled for `dialect`: every name of a table or column, and every alias of
/// a selected value, quoted the dialect's way; every string literal written the dialect's way.
/// A query that does not parse is returned as written.
pub fn render_query(sql: &str, dialect: Dialect) -> String {
    let Ok(mut statements) = Parser::parse_sql(&GenericDialect {}, sql) else {
        return sql.to_string();
    };
    if statements.len() != 1 {
        return sql.to_string();
    }
    let mut tables: Vec<String> = Vec::new();
    let _ = visit_relations_mut(&mut statements, |name: &mut ast::ObjectName| {
        if let Some(ast::ObjectNamePart::Identifier(i)) = name.0.last() {
            tables.push(i.value.to_ascii_lowercase());
        }
        for part in &mut name.0 {
            if let ast::ObjectNamePart::Identifier(i) = part {
                requote(i, dialect);
            }
        }
        ControlFlow::<()>::Continue(())
    });
    let _ = visit_expressions_mut(&mut statements, |e: &mut ast::Expr| {
        match e {
            ast::Expr::Identifier(i) => requote(i, dialect),
            ast::Expr::CompoundIdentifier(parts) => {
                parts.iter_mut().for_each(|i| requote(i, dialect))
            }
            // `user.name`: the parser reads a bare `user` as the function `USER`; it is the
            // table when the query reads a table of that name.
            ast::Expr::Function(f)
                if matches!(f.args, FunctionArguments::None)
                    && f.over.is_none()
                    && f.name.0.len() == 1 =>
            {
                if let Some(ast::ObjectNamePart::Identifier(i)) = f.name.0.first() {
                    if tables.contains(&i.value.to_ascii_lowercase()) {
                        let mut i = i.clone();
                        requote(&mut i, dialect);
                        *e = ast::Expr::Identifier(i);
                    }
                }
            }
            _ => {}
        }
        ControlFlow::<()>::Continue(())
    });
    if let ast::Statement::Query(q) = &mut statements[0] {
        if let ast::SetExpr::Select(select) = q.body.as_mut() {
            for item in &mut select.projection {
                if let ast::SelectItem::ExprWithAlias { alias, .. } = item {
                    requote(alias, dialect);
                }
            }
        }
    }
    let mut statement = statements.remove(0);
    seal(&mut statement, Spelling::Dialect(dialect));
    statement.to_string()
}

/// Column names quoted for `dialect`, separated by commas.
pub fn column_list(cols: &[String], dialect: Dialect) -> String {
    cols.iter()
        .map(|c| quote(c, dialect))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A foreign key's clause (without a constraint name) for `dialect`.
pub fn fk_clause(fk: &migc_compiler::schema::ForeignKey, dialect: Dialect) -> String {
    use migc_compiler::schema::FkAction;
    let mut s = format!(
        "FOREIGN KEY ({}) REFERENCES {} ({})",
        column_list(&fk.columns, dialect),
        quote(&fk.ref_table, dialect),
        column_list(&fk.ref_columns, dialect)
    );
    if fk.on_delete != FkAction::NoAction {
        s.push_str(&format!(" ON DELETE {}", fk.on_delete.sql()));
    }
    if fk.on_update != FkAction::NoAction {
        s.push_str(&format!(" ON UPDATE {}", fk.on_update.sql()));
    }
    s
}

/// `WITH [LOCAL] CHECK OPTION` after a view's query, where declared (PostgreSQL, MySQL).
pub fn check_option_clause(view: &migc_compiler::schema::View) -> String {
    view.check_option
        .map(|o| format!(" WITH {} CHECK OPTION", o.keyword().to_ascii_uppercase()))
        .unwrap_or_default()
}

/// The expression the whole text is (`None` when anything follows it).
fn parse(sql: &str) -> Option<ast::Expr> {
    let mut p = Parser::new(&GenericDialect {}).try_with_sql(sql).ok()?;
    let e = p.parse_expr().ok()?;
    (p.peek_token().token == Token::EOF).then_some(e)
}

/// The keys, indexes and constraints of `t` that read column `column`, by name or in an
/// expression, by their names.
pub fn users_of_column(t: &migc_compiler::schema::Table, column: &str) -> Vec<String> {
    let named = |cols: &[String]| cols.iter().any(|c| c == column);
    let reads = |sql: &str| identifiers(sql).iter().any(|i| i == column);
    let mut out = Vec::new();
    if let Some(pk) = t.primary_key.as_ref().filter(|pk| named(&pk.columns)) {
        out.push(pk.name.clone());
    }
    out.extend(
        t.uniques
            .iter()
            .filter(|u| named(&u.columns))
            .map(|u| u.name.clone()),
    );
    out.extend(
        t.foreign_keys
            .iter()
            .filter(|f| named(&f.columns))
            .map(|f| f.name.clone()),
    );
    out.extend(
        t.checks
            .iter()
            .filter(|c| reads(&c.expr.sql))
            .map(|c| c.name.clone()),
    );
    out.extend(
        t.indexes
            .iter()
            .filter(|i| {
                i.parts
                    .iter()
                    .any(|p| p.column.as_deref() == Some(column) || reads(&p.expr.sql))
                    || i.predicate.as_ref().is_some_and(|p| reads(&p.sql))
            })
            .map(|i| i.name.clone()),
    );
    out
}

/// The plain identifiers an expression mentions, in order of first use.
pub fn identifiers(sql: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if let Some(e) = parse(sql) {
        let _ = visit_expressions(&e, |e: &ast::Expr| {
            if let ast::Expr::Identifier(i) = e {
                if !out.contains(&i.value) {
                    out.push(i.value.clone());
                }
            }
            ControlFlow::<()>::Continue(())
        });
    }
    out
}

/// The leading words of a statement, keywords and names alike, names unquoted (`"a"`,
/// `` `a` `` and `[a]` are `a`), up to the first token that is neither; empty when it cannot
/// be read.
pub fn identifier_words(sql: &str) -> Vec<String> {
    let dialect = sqlparser::dialect::GenericDialect {};
    let Ok(tokens) = sqlparser::tokenizer::Tokenizer::new(&dialect, sql).tokenize() else {
        return Vec::new();
    };
    tokens
        .into_iter()
        .filter(|t| !matches!(t, Token::Whitespace(_)))
        .map_while(|t| match t {
            Token::Word(w) => Some(w.value),
            _ => None,
        })
        .collect()
}

/// An index a statement creates (`CREATE [UNIQUE | FULLTEXT | SPATIAL] INDEX [CONCURRENTLY]
/// [IF NOT EXISTS] name ON table …`, names in any dialect's quoting).
pub struct CreatedIndex {
    pub table: String,
    pub name: String,
    pub fulltext: bool,
}

/// The index `sql` creates, when it is a `CREATE … INDEX` statement.
pub fn created_index(sql: &str) -> Option<CreatedIndex> {
    let words = identifier_words(sql);
    let mut words = words.iter().map(String::as_str).peekable();
    if !words.next()?.eq_ignore_ascii_case("create") {
        return None;
    }
    let fulltext = words.peek()?.eq_ignore_ascii_case("fulltext");
    if ["unique", "fulltext", "spatial"]
        .iter()
        .any(|k| words.peek().is_some_and(|w| w.eq_ignore_ascii_case(k)))
    {
        words.next();
    }
    if !words.next()?.eq_ignore_ascii_case("index") {
        return None;
    }
    let mut name = words.next()?;
    if name.eq_ignore_ascii_case("concurrently") {
        name = words.next()?;
    }
    if name.eq_ignore_ascii_case("if") {
        words.next()?;
        words.next()?;
        name = words.next()?;
    }
    if !words.next()?.eq_ignore_ascii_case("on") {
        return None;
    }
    Some(CreatedIndex {
        table: words.next()?.to_string(),
        name: name.to_string(),
        fulltext,
    })
}

/// A value of a check's own literals that `column` may hold, when the check limits the column
/// to a list (`status in ('draft', 'sent')`, `kind = 'a' or kind = 'b'`, such a list `and`-ed
/// with other conditions): the literals as written (strings unquoted), in order.
pub fn allowed_values(check: &str, column: &str) -> Option<Vec<Literal>> {
    fn literal(e: &ast::Expr) -> Option<Literal> {
        match e {
            ast::Expr::Value(v) => match &v.value {
                ast::Value::SingleQuotedString(s) => Some(Literal::Text(s.clone())),
                ast::Value::Number(n, _) => Some(Literal::Number(n.to_string())),
                _ => None,
            },
            ast::Expr::Nested(e) => literal(e),
            _ => None,
        }
    }
    fn names(e: &ast::Expr, column: &str) -> bool {
        match e {
            ast::Expr::Identifier(i) => i.value == column,
            ast::Expr::Nested(e) => names(e, column),
            _ => false,
        }
    }
    fn walk(e: &ast::Expr, column: &str) -> Option<Vec<Literal>> {
        match e {
            ast::Expr::Nested(e) => walk(e, column),
            ast::Expr::InList {
                expr,
                list,
                negated: false,
            } if names(expr, column) => list.iter().map(literal).collect(),
            ast::Expr::BinaryOp { left, op, right } => match op {
                ast::BinaryOperator::Eq if names(left, column) => literal(right).map(|l| vec![l]),
                ast::BinaryOperator::Eq if names(right, column) => literal(left).map(|l| vec![l]),
                ast::BinaryOperator::Or => {
                    let mut a = walk(left, column)?;
                    a.extend(walk(right, column)?);
                    Some(a)
                }
                ast::BinaryOperator::And => walk(left, column).or_else(|| walk(right, column)),
                _ => None,
            },
            _ => None,
        }
    }
    walk(&parse(check)?, column).filter(|v| !v.is_empty())
}

/// A literal of an SQL expression.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Literal {
    Text(String),
    Number(String),
}

/// The expression with column names replaced (`c` -> `c__migc_new`), in the neutral text.
pub fn rename_identifiers(sql: &str, map: &std::collections::BTreeMap<String, String>) -> String {
    let Some(mut e) = parse(sql) else {
        return sql.to_string();
    };
    let _ = visit_expressions_mut(&mut e, |e: &mut ast::Expr| {
        if let ast::Expr::Identifier(i) = e {
            if let Some(to) = map.get(&i.value) {
                *i = Ident::with_quote('"', to.clone());
            }
        }
        ControlFlow::<()>::Continue(())
    });
    migc_compiler::sql_text::print(e, Spelling::Neutral)
}

/// Why an expression cannot be spelled for a dialect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unspellable {
    pub function: String,
    pub dialect: Dialect,
}

/// An expression of the neutral model spelled for `dialect`: stdlib functions by their
/// templates, column references qualified by `qualifier` (`NEW`, a quoted table name) when
/// given, every name and string literal in the dialect's quotes.
pub fn render(sql: &str, dialect: Dialect, qualifier: Option<&str>) -> Result<String, Unspellable> {
    let spelling = Spelling::Dialect(dialect);
    let Some(mut e) = parse(sql) else {
        return Err(Unspellable {
            function: sql.to_string(),
            dialect,
        });
    };
    // Children first: an argument is written for the dialect before the call around it
    // prints it.
    let mut failed = None;
    // The `concat(…)` calls `||` became, so that `a || b || c` is one call of three.
    let mut concats: std::collections::BTreeSet<String> = std::collections::BTreeSet::new();
    let _ = visit_expressions_mut(&mut e, |e: &mut ast::Expr| {
        match e {
            ast::Expr::Identifier(i) => {
                let column = quote(&i.value, dialect);
                *e = raw(match qualifier {
                    Some(q) => format!("{q}.{column}"),
                    None => column,
                });
            }
            ast::Expr::Function(f) => {
                let name = f
                    .name
                    .0
                    .last()
                    .and_then(|p| p.as_ident())
                    .map(|i| i.value.clone())
                    .unwrap_or_default();
                if let Some(function) = migc_stdlib::function(&name) {
                    let args: Vec<String> = match &mut f.args {
                        FunctionArguments::List(list) => list
                            .args
                            .iter_mut()
                            .map(|a| {
                                seal(a, spelling);
                                a.to_string()
                            })
                            .collect(),
                        _ => Vec::new(),
                    };
                    match function.render(dialect, &args) {
                        Some(text) => *e = raw(text),
                        None => {
                            failed = Some(Unspellable {
                                function: function.name.to_string(),
                                dialect,
                            })
                        }
                    }
                }
            }
            ast::Expr::BinaryOp {
                left,
                op: ast::BinaryOperator::StringConcat,
                right,
            } if !dialect.behaviour().concatenates_with_pipes() => {
                seal(left, spelling);
                seal(right, spelling);
                let left = left.to_string();
                let text = match left.strip_suffix(')').filter(|_| concats.contains(&left)) {
                    Some(open) => format!("{open}, {right})"),
                    None => format!("concat({left}, {right})"),
                };
                concats.insert(text.clone());
                *e = raw(text);
            }
            _ => {}
        }
        ControlFlow::<()>::Continue(())
    });
    match failed {
        Some(f) => Err(f),
        None => {
            seal(&mut e, spelling);
            Ok(e.to_string())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_index_a_statement_creates_is_read_in_any_quoting() {
        let read = |sql: &str| created_index(sql).map(|c| (c.table, c.name, c.fulltext));
        assert_eq!(
            read("CREATE FULLTEXT INDEX `ft` ON `posts` (`title`, `body`)"),
            Some(("posts".into(), "ft".into(), true))
        );
        assert_eq!(
            read("create unique index concurrently if not exists \"a b\" on \"t\" (x)"),
            Some(("t".into(), "a b".into(), false))
        );
        assert_eq!(read("CREATE TABLE t (id int)"), None);
        assert_eq!(read("CREATE INDEX"), None);
    }

    #[test]
    fn a_check_that_lists_values_gives_them() {
        let text = |v: &[&str]| {
            v.iter()
                .map(|s| Literal::Text(s.to_string()))
                .collect::<Vec<_>>()
        };
        assert_eq!(
            allowed_values("status IN ('draft', 'sent')", "status"),
            Some(text(&["draft", "sent"]))
        );
        assert_eq!(
            allowed_values("(kind = 'a') OR kind = 'b'", "kind"),
            Some(text(&["a", "b"]))
        );
        assert_eq!(
            allowed_values("length(code) = 2 AND code IN ('EU', 'US')", "code"),
            Some(text(&["EU", "US"]))
        );
        assert_eq!(
            allowed_values("level IN (1, 2, 3)", "level"),
            Some(vec![
                Literal::Number("1".into()),
                Literal::Number("2".into()),
                Literal::Number("3".into())
            ])
        );
        assert_eq!(allowed_values("status NOT IN ('x')", "status"), None);
        assert_eq!(allowed_values("other IN ('x')", "status"), None);
        assert_eq!(allowed_values("status = 'a' OR total > 0", "status"), None);
    }

    #[test]
    fn view_queries_quote_every_name_per_dialect() {
        let q = r#"SELECT user.order, U2.Name FROM user JOIN "Team" AS u2 ON u2.id = user.team"#;
        assert_eq!(
            render_query(q, Dialect::Postgres),
            r#"SELECT "user"."order", "u2"."name" FROM "user" JOIN "Team" AS u2 ON "u2"."id" = "user"."team""#
        );
        assert_eq!(
            render_query(q, Dialect::Mysql),
            "SELECT `user`.`order`, `U2`.`Name` FROM `user` JOIN `Team` AS u2 ON `u2`.`id` = `user`.`team`"
        );
        assert_eq!(
            render_query(r#"SELECT "id" FROM "posts""#, Dialect::Sqlite),
            r#"SELECT "id" FROM "posts""#
        );
        // What does not parse is kept as written.
        assert_eq!(render_query("SELECT (", Dialect::Sqlite), "SELECT (");
    }

    /// A string literal in a view or an expression is written the dialect's way: on MySQL a
    /// backslash cannot end the literal early.
    #[test]
    fn literals_in_expressions_are_respelled() {
        // The texts `x\'` and `); DROP TABLE canary; -- `, as the compiler prints them.
        let hostile = r#"'x\''' || '); DROP TABLE canary; -- '"#;
        assert_eq!(
            render(hostile, Dialect::Mysql, None).expect("spellable"),
            r#"concat('x\\''', '); DROP TABLE canary; -- ')"#
        );
        assert_eq!(
            render(hostile, Dialect::Postgres, None).expect("spellable"),
            r#"E'x\\''' || '); DROP TABLE canary; -- '"#
        );
        assert_eq!(
            render(hostile, Dialect::Sqlite, None).expect("spellable"),
            r#"'x\''' || '); DROP TABLE canary; -- '"#
        );
        assert_eq!(
            render_query(r#"SELECT 'C:\' AS "p" FROM t"#, Dialect::Mysql),
            r#"SELECT 'C:\\' AS `p` FROM `t`"#
        );
        // Names in the dialect's quotes wherever sqlparser prints them (a cast's type).
        assert_eq!(
            render(r#"CAST(a AS "my`type")"#, Dialect::Mysql, None).expect("spellable"),
            "CAST(`a` AS `my``type`)"
        );
    }

    #[test]
    fn quoting() {
        assert_eq!(quote("users", Dialect::Postgres), r#""users""#);
        assert_eq!(quote("user", Dialect::Postgres), r#""user""#);
        assert_eq!(quote("Order Items", Dialect::Mysql), "`Order Items`");
        assert_eq!(quote("9lives", Dialect::Sqlite), r#""9lives""#);
        assert_eq!(literal("it's", Dialect::Sqlite), "'it''s'");
    }

    #[test]
    fn rendering() {
        let r = |s: &str, d, q| render(s, d, q).expect("spellable");
        assert_eq!(
            r("amount * 100", Dialect::Postgres, Some("NEW")),
            r#"NEW."amount" * 100"#
        );
        assert_eq!(
            r("lower(email)", Dialect::Postgres, None),
            r#"lower("email")"#
        );
        assert_eq!(
            r("length(name) > 3", Dialect::Mysql, None),
            "char_length(`name`) > 3"
        );
        assert_eq!(
            r("first || ' ' || last", Dialect::Mysql, Some("NEW")),
            "concat(NEW.`first`, ' ', NEW.`last`)"
        );
        assert_eq!(
            r("(a || b) || c || d", Dialect::Mysql, None),
            "concat((concat(`a`, `b`)), `c`, `d`)"
        );
        assert_eq!(r("now()", Dialect::Sqlite, None), "current_timestamp");
        assert_eq!(
            render("split_part(a, ' ', n)", Dialect::Sqlite, None),
            Err(Unspellable {
                function: "split_part".into(),
                dialect: Dialect::Sqlite
            })
        );
    }

    #[test]
    fn identifiers_in_order() {
        assert_eq!(identifiers("coalesce(b, a) || b"), vec!["b", "a"]);
    }
}
