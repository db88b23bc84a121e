//! SQL text: names, comments, expressions spelled for SQLite.

use super::*;

pub(super) fn q(name: &str) -> String {
    quote(name, D)
}

/// A string literal.
pub(super) fn lit(value: &str) -> String {
    literal(value, D)
}

pub(super) fn unit(sql: String) -> Unit {
    Unit {
        sql,
        transactional: true,
    }
}

/// `--` comment lines, one per line of the text.
pub(super) fn comment(text: &str) -> String {
    text.lines()
        .map(|l| D.comment(l))
        .collect::<Vec<_>>()
        .join("\n")
}

// Expressions

pub(super) fn parse_expr(sql: &str) -> Option<ast::Expr> {
    Parser::new(&GenericDialect {})
        .try_with_sql(sql)
        .and_then(|mut p| p.parse_expr())
        .ok()
}

/// Casts to an enum type (`CAST(x AS order_status__migc)`) become casts to `TEXT`: SQLite has
/// no enum types, and a cast to an unknown type name has NUMERIC affinity, which turns a label
/// into 0.
pub(super) fn fix_casts(sql: &str) -> String {
    let Some(mut e) = parse_expr(sql) else {
        return sql.to_string();
    };
    let mut changed = false;
    let _ = visit_expressions_mut(&mut e, |x: &mut ast::Expr| {
        if let ast::Expr::Cast { data_type, .. } = x {
            if matches!(data_type, ast::DataType::Custom(..)) {
                *data_type = ast::DataType::Text;
                changed = true;
            }
        }
        ControlFlow::<()>::Continue(())
    });
    if changed {
        migc_compiler::sql_text::print(e, migc_compiler::sql_text::Spelling::Neutral)
    } else {
        sql.to_string()
    }
}

pub(super) fn unspellable(e: &Expr, function: &str) -> Diagnostic {
    let limits = migc_stdlib::function(function).and_then(|f| f.built(D));
    let mut d = match limits {
        Some(b) => Diagnostic::error(
            Code::Unsupported,
            format!("this call of `{function}` cannot be spelled for SQLite"),
        )
        .note(b.limits)
        .help("write the call within those limits, or the expression with functions SQLite has (substr, instr, replace, …)"),
        None => Diagnostic::error(
            Code::Unsupported,
            format!("`{function}` has no SQLite spelling"),
        )
        .note("SQLite has no such function, so this change cannot be planned for SQLite")
        .help("write the expression with functions SQLite has (substr, instr, replace, …), or plan for another dialect"),
    };
    if e.origin != Span::default() {
        d = d.primary(e.origin, "used here");
    }
    d
}

/// An expression of the schema spelled for SQLite; column references stay unqualified.
pub(super) fn expr(e: &Expr) -> Result<String, Diagnostic> {
    if let Some(native) = crate::dialect::native_expr(e, D) {
        return native;
    }
    crate::sql::render(&fix_casts(&e.sql), D, None).map_err(|u| unspellable(e, &u.function))
}

/// Whether the expression is a literal (what `ALTER TABLE ADD COLUMN` accepts as a default).
pub(super) fn is_constant(sql: &str) -> bool {
    fn value(e: &ast::Expr) -> Option<&ast::Value> {
        match e {
            ast::Expr::Value(v) => Some(&v.value),
            ast::Expr::Nested(inner) => value(inner),
            _ => None,
        }
    }
    match parse_expr(sql) {
        Some(ast::Expr::UnaryOp {
            op: ast::UnaryOperator::Minus | ast::UnaryOperator::Plus,
            expr,
        }) => matches!(value(&expr), Some(ast::Value::Number(..))),
        Some(e) => {
            matches!(
                value(&e),
                Some(ast::Value::Number(..) | ast::Value::Boolean(_) | ast::Value::Null)
            ) || matches!(
                value(&e),
                // A text with a carriage return is written as an expression (`char(13)`).
                Some(ast::Value::SingleQuotedString(s)) if !s.contains('\r')
            )
        }
        None => false,
    }
}

pub(super) fn is_null(sql: &str) -> bool {
    matches!(parse_expr(sql), Some(ast::Expr::Value(v)) if v.value == ast::Value::Null)
}

pub(super) fn default_sql(e: &Expr) -> Result<String, Diagnostic> {
    let text = expr(e)?;
    if e.native_spellings().is_some() {
        // In parentheses already, as SQLite requires of an expression.
        return Ok(text);
    }
    // The clock keywords stand bare, as SQLite's own schemas write them.
    let keyword = ["CURRENT_TIMESTAMP", "CURRENT_DATE", "CURRENT_TIME"]
        .into_iter()
        .find(|k| text.eq_ignore_ascii_case(k));
    Ok(if let Some(k) = keyword {
        k.to_string()
    } else if is_constant(&e.sql) {
        text
    } else {
        format!("({text})")
    })
}

pub(super) fn names_list(names: &[String]) -> String {
    names.iter().map(|n| lit(n)).collect::<Vec<_>>().join(", ")
}

pub(super) fn terminated(s: &str) -> String {
    let t = s.trim_end();
    if t.ends_with(';') {
        t.to_string()
    } else {
        format!("{t};")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enum_casts_become_text() {
        assert_eq!(
            fix_casts("CAST(CAST(status AS TEXT) AS order_status__migc)"),
            "CAST(CAST(status AS TEXT) AS TEXT)"
        );
        assert_eq!(fix_casts("CAST(x AS BIGINT)"), "CAST(x AS BIGINT)");
    }

    #[test]
    fn constants_are_literals() {
        for c in ["1", "-1", "'draft'", "false", "NULL", "2.5"] {
            assert!(is_constant(c), "{c}");
        }
        for e in ["now()", "1 + 1", "lower('A')", "current_date"] {
            assert!(!is_constant(e), "{e}");
        }
    }
}
