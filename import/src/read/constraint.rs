//! Keys, checks and indexes: table constraints, `CREATE INDEX` and the indexes a table lists.

use super::{Origin, Reader};
use crate::expr::ident_value;
use crate::unread::Unread;
use migc_compiler::schema::{Check, FkAction, ForeignKey, Index, IndexPart, PrimaryKey, Unique};
use migc_compiler::sql_text::{print, Spelling};
use migc_grammar::Span;
use sqlparser::ast::{self, ReferentialAction, TableConstraint};

impl Reader {
    pub(super) fn constraint(&mut self, table: &str, c: TableConstraint, text: &str, at: Origin) {
        let Some(t) = self.schema.tables.get(table) else {
            self.warn(
                at,
                text,
                format!("a constraint on `{table}`, a table not read, is not read"),
                None,
            );
            return;
        };
        let tname = t.name.clone();
        let index_columns = |r: &Self, cols: &[ast::IndexColumn]| {
            r.index_columns(cols)
                .map(|c| r.columns_as_created(&tname, c))
        };
        match c {
            TableConstraint::PrimaryKey(p) => {
                let Some(columns) = index_columns(self, &p.columns) else {
                    return self.warn(
                        at,
                        text,
                        format!("the primary key of `{table}` is not read"),
                        None,
                    );
                };
                let t = self.schema.tables.get_mut(table).expect("table read above");
                for c in t.columns.iter_mut().filter(|c| columns.contains(&c.name)) {
                    c.nullable = false;
                }
                t.primary_key = Some(PrimaryKey {
                    // The model names primary keys after their table.
                    name: format!("{tname}_pkey"),
                    columns,
                    origin: Span::default(),
                });
            }
            TableConstraint::Unique(u) => {
                let Some(columns) = index_columns(self, &u.columns) else {
                    // Key parts other than columns (MySQL's prefixes, `(email(20))`): a unique
                    // index, kept as one when it has no spelling in the model.
                    let name = u
                        .name
                        .or(u.index_name)
                        .map(|n| ident_value(self.dialect, &n))
                        .unwrap_or_else(|| columns_first_name(&u.columns, self.dialect));
                    return self.index(table, name, true, &u.columns, None, text, at);
                };
                let name = u
                    .name
                    .or(u.index_name)
                    .map(|n| ident_value(self.dialect, &n))
                    .unwrap_or_else(|| format!("{tname}_{}_key", columns.join("_")));
                let t = self.schema.tables.get_mut(table).expect("table read above");
                t.uniques.push(Unique {
                    name,
                    columns,
                    origin: Span::default(),
                });
            }
            TableConstraint::ForeignKey(f) => {
                let Some(ref_table) = self.name(&f.foreign_table, at, text) else {
                    return;
                };
                let columns = self.columns_as_created(&tname, self.idents(&f.columns));
                let mut ref_columns =
                    self.columns_as_created(&ref_table, self.idents(&f.referred_columns));
                if ref_columns.is_empty() {
                    ref_columns = self
                        .schema
                        .tables
                        .get(&ref_table)
                        .and_then(|t| t.primary_key.as_ref())
                        .map(|p| p.columns.clone())
                        .unwrap_or_default();
                }
                let name = f
                    .name
                    .map(|n| ident_value(self.dialect, &n))
                    .unwrap_or_else(|| format!("{tname}_{}_fkey", columns.join("_")));
                let t = self.schema.tables.get_mut(table).expect("table read above");
                t.foreign_keys.push(ForeignKey {
                    name,
                    columns,
                    ref_table,
                    ref_columns,
                    on_delete: action(f.on_delete),
                    on_update: action(f.on_update),
                    origin: Span::default(),
                });
            }
            TableConstraint::Check(ck) => {
                let name = ck.name.as_ref().map(|n| ident_value(self.dialect, n));
                match self.expr(&ck.expr) {
                    Ok(e) => {
                        let t = self.schema.tables.get_mut(table).expect("table read above");
                        let n = t.checks.len();
                        let name = name.unwrap_or_else(|| {
                            if n == 0 {
                                format!("{tname}_check")
                            } else {
                                format!("{tname}_check{n}")
                            }
                        });
                        t.checks.push(Check {
                            name,
                            expr: e,
                            origin: Span::default(),
                        });
                    }
                    Err(what) => {
                        let n = name.unwrap_or_else(|| format!("{tname}_check"));
                        let u = Unread::check(
                            table,
                            &n,
                            &what,
                            self.dialect,
                            &print(ck.expr.clone(), Spelling::Dialect(self.dialect)),
                        );
                        self.unread(at, text, u);
                    }
                }
            }
            TableConstraint::Index(i) => {
                let name = i
                    .name
                    .map(|n| ident_value(self.dialect, &n))
                    .unwrap_or_default();
                self.index(table, name, false, &i.columns, None, text, at);
            }
            // MySQL's FULLTEXT and SPATIAL indexes: kept as native blocks that make them again.
            TableConstraint::FulltextOrSpatial(f) => {
                let q = |n: &str| self.reading().quote_ident(n);
                let columns: Vec<String> = f
                    .columns
                    .iter()
                    .map(|c| match &c.column.expr {
                        ast::Expr::Identifier(i) => q(&ident_value(self.dialect, i)),
                        other => other.to_string(),
                    })
                    .collect();
                let name = f.opt_index_name.as_ref().map_or_else(
                    || columns_first_name(&f.columns, self.dialect),
                    |n| ident_value(self.dialect, n),
                );
                let kind = if f.fulltext { "FULLTEXT" } else { "SPATIAL" };
                let create = format!(
                    "CREATE {kind} INDEX {} ON {} ({})",
                    q(&name),
                    q(table),
                    columns.join(", ")
                );
                let u = Unread::index(
                    table,
                    &name,
                    &format!("a {kind} index"),
                    self.dialect,
                    &create,
                )
                .over(key_columns(&f.columns, self.dialect));
                self.unread(at, text, u);
            }
            other => self.warn(
                at,
                text,
                format!("the constraint `{other}` of `{table}` is not read"),
                None,
            ),
        }
    }

    #[allow(clippy::too_many_arguments)]
    pub(super) fn index(
        &mut self,
        table: &str,
        name: String,
        unique: bool,
        cols: &[ast::IndexColumn],
        predicate: Option<&ast::Expr>,
        text: &str,
        at: Origin,
    ) {
        let mut parts = Vec::new();
        for c in cols {
            let descending = matches!(c.column.options.sort, Some(ast::OrderBySort::Desc));
            let column = match &c.column.expr {
                ast::Expr::Identifier(i) => {
                    let name = vec![ident_value(self.dialect, i)];
                    self.columns_as_created(table, name).pop()
                }
                _ => None,
            };
            match self.expr(&c.column.expr) {
                Ok(mut e) => {
                    if let Some(name) = column.as_ref().filter(|_| self.reading().ignores_case()) {
                        e.sql = migc_compiler::schema::quoted(name);
                    }
                    parts.push(IndexPart {
                        expr: e,
                        column,
                        descending,
                    });
                }
                Err(what) => {
                    let create = self.create_index_text(table, &name, unique, cols, predicate);
                    let u = Unread::index(table, &name, &what, self.dialect, &create)
                        .over(key_columns(cols, self.dialect));
                    return self.unread(at, text, u);
                }
            }
        }
        let predicate = match predicate.map(|p| self.expr(p)) {
            None => None,
            Some(Ok(p)) => Some(p),
            Some(Err(what)) => {
                let create = self.create_index_text(table, &name, unique, cols, predicate);
                let u = Unread::index(table, &name, &what, self.dialect, &create)
                    .over(key_columns(cols, self.dialect));
                return self.unread(at, text, u);
            }
        };
        let Some(t) = self.schema.tables.get_mut(table) else {
            return self.warn(
                at,
                text,
                format!("index `{name}` of `{table}`, a table not read, is not read"),
                None,
            );
        };
        t.indexes.push(Index {
            name,
            unique,
            parts,
            predicate,
            constraint: false,
            origin: Span::default(),
        });
    }

    /// The `CREATE INDEX` that makes an index again on its own, whatever statement listed it (a
    /// table's `KEY`, an `ALTER TABLE … ADD`): a key part that is a column's prefix, MySQL's
    /// `name(20)`, keeps its length.
    fn create_index_text(
        &self,
        table: &str,
        name: &str,
        unique: bool,
        cols: &[ast::IndexColumn],
        predicate: Option<&ast::Expr>,
    ) -> String {
        let reading = self.reading();
        let parts: Vec<String> = cols
            .iter()
            .map(|c| {
                let part = match &c.column.expr {
                    ast::Expr::Identifier(i) => reading.quote_ident(&ident_value(self.dialect, i)),
                    e => match prefix_part(e) {
                        Some((column, length)) => format!(
                            "{}({length})",
                            reading.quote_ident(&ident_value(self.dialect, column))
                        ),
                        None => format!("({})", print(e.clone(), Spelling::Dialect(self.dialect))),
                    },
                };
                match c.column.options.sort {
                    Some(ast::OrderBySort::Desc) => format!("{part} DESC"),
                    _ => part,
                }
            })
            .collect();
        let mut create = format!(
            "CREATE {}INDEX {} ON {} ({})",
            if unique { "UNIQUE " } else { "" },
            reading.quote_ident(name),
            reading.quote_ident(table),
            parts.join(", ")
        );
        if let Some(p) = predicate {
            create.push_str(&format!(
                " WHERE {}",
                print(p.clone(), Spelling::Dialect(self.dialect))
            ));
        }
        create
    }

    pub(super) fn create_index(&mut self, i: ast::CreateIndex, text: &str, at: Origin) {
        let Some(table) = self.name(&i.table_name, at, text) else {
            return;
        };
        let name = i
            .name
            .as_ref()
            .and_then(|n| n.0.last())
            .and_then(|p| p.as_ident())
            .map(|n| ident_value(self.dialect, n))
            .unwrap_or_default();
        if let Some(using) = &i.using {
            let u = using.to_string().to_ascii_lowercase();
            if u != "btree" {
                let un = Unread::index(&table, &name, &format!("`USING {u}`"), self.dialect, text);
                return self.unread(at, text, un);
            }
        }
        if !i.include.is_empty() || i.columns.iter().any(|c| c.operator_class.is_some()) {
            let un = Unread::index(
                &table,
                &name,
                "`INCLUDE` or an operator class",
                self.dialect,
                text,
            );
            return self.unread(at, text, un);
        }
        self.index(
            &table,
            name,
            i.unique,
            &i.columns,
            i.predicate.as_ref(),
            text,
            at,
        );
    }
}

/// The columns key parts are over (a column, or its prefix).
fn key_columns(cols: &[ast::IndexColumn], dialect: migc_stdlib::Dialect) -> Vec<String> {
    cols.iter()
        .filter_map(|c| match &c.column.expr {
            ast::Expr::Identifier(i) => Some(ident_value(dialect, i)),
            e => prefix_part(e).map(|(i, _)| ident_value(dialect, i)),
        })
        .collect()
}

/// A key part that is a column's prefix, `name(20)`: the column and the length.
fn prefix_part(e: &ast::Expr) -> Option<(&ast::Ident, u64)> {
    let ast::Expr::Function(f) = e else {
        return None;
    };
    let [ast::ObjectNamePart::Identifier(column)] = f.name.0.as_slice() else {
        return None;
    };
    let ast::FunctionArguments::List(l) = &f.args else {
        return None;
    };
    let [ast::FunctionArg::Unnamed(ast::FunctionArgExpr::Expr(ast::Expr::Value(v)))] =
        l.args.as_slice()
    else {
        return None;
    };
    match &v.value {
        ast::Value::Number(n, _) => Some((column, n.parse().ok()?)),
        _ => None,
    }
}

fn action(a: Option<ReferentialAction>) -> FkAction {
    match a {
        None | Some(ReferentialAction::NoAction) => FkAction::NoAction,
        Some(ReferentialAction::Restrict) => FkAction::Restrict,
        Some(ReferentialAction::Cascade) => FkAction::Cascade,
        Some(ReferentialAction::SetNull) => FkAction::SetNull,
        Some(ReferentialAction::SetDefault) => FkAction::SetDefault,
    }
}

/// The name MySQL gives an index declared without one: its first column's.
fn columns_first_name(columns: &[ast::IndexColumn], dialect: migc_stdlib::Dialect) -> String {
    match columns.first().map(|c| &c.column.expr) {
        Some(ast::Expr::Identifier(i)) => ident_value(dialect, i),
        Some(other) => match prefix_part(other) {
            Some((column, _)) => ident_value(dialect, column),
            None => other.to_string(),
        },
        None => String::new(),
    }
}
