//! Tables as DDL: column definitions, constraints, `CREATE TABLE`, indexes.

use super::*;

pub(super) fn col_type(c: &Column) -> Result<String, Diagnostic> {
    let unsupported = |m: String| {
        let mut d = Diagnostic::error(Code::Unsupported, m)
            .help("add `sqlite: \"...\"` to the native type");
        if c.origin != Span::default() {
            d = d.primary(c.origin, "column declared here");
        }
        d
    };
    match &c.ty {
        ColumnType::Builtin { name, args } => migc_stdlib::builtin_type(name)
            .map(|t| t.spelling(D, args))
            .ok_or_else(|| unsupported(format!("unknown type `{name}`"))),
        ColumnType::Enum { .. } => Ok("text".to_string()),
        ColumnType::Native { spellings } => spellings.get(&D).cloned().ok_or_else(|| {
            unsupported(format!("the native type `{}` has no SQLite spelling", c.ty))
        }),
    }
}

/// A column's definition in table `t`.
pub(super) fn col_def(t: &Written, c: &Col) -> Result<String, Diagnostic> {
    let mut s = format!("{} {}", q(&c.def.name), col_type(&c.def)?);
    if !c.def.nullable && !t.relaxed(c) {
        s.push_str(" NOT NULL");
    }
    if let Some(d) = &c.def.default {
        s.push_str(&format!(" DEFAULT {}", default_sql(d)?));
    }
    if let Some(labels) = t.labels.get(&c.id) {
        let labels: Vec<String> = labels.iter().map(|l| lit(l)).collect();
        s.push_str(&format!(
            " CHECK ({} IN ({}))",
            q(&c.def.name),
            labels.join(", ")
        ));
    }
    Ok(s)
}

pub(super) fn columns(cols: &[String]) -> String {
    crate::sql::column_list(cols, D)
}

pub(super) fn fk_clause(fk: &ForeignKey) -> String {
    crate::sql::fk_clause(fk, D)
}

/// The table constraints as written in `CREATE TABLE`.
pub(super) fn constraints(t: &state::Table) -> Result<Vec<String>, Diagnostic> {
    let mut out = Vec::new();
    if let Some(pk) = &t.primary_key {
        out.push(format!("PRIMARY KEY ({})", columns(&pk.columns)));
    }
    let deferred = deferred_checks(t);
    for ck in &t.checks {
        if deferred
            .iter()
            .any(|d| d.name == ck.name && d.expr == ck.expr)
        {
            continue;
        }
        out.push(format!(
            "CONSTRAINT {} CHECK ({})",
            q(&ck.name),
            expr(&ck.expr)?
        ));
    }
    for fk in t.valid_foreign_keys() {
        out.push(fk_clause(fk));
    }
    Ok(out)
}

pub(super) fn create_table(t: &Written, name: &str) -> Result<String, Diagnostic> {
    let mut lines = Vec::new();
    for c in &t.table.columns {
        lines.push(col_def(t, c)?);
    }
    lines.extend(constraints(&t.table)?);
    Ok(format!(
        "CREATE TABLE {} (\n  {}\n);",
        q(name),
        lines.join(",\n  ")
    ))
}

pub(super) fn index_sql(table: &str, index: &Index) -> Result<String, Diagnostic> {
    let mut parts = Vec::new();
    for p in &index.parts {
        let mut s = match &p.column {
            Some(c) => q(c),
            None => format!("({})", expr(&p.expr)?),
        };
        if p.descending {
            s.push_str(" DESC");
        }
        parts.push(s);
    }
    let mut s = format!(
        "CREATE {}INDEX {} ON {} ({})",
        if index.unique { "UNIQUE " } else { "" },
        q(&index.name),
        q(table),
        parts.join(", ")
    );
    if let Some(p) = &index.predicate {
        s.push_str(&format!(" WHERE {}", expr(p)?));
    }
    s.push(';');
    Ok(s)
}

pub(super) fn create_with_indexes(t: &Written) -> Result<Vec<String>, Diagnostic> {
    let mut sql = vec![create_table(t, t.name())?];
    for i in &t.table.indexes {
        sql.push(index_sql(t.name(), i)?);
    }
    Ok(sql)
}
