//! Tables as DDL: column definitions, constraints, `CREATE TABLE`, indexes.

use super::*;

/// The types a `STRICT` table's columns may have.
const STRICT_TYPES: [&str; 6] = ["int", "integer", "real", "text", "blob", "any"];

/// Column `c`'s type, in a `STRICT` table when `strict`: there a portable type is one of the
/// types SQLite admits, by the values it holds (`decimal`, whose values are exact, keeps what it
/// is given: `any`).
/// A spelling the column keeps for SQLite (`timestamp native(sqlite: "DATETIME")`) is written
/// as it is, where the table admits it.
pub(super) fn col_type(c: &Column, strict: bool) -> Result<String, Diagnostic> {
    if let Some(kept) = c.spellings.get(&D) {
        if !strict || STRICT_TYPES.contains(&kept.to_ascii_lowercase().as_str()) {
            return Ok(kept.clone());
        }
    }
    let declared = declared_type(c)?;
    if !strict {
        return Ok(declared);
    }
    let strict_type = match &c.ty {
        ColumnType::Builtin { name, .. } => match name.as_str() {
            "bool" | "int16" | "int32" | "int64" => "integer",
            "float32" | "float64" => "real",
            "bytes" => "blob",
            "decimal" => "any",
            _ => "text",
        }
        .to_string(),
        ColumnType::Enum { .. } => "text".to_string(),
        ColumnType::Native { .. } => {
            if !STRICT_TYPES.contains(&declared.to_ascii_lowercase().as_str()) {
                let mut d = Diagnostic::error(
                    Code::Unsupported,
                    format!(
                        "column `{}` of a `strict` table has the SQLite type `{declared}`",
                        c.name
                    ),
                )
                .help("spell the native type for SQLite as one of int, integer, real, text, blob, any");
                if c.origin != Span::default() {
                    d = d.primary(c.origin, "column declared here");
                }
                return Err(d);
            }
            declared
        }
    };
    Ok(strict_type)
}

fn declared_type(c: &Column) -> Result<String, Diagnostic> {
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

/// A column's definition in table `t`. The rowid's alias is the table's primary key where it
/// stands (`INTEGER PRIMARY KEY`, where `AUTOINCREMENT` can follow) and is never null anyway;
/// another key column is `NOT NULL` unless declared `null` (SQLite's key that accepts null).
pub(super) fn col_def(t: &Written, c: &Col) -> Result<String, Diagnostic> {
    let mut s = format!("{} {}", q(&c.def.name), col_type(&c.def, t.table.strict)?);
    if let Some(name) = c.def.collation.get(&D) {
        s.push_str(&format!(" COLLATE {}", q(name)));
    }
    if t.rowid_alias() == Some(c.def.name.as_str()) {
        s.push_str(" PRIMARY KEY");
        if c.def.autoincrement {
            s.push_str(" AUTOINCREMENT");
        }
        if c.def.declared_not_null {
            s.push_str(" NOT NULL");
        }
    } else if !c.def.nullable && !t.relaxed(c) && !c.def.nullable_key {
        s.push_str(" NOT NULL");
    }
    if let Some(d) = &c.def.default {
        s.push_str(&format!(" DEFAULT {}", default_sql(d)?));
    }
    if let Some(g) = &c.def.generated {
        s.push_str(&format!(
            " GENERATED ALWAYS AS ({}) {}",
            expr(&g.expr)?,
            if g.stored { "STORED" } else { "VIRTUAL" }
        ));
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

/// The table constraints as written in `CREATE TABLE` (the primary key unless it is the
/// rowid's alias, written with its column).
pub(super) fn constraints(w: &Written) -> Result<Vec<String>, Diagnostic> {
    let t = &w.table;
    let mut out = Vec::new();
    if let Some(pk) = t.primary_key.as_ref().filter(|_| w.rowid_alias().is_none()) {
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
    // Unique constraints stand in the table, as SQLite keeps them (its own `sqlite_autoindex_…`
    // indexes enforce them).
    for i in t.indexes.iter().filter(|i| i.constraint) {
        let cols: Vec<String> = i.parts.iter().filter_map(|p| p.column.clone()).collect();
        out.push(format!(
            "CONSTRAINT {} UNIQUE ({})",
            q(&i.name),
            columns(&cols)
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
    lines.extend(constraints(t)?);
    Ok(format!(
        "CREATE TABLE {} (\n  {}\n){};",
        q(name),
        lines.join(",\n  "),
        table_options(&t.table)
    ))
}

/// What follows a table's definition: ` WITHOUT ROWID, STRICT`, or nothing.
pub(super) fn table_options(t: &state::Table) -> String {
    let mut options = Vec::new();
    if t.without_rowid {
        options.push("WITHOUT ROWID");
    }
    if t.strict {
        options.push("STRICT");
    }
    if options.is_empty() {
        String::new()
    } else {
        format!(" {}", options.join(", "))
    }
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
    for i in t.table.indexes.iter().filter(|i| !i.constraint) {
        sql.push(index_sql(t.name(), i)?);
    }
    Ok(sql)
}
