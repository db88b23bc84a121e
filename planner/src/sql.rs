//! SQL text helpers shared by the dialects: identifier quoting and expressions re-spelled per
//! dialect (stdlib functions, qualified column references).

use migc_stdlib::Dialect;
use sqlparser::ast::{
    self, visit_expressions, visit_expressions_mut, visit_relations_mut, FunctionArguments, Ident,
};
use sqlparser::dialect::GenericDialect;
use sqlparser::parser::Parser;
use std::ops::ControlFlow;

/// An identifier for a dialect: bare when it is plain lower case and not reserved, quoted
/// otherwise (`"..."` for PostgreSQL and SQLite, backticks for MySQL).
pub fn quote(name: &str, dialect: Dialect) -> String {
    if migc_stdlib::is_plain_identifier(name)
        && !(dialect == Dialect::Mysql && migc_stdlib::is_mysql_reserved(name))
    {
        return name.to_string();
    }
    match dialect {
        Dialect::Mysql => format!("`{}`", name.replace('`', "``")),
        _ => format!("\"{}\"", name.replace('"', "\"\"")),
    }
}

/// The identifier respelled for `dialect`: a name written bare stays bare unless the dialect
/// reserves it (then it is quoted in lower case, the name it stands for); a quoted name keeps its
/// spelling, in the dialect's quotes, or goes bare when it needs none.
fn requote(i: &mut Ident, dialect: Dialect) {
    let value = match i.quote_style {
        None if migc_stdlib::is_reserved(&i.value)
            || (dialect == Dialect::Mysql && migc_stdlib::is_mysql_reserved(&i.value)) =>
        {
            i.value.to_ascii_lowercase()
        }
        None => return,
        Some(_) => i.value.clone(),
    };
    let quoted = quote(&value, dialect);
    *i = if quoted == value {
        Ident::new(value)
    } else {
        Ident::with_quote(if dialect == Dialect::Mysql { '`' } else { '"' }, value)
    };
}

/// A view's query spelled for `dialect`: the names of tables and columns quoted the dialect's
/// way where they need it (a column called `order`, a table called `user`). A query that does
/// not parse is returned as written.
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
    statements[0].to_string()
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

/// `CREATE OR REPLACE VIEW` of a declared view, its query spelled for `dialect` (PostgreSQL,
/// MySQL; SQLite has no `OR REPLACE`).
pub fn create_or_replace_view(view: &migc_compiler::schema::View, dialect: Dialect) -> String {
    format!(
        "CREATE OR REPLACE VIEW {} AS {};",
        quote(&view.name, dialect),
        render_query(&view.query, dialect)
    )
}

/// A string literal.
pub fn literal(value: &str) -> String {
    format!("'{}'", value.replace('\'', "''"))
}

fn parse(sql: &str) -> Option<ast::Expr> {
    Parser::new(&GenericDialect {})
        .try_with_sql(sql)
        .and_then(|mut p| p.parse_expr())
        .ok()
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

/// The expression with column names replaced (`c` -> `c__migc_new`), in the neutral text.
pub fn rename_identifiers(sql: &str, map: &std::collections::BTreeMap<String, String>) -> String {
    let Some(mut e) = parse(sql) else {
        return sql.to_string();
    };
    let _ = visit_expressions_mut(&mut e, |e: &mut ast::Expr| {
        if let ast::Expr::Identifier(i) = e {
            if let Some(to) = map.get(&i.value) {
                *i = Ident::new(to.clone());
            }
        }
        ControlFlow::<()>::Continue(())
    });
    e.to_string()
}

/// Why an expression cannot be spelled for a dialect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unspellable {
    pub function: String,
    pub dialect: Dialect,
}

/// An expression of the neutral model spelled for `dialect`: stdlib functions by their
/// templates, column references qualified by `qualifier` (`NEW`, a table alias) when given.
pub fn render(sql: &str, dialect: Dialect, qualifier: Option<&str>) -> Result<String, Unspellable> {
    let Some(mut e) = parse(sql) else {
        return Ok(sql.to_string());
    };
    let mut failed = None;
    let _ = visit_expressions_mut(&mut e, |e: &mut ast::Expr| {
        match e {
            ast::Expr::Identifier(i) => {
                let column = quote(&i.value, dialect);
                let text = match qualifier {
                    Some(q) => format!("{q}.{column}"),
                    None => column,
                };
                *e = raw(text);
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
                    let args: Vec<String> = match &f.args {
                        FunctionArguments::List(list) => {
                            list.args.iter().map(|a| a.to_string()).collect()
                        }
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
            } if dialect == Dialect::Mysql => {
                *e = raw(format!("concat({left}, {right})"));
            }
            _ => {}
        }
        ControlFlow::<()>::Continue(())
    });
    match failed {
        Some(f) => Err(f),
        None => Ok(e.to_string()),
    }
}

/// Text that prints as itself (an identifier sqlparser does not quote). Expressions are visited
/// children first, so a node replaced by raw text is not visited again.
fn raw(text: String) -> ast::Expr {
    ast::Expr::Identifier(Ident {
        value: text,
        quote_style: None,
        span: sqlparser::tokenizer::Span::empty(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn view_queries_quote_reserved_names_per_dialect() {
        let q = "SELECT user.order, u2.name FROM user JOIN \"Team\" AS u2 ON u2.id = user.team";
        assert_eq!(
            render_query(q, Dialect::Postgres),
            "SELECT \"user\".\"order\", u2.name FROM \"user\" JOIN \"Team\" AS u2 ON u2.id = \"user\".team"
        );
        assert_eq!(
            render_query(q, Dialect::Mysql),
            "SELECT `user`.`order`, u2.name FROM `user` JOIN `Team` AS u2 ON u2.id = `user`.team"
        );
        // Plain names written in quotes go bare; what does not parse is kept as written.
        assert_eq!(
            render_query("SELECT \"id\" FROM \"posts\"", Dialect::Sqlite),
            "SELECT id FROM posts"
        );
        assert_eq!(render_query("SELECT (", Dialect::Sqlite), "SELECT (");
    }

    #[test]
    fn quoting() {
        assert_eq!(quote("users", Dialect::Postgres), "users");
        assert_eq!(quote("user", Dialect::Postgres), "\"user\"");
        assert_eq!(quote("Order Items", Dialect::Mysql), "`Order Items`");
        assert_eq!(quote("9lives", Dialect::Sqlite), "\"9lives\"");
    }

    #[test]
    fn rendering() {
        let r = |s: &str, d, q| render(s, d, q).expect("spellable");
        assert_eq!(
            r("amount * 100", Dialect::Postgres, Some("NEW")),
            "NEW.amount * 100"
        );
        assert_eq!(r("lower(email)", Dialect::Postgres, None), "lower(email)");
        assert_eq!(
            r("length(name) > 3", Dialect::Mysql, None),
            "char_length(name) > 3"
        );
        assert_eq!(
            r("first || ' ' || last", Dialect::Mysql, Some("NEW")),
            "concat(concat(NEW.first, ' '), NEW.last)"
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
