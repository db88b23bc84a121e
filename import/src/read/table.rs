//! Tables: `CREATE TABLE` with its columns and their options, and what `ALTER TABLE` adds.

use super::spelling::{kept_spelling, serial_spelling, verbatim_type};
use super::{Origin, Reader};
use crate::classify;
use crate::collation;
use crate::expr::{self, ident_value};
use crate::types;
use crate::unread::Unread;
use migc_compiler::schema::{Column, ColumnType, Enum, EnumValue, Generated, Table};
use migc_compiler::sql_text::{print, Spelling};
use migc_grammar::Span;
use sqlparser::ast::{
    self, AlterColumnOperation, AlterTableOperation, ColumnOption, TableConstraint,
};
use std::collections::BTreeMap;

impl Reader {
    pub(super) fn create_table(&mut self, t: ast::CreateTable, text: &str, at: Origin) {
        let Some(name) = self.name(&t.name, at, text) else {
            return;
        };
        if self.reading().is_internal_table(&name) {
            return;
        }
        if t.partition_of.is_some() {
            self.unread(at, text, Unread::partition(&name));
            return;
        }
        // MySQL's partitioning is read as the table's options (`mysql_partitioning`).
        if (t.partition_by.is_some() || text.to_ascii_uppercase().contains(") PARTITION BY"))
            && self.partitioning.is_none()
        {
            self.warn(
                at,
                text,
                format!("the partitioning of table `{name}` is not read"),
                Some("migc plans the table as an ordinary one; its partitions are reported on their own"),
            );
        }
        let mut table = Table {
            name: name.clone(),
            columns: Vec::new(),
            primary_key: None,
            uniques: Vec::new(),
            checks: Vec::new(),
            foreign_keys: Vec::new(),
            indexes: Vec::new(),
            comment: match t.comment {
                Some(ast::CommentDef::WithEq(c) | ast::CommentDef::WithoutEq(c)) => Some(c),
                _ => None,
            },
            renamed_from: None,
            retired: Vec::new(),
            dropped_columns: BTreeMap::new(),
            strict: t.strict,
            without_rowid: t.without_rowid,
            collation: BTreeMap::new(),
            origin: Span::default(),
            options: Default::default(),
        };
        let options = t.table_options.to_string();
        if table.comment.is_none() {
            table.comment = classify::mysql_table_comment(&options);
        }
        if self.dialect.tables_have_collations() {
            if let Some(c) = collation::mysql_table(&options) {
                table.collation.insert(self.dialect, c);
            }
            let mut kept = classify::mysql_table_options(&options);
            kept.extend(self.partitioning.take());
            if !kept.is_empty() {
                table.options.insert(self.dialect, kept.join(" "));
            }
        }
        self.schema.tables.insert(name.clone(), table);
        for c in t.columns {
            self.column(&name, c, text, at);
        }
        // `ZEROFILL` (cut before reading) stays in the column's MySQL spelling, with the
        // `unsigned` it implies (as the server prints it).
        let zerofill = std::mem::take(&mut self.zerofill);
        if let Some(t) = self.schema.tables.get_mut(&name) {
            for (column, ty) in &zerofill {
                if let Some(c) = t.columns.iter_mut().find(|c| &c.name == column) {
                    let ty = if ty.split_whitespace().any(|w| w == "unsigned") {
                        ty.clone()
                    } else {
                        format!("{ty} unsigned")
                    };
                    c.ty = ColumnType::Native {
                        spellings: BTreeMap::from([(self.dialect, format!("{ty} zerofill"))]),
                    };
                }
            }
        }
        for c in t.constraints {
            self.constraint(&name, c, text, at);
        }
        // A column naming its table's collation has no collation of its own.
        if let Some(t) = self.schema.tables.get_mut(&name) {
            for c in &mut t.columns {
                if c.collation.get(&self.dialect) == t.collation.get(&self.dialect) {
                    c.collation.remove(&self.dialect);
                }
            }
        }
    }

    pub(super) fn column(&mut self, table: &str, c: ast::ColumnDef, text: &str, at: Origin) {
        let cname = ident_value(self.dialect, &c.name);
        let enums: Vec<String> = self.schema.enums.keys().cloned().collect();
        let spelling = c.data_type.to_string();
        let mut read = types::read(self.dialect, &spelling, &enums);
        // The type as the statement writes it (sqlparser writes it again in capitals).
        let verbatim = verbatim_type(text, &c.name, &spelling).unwrap_or(spelling.clone());
        if self.reading().keeps_declared_text() {
            if let ColumnType::Native { spellings } = &mut read.ty {
                if let Some(s) = spellings.get_mut(&self.dialect) {
                    if !s.is_empty() && !s.contains(['"', '`', '\'']) {
                        *s = verbatim.trim().to_string();
                    }
                }
            }
        }
        if let ast::DataType::Enum(members, _) = &c.data_type {
            // MySQL enums belong to their column: the model names them after it.
            let ename = format!("{table}_{cname}");
            let values = members
                .iter()
                .map(|m| EnumValue {
                    name: match m {
                        ast::EnumMember::Name(n) => n.clone(),
                        ast::EnumMember::NamedValue(n, _) => n.clone(),
                    },
                    renamed_from: None,
                    origin: Span::default(),
                })
                .collect();
            self.schema.enums.insert(
                ename.clone(),
                Enum {
                    name: ename.clone(),
                    values,
                    renamed_from: None,
                    dropped_values: BTreeMap::new(),
                    origin: Span::default(),
                },
            );
            read.ty = ColumnType::Enum { name: ename };
        }
        let mut spellings = kept_spelling(self.dialect, &read.ty, &verbatim);
        if read.serial {
            if let Some(s) = serial_spelling(self.dialect, &read.ty) {
                spellings.insert(self.dialect, s.to_string());
            }
        }
        let mut column = Column {
            name: cname.clone(),
            ty: read.ty,
            spellings,
            collation: BTreeMap::new(),
            nullable: true,
            default: None,
            on_update: false,
            identity: read.serial,
            autoincrement: false,
            comment: None,
            renamed_from: None,
            transform: None,
            generated: None,
            declared_not_null: false,
            nullable_key: false,
            origin: Span::default(),
        };
        let mut constraints = Vec::new();
        let mut json_check = false;
        let (mut charset, mut collate) = (None, None);
        for o in c.options {
            match o.option {
                ColumnOption::NotNull => {
                    column.nullable = false;
                    // Kept for a key column only (see `finish_table`), where SQLite's catalog
                    // shows it.
                    column.declared_not_null = self.reading().keeps_declared_text();
                }
                ColumnOption::Null => column.nullable = true,
                ColumnOption::Default(e) => {
                    if let Some(kept) = self.keyword_default(&e, text) {
                        column.default = Some(kept);
                        continue;
                    }
                    if is_null(&e) {
                        continue;
                    }
                    if let Some(seq) = nextval(&e) {
                        self.nextval.push((table.to_string(), cname.clone(), seq));
                        continue;
                    }
                    match self.expr(&e) {
                        Ok(sql) => column.default = Some(sql),
                        Err(what) => match self.native_default(&e, text) {
                            Some(native) => column.default = Some(native),
                            None => self.unread(
                                at,
                                text,
                                Unread::column_default(table, &cname, &what, self.dialect, &print(e.clone(), Spelling::Dialect(self.dialect))),
                            ),
                        },
                    }
                }
                ColumnOption::Comment(s) => column.comment = Some(s),
                ColumnOption::Identity(_) => column.identity = true,
                ColumnOption::Generated {
                    generation_expr: None,
                    ..
                } => column.identity = true,
                ColumnOption::Generated {
                    generation_expr: Some(e),
                    generation_expr_mode,
                    ..
                } if self.expr(&e).is_ok() => {
                    // Computed when read unless said otherwise, as MySQL and SQLite do;
                    // PostgreSQL writes `STORED`, the only kind it has.
                    column.generated = self.expr(&e).ok().map(|expr| Generated {
                        expr,
                        stored: matches!(
                            generation_expr_mode,
                            Some(ast::GeneratedExpressionMode::Stored)
                        ),
                    });
                }
                ColumnOption::Generated {
                    generation_expr: Some(e),
                    ..
                } => {
                    self.warn(
                        at,
                        text,
                        format!("the generated column `{table}.{cname}` is read as an ordinary column; its expression `{e}` has no spelling in every dialect"),
                        Some("declare it `as (<portable expression>) stored` or `virtual`, or fill it from the application"),
                    );
                }
                ColumnOption::DialectSpecific(tokens) => {
                    let words = tokens
                        .iter()
                        .map(|t| t.to_string().to_ascii_uppercase())
                        .collect::<Vec<_>>();
                    if words.iter().any(|w| w == "AUTO_INCREMENT") {
                        column.identity = true;
                    }
                    // SQLite's AUTOINCREMENT: rowids are never used again.
                    if words.iter().any(|w| w == "AUTOINCREMENT") {
                        column.identity = true;
                        column.autoincrement = true;
                    }
                }
                ColumnOption::OnUpdate(e) if is_now(&e) => column.on_update = true,
                ColumnOption::OnUpdate(e) => self.warn(
                    at,
                    text,
                    format!("`ON UPDATE {e}` of column `{table}.{cname}` is not read"),
                    Some("set the value from the application, or keep it with a trigger in a `native` block"),
                ),
                ColumnOption::CharacterSet(n) => charset = Some(collation::name(&n)),
                ColumnOption::Collation(n) => collate = Some(collation::name(&n)),
                ColumnOption::Check(ck)
                    if self.reading().json_is_checked_text() && is_json_valid(&ck.expr, &cname) =>
                {
                    json_check = true;
                }
                ColumnOption::PrimaryKey(p) => {
                    constraints.push(TableConstraint::PrimaryKey(ast::PrimaryKeyConstraint {
                        columns: vec![ast::IndexColumn::from(c.name.clone())],
                        name: o.name.clone().or(p.name),
                        ..p
                    }));
                }
                ColumnOption::Unique(u) => {
                    constraints.push(TableConstraint::Unique(ast::UniqueConstraint {
                        columns: vec![ast::IndexColumn::from(c.name.clone())],
                        name: o.name.clone().or(u.name),
                        ..u
                    }));
                }
                ColumnOption::ForeignKey(f) => {
                    constraints.push(TableConstraint::ForeignKey(ast::ForeignKeyConstraint {
                        columns: vec![c.name.clone()],
                        name: o.name.clone().or(f.name),
                        ..f
                    }));
                }
                ColumnOption::Check(ck) => {
                    let fallback = ast::Ident::new(format!("{table}_{cname}_check"));
                    constraints.push(TableConstraint::Check(ast::CheckConstraint {
                        name: o.name.clone().or(ck.name).or(Some(fallback)),
                        ..ck
                    }));
                }
                other => self.warn(
                    at,
                    text,
                    format!("`{other}` of column `{table}.{cname}` is not read"),
                    None,
                ),
            }
        }
        if json_check
            && matches!(&column.ty, ColumnType::Native { spellings } if spellings.values().any(|s| s.to_ascii_lowercase().starts_with("longtext")))
        {
            column.ty = ColumnType::Builtin {
                name: "json".into(),
                args: Vec::new(),
            };
        }
        // `char(36)` reads as a `uuid` (migc's own spelling of one) only where it could be one: a
        // default that is not a UUID, or a character set of its own, keeps it `char(36)`.
        if matches!(&column.ty, ColumnType::Builtin { name, .. } if name == "uuid")
            && (charset.is_some()
                || collate.is_some()
                || column.default.as_ref().is_some_and(|d| !holds_uuid(&d.sql)))
        {
            column.ty = ColumnType::Native {
                spellings: BTreeMap::from([(self.dialect, "char(36)".to_string())]),
            };
        }
        let collation = if self.dialect.tables_have_collations() {
            collation::mysql(charset.as_deref(), collate.as_deref())
        } else {
            collate.filter(|c| !c.eq_ignore_ascii_case("default"))
        };
        // (MariaDB's `json` is `longtext` with `utf8mb4_bin`: a collation the model's `json`
        // does not carry.)
        if let Some(c) = collation.filter(|_| column.ty.holds_text()) {
            column.collation.insert(self.dialect, c);
        }
        if let Some(t) = self.schema.tables.get_mut(table) {
            t.columns.push(column);
        }
        for c in constraints {
            self.constraint(table, c, text, at);
        }
    }

    pub(super) fn alter_table(
        &mut self,
        table: &str,
        op: AlterTableOperation,
        text: &str,
        at: Origin,
    ) {
        match op {
            AlterTableOperation::AddConstraint { constraint, .. } => {
                self.constraint(table, constraint, text, at)
            }
            AlterTableOperation::AlterColumn { column_name, op } => {
                let column = ident_value(self.dialect, &column_name);
                match op {
                    AlterColumnOperation::SetDefault { value } => {
                        if let Some(seq) = nextval(&value) {
                            self.nextval.push((table.to_string(), column, seq));
                            return;
                        }
                        let e = self
                            .expr(&value)
                            .or_else(|what| self.native_default(&value, text).ok_or(what));
                        match e {
                            Ok(e) => {
                                if let Some(c) = self.column_mut(table, &column) {
                                    c.default = Some(e);
                                }
                            }
                            Err(what) => self.unread(
                                at,
                                text,
                                Unread::column_default(
                                    table,
                                    &column,
                                    &what,
                                    self.dialect,
                                    &print(value.clone(), Spelling::Dialect(self.dialect)),
                                ),
                            ),
                        }
                    }
                    AlterColumnOperation::SetNotNull => {
                        if let Some(c) = self.column_mut(table, &column) {
                            c.nullable = false;
                        }
                    }
                    AlterColumnOperation::AddGenerated { .. } => {
                        if let Some(c) = self.column_mut(table, &column) {
                            c.identity = true;
                        }
                    }
                    other => self.warn(
                        at,
                        text,
                        format!("`ALTER COLUMN {column} {other}` on `{table}` is not read"),
                        None,
                    ),
                }
            }
            AlterTableOperation::AddColumn { column_def, .. } => {
                self.column(table, column_def, text, at)
            }
            AlterTableOperation::OwnerTo { .. } => {}
            other => {
                let what = other.to_string();
                self.unread(
                    at,
                    text,
                    Unread::replayable(
                        "table setting",
                        &format!("{table}: {what}"),
                        Some(table),
                        self.dialect,
                        text,
                    ),
                );
            }
        }
    }
}

fn is_null(e: &ast::Expr) -> bool {
    matches!(e, ast::Expr::Value(v) if v.value == ast::Value::Null)
}

/// `nextval('seq'::regclass)`: the sequence's name.
fn nextval(e: &ast::Expr) -> Option<String> {
    let ast::Expr::Function(f) = e else {
        return None;
    };
    if !f.name.to_string().eq_ignore_ascii_case("nextval") {
        return None;
    }
    let ast::FunctionArguments::List(l) = &f.args else {
        return None;
    };
    let ast::FunctionArg::Unnamed(ast::FunctionArgExpr::Expr(arg)) = l.args.first()? else {
        return None;
    };
    let name = expr::string_value(arg)?;
    let last = name.rsplit('.').next().unwrap_or(&name);
    Some(last.trim_matches('"').to_string())
}

fn is_json_valid(e: &ast::Expr, column: &str) -> bool {
    let text = e.to_string().to_ascii_lowercase().replace(['`', '"'], "");
    text == format!("json_valid({})", column.to_ascii_lowercase())
}

/// Whether a default can be a `uuid`'s: a call, or a literal spelling a UUID.
fn holds_uuid(sql: &str) -> bool {
    let Some(text) = sql.strip_prefix('\'').and_then(|s| s.strip_suffix('\'')) else {
        return !sql.starts_with(|c: char| c.is_ascii_digit() || c == '-');
    };
    text.len() == 36
        && text.char_indices().all(|(i, c)| match i {
            8 | 13 | 18 | 23 => c == '-',
            _ => c.is_ascii_hexdigit(),
        })
}

/// `CURRENT_TIMESTAMP`, `current_timestamp()`, `now()`, `CURRENT_TIMESTAMP(6)`: the current time.
fn is_now(e: &ast::Expr) -> bool {
    let text = e.to_string().to_ascii_lowercase();
    let name = text.split('(').next().unwrap_or("").trim();
    let args = text[name.len()..].trim();
    matches!(name, "current_timestamp" | "now" | "localtimestamp")
        && (args.is_empty()
            || args
                .trim_start_matches('(')
                .trim_end_matches(')')
                .bytes()
                .all(|b| b.is_ascii_digit()))
}
