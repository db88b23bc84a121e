//! Resolution of one table: mixins expanded, columns typed, column attributes and table members
//! turned into constraints and indexes, expressions and transition hints checked.

mod column_attrs;
mod column_type;
mod default;
mod expressions;
mod foreign_key;
mod index;
mod options;
mod transitions;

pub use default::one_expression;
pub use migc_stdlib::{serial_for, serial_of};
pub use options::{same_table_options, table_options_text};

use crate::expr::Scope;
use crate::names;
use crate::resolve::Resolver;
use crate::schema::*;
use migc_grammar::ast::{self, Member};
use migc_grammar::{Code, Diagnostic, Span};
use migc_stdlib::Dialect;
use std::collections::BTreeMap;

impl<'a> Resolver<'a> {
    pub(crate) fn table(&mut self, decl: &'a ast::TableDecl) -> Table {
        let tname = decl.name.name.clone();
        let members = self.expand_mixins(&decl.members);
        // Sized up front: growing a vector of columns copies them, which was a sixth of the time
        // spent here on a large schema.
        let column_count = members
            .iter()
            .filter(|(m, _)| matches!(m, Member::Column(_)))
            .count();
        let mut table = Table {
            name: tname.clone(),
            columns: Vec::with_capacity(column_count),
            primary_key: None,
            uniques: Vec::new(),
            checks: Vec::new(),
            foreign_keys: Vec::new(),
            indexes: Vec::new(),
            comment: None,
            renamed_from: decl.renamed_from.as_ref().map(|r| r.name.clone()),
            retired: Vec::new(),
            dropped_columns: BTreeMap::new(),
            strict: false,
            without_rowid: false,
            collation: BTreeMap::new(),
            origin: decl.name.span,
            options: Default::default(),
        };

        // Columns first: every other member may refer to any column.
        let mut defs: Vec<(&ast::ColumnDef, Option<Span>)> = Vec::new();
        for (member, via) in &members {
            let Member::Column(def) = member else {
                continue;
            };
            if let Some(first) = table.column(&def.name.name) {
                let mut d = Diagnostic::error(
                    Code::DuplicateColumn,
                    format!("duplicate column `{}` in table `{tname}`", def.name.name),
                )
                .primary(def.name.span, "declared again here")
                .secondary(first.origin, "first declared here");
                if let Some(site) = via {
                    d = d.secondary(*site, "included here");
                }
                self.diagnostics.push(d);
                continue;
            }
            let ty = self.column_type(&def.ty);
            let spellings = self.type_spellings(&def.ty);
            table.columns.push(Column {
                name: def.name.name.clone(),
                ty: ty.unwrap_or(ColumnType::Builtin {
                    name: "text".into(),
                    args: Vec::new(),
                }),
                spellings,
                collation: BTreeMap::new(),
                nullable: true,
                default: None,
                on_update: false,
                identity: false,
                autoincrement: false,
                comment: None,
                renamed_from: None,
                transform: None,
                generated: None,
                declared_not_null: false,
                nullable_key: false,
                origin: def.name.span,
            });
            defs.push((def, *via));
        }
        let column_names: Vec<String> = table.columns.iter().map(|c| c.name.clone()).collect();
        let cols: Vec<&str> = column_names.iter().map(String::as_str).collect();
        let owner = format!("table `{tname}`");

        let mut pk: Vec<(String, Span)> = Vec::new();
        let mut storage_spans: Vec<(ast::TableOption, Span)> = Vec::new();
        let mut pk_defs: Vec<Span> = Vec::new();
        for (i, (def, _)) in defs.iter().enumerate() {
            self.column_attrs(&mut table, i, def, &cols, &owner, &mut pk);
        }
        self.generated_from_generated(&table);
        // Each column marked `primary key` is a key of its own: two of them are an error, not a
        // composite key (as in SQL).
        pk_defs.extend(pk.iter().map(|(_, span)| *span));
        for (member, _) in &members {
            match member {
                Member::Column(_) | Member::Include(..) => {}
                Member::Option(option, span) => {
                    let flag = match option {
                        ast::TableOption::Strict => &mut table.strict,
                        ast::TableOption::WithoutRowid => &mut table.without_rowid,
                    };
                    if *flag {
                        self.repeated(
                            match option {
                                ast::TableOption::Strict => "`strict`",
                                ast::TableOption::WithoutRowid => "`without rowid`",
                            },
                            *span,
                        );
                    }
                    *flag = true;
                    storage_spans.push((*option, *span));
                }
                Member::Collate(list, span) => {
                    if !table.collation.is_empty() {
                        self.repeated("`collate`", *span);
                    }
                    table.collation = self.collations(list);
                }
                Member::Options(list, span) => {
                    if !table.options.is_empty() {
                        self.repeated("`options`", *span);
                    }
                    table.options = self.table_options(list);
                }
                Member::Index(def) => self.index(&mut table, def, &cols, &owner),
                Member::PrimaryKey(def) => {
                    if self.known_columns(&table, &def.columns) {
                        if pk_defs.is_empty() {
                            pk = def
                                .columns
                                .iter()
                                .map(|c| (c.name.clone(), c.span))
                                .collect();
                        }
                        pk_defs.push(def.span);
                    }
                }
                Member::Unique(def) => {
                    if self.known_columns(&table, &def.columns) {
                        let columns: Vec<String> =
                            def.columns.iter().map(|c| c.name.clone()).collect();
                        table.uniques.push(Unique {
                            name: def.name.as_ref().map_or_else(
                                || free_name(&table, names::unique(&tname, &columns)),
                                |n| n.name.clone(),
                            ),
                            columns,
                            origin: def.span,
                        });
                    }
                }
                Member::Check(def) => {
                    let scope = Scope {
                        what: "a check",
                        columns: &cols,
                        owner: &owner,
                        unknown_help: None,
                    };
                    if let Some(checked) = self.checked(&def.expr, &scope) {
                        table.checks.push(Check {
                            name: def.name.as_ref().map_or_else(
                                || free_name(&table, names::check(&tname, &checked.columns)),
                                |n| n.name.clone(),
                            ),
                            expr: checked.expr,
                            origin: def.span,
                        });
                    }
                }
                Member::ForeignKey(def) => {
                    if self.known_columns(&table, &def.columns) {
                        let columns: Vec<String> =
                            def.columns.iter().map(|c| c.name.clone()).collect();
                        let name = def.name.as_ref().map(|n| n.name.clone());
                        let spans = def.columns.iter().map(|c| c.span).collect();
                        self.foreign_key(
                            &mut table,
                            columns,
                            name,
                            &def.reference,
                            spans,
                            def.span,
                        );
                    }
                }
                Member::Comment(text, span) => {
                    if table.comment.is_some() {
                        self.repeated("`comment`", *span);
                    }
                    table.comment = Some(text.value.clone());
                }
                Member::Retire(def) => self.retire(&mut table, def, &cols, &owner),
                Member::DropColumn(name, _) => {
                    if let Some(col) = table.column(&name.name) {
                        self.diagnostics.push(
                            Diagnostic::error(
                                Code::DroppedButDeclared,
                                format!("column `{}` is both declared and dropped", name.name),
                            )
                            .primary(name.span, "dropped here")
                            .secondary(col.origin, "still declared here")
                            .help("remove `drop column` to keep the column, or remove the column to drop it"),
                        );
                    }
                    table
                        .dropped_columns
                        .insert(name.name.clone(), Acknowledged { origin: name.span });
                }
            }
        }

        if pk_defs.len() > 1 {
            let mut d = Diagnostic::error(
                Code::MultiplePrimaryKeys,
                format!("table `{tname}` has more than one primary key"),
            )
            .primary(pk_defs[1], "another primary key here")
            .secondary(pk_defs[0], "first primary key here");
            if pk_defs.len() > 2 {
                d = d.note(format!("{} primary keys in all", pk_defs.len()));
            }
            self.diagnostics.push(d.help(
                "for a key over several columns, write one `primary key (a, b)` line in the table",
            ));
        }
        if !pk.is_empty() {
            for c in &mut table.columns {
                if pk.iter().any(|(name, _)| name == &c.name) {
                    c.nullable = false;
                } else {
                    c.nullable_key = false;
                }
            }
            table.primary_key = Some(PrimaryKey {
                name: names::primary_key(&tname),
                columns: pk.into_iter().map(|(c, _)| c).collect(),
                origin: pk_defs[0],
            });
        } else {
            for c in &mut table.columns {
                c.nullable_key = false;
            }
            self.diagnostics.push(
                Diagnostic::warning(Code::NoPrimaryKey, format!("table `{tname}` has no primary key"))
                    .primary(decl.name.span, "no primary key")
                    .note("backfills walk a table by its primary key (else by a unique key on not null columns; MySQL refuses a table with neither), and rows without a key cannot be compared")
                    .help("add `primary key` to a column, or `primary key (a, b)` to the table"),
            );
        }
        self.check_storage(&table, &defs, &storage_spans);
        inherit_collations(&mut table);
        self.check_column_transitions(&table, &defs);
        table
    }

    /// `autoincrement` stands on the table's one-column integer primary key only, and a table
    /// `without rowid` needs a primary key and cannot have `autoincrement` (as SQLite says).
    fn check_storage(
        &mut self,
        table: &Table,
        defs: &[(&ast::ColumnDef, Option<Span>)],
        storage: &[(ast::TableOption, Span)],
    ) {
        let tname = &table.name;
        let without_rowid = storage
            .iter()
            .find(|(o, _)| *o == ast::TableOption::WithoutRowid)
            .map(|(_, s)| *s);
        for (def, _) in defs {
            for attr in &def.attrs {
                let ast::ColumnAttr::Autoincrement(span) = attr else {
                    continue;
                };
                let cname = &def.name.name;
                let sole_key = table
                    .primary_key
                    .as_ref()
                    .is_some_and(|pk| pk.columns == [cname.clone()]);
                if !sole_key {
                    self.diagnostics.push(
                        Diagnostic::error(
                            Code::BadStorage,
                            format!("`autoincrement` on column `{tname}.{cname}`, which is not the table's primary key"),
                        )
                        .primary(*span, "needs the column to be the whole primary key")
                        .help("mark the column `primary key` (the table's only key column), or remove `autoincrement`"),
                    );
                } else if let Some(w) = without_rowid {
                    self.diagnostics.push(
                        Diagnostic::error(
                            Code::BadStorage,
                            format!("`autoincrement` on column `{tname}.{cname}` of a table `without rowid`"),
                        )
                        .primary(*span, "counts rowids")
                        .secondary(w, "the table has none")
                        .help("remove `autoincrement` or `without rowid`"),
                    );
                }
            }
        }
        if let (Some(w), None) = (without_rowid, &table.primary_key) {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::BadStorage,
                    format!("table `{tname}` is `without rowid` but has no primary key"),
                )
                .primary(w, "stores rows by the primary key")
                .help("add `primary key` to a column, or `primary key (a, b)` to the table"),
            );
        }
    }

    fn known_columns(&mut self, table: &Table, names: &[ast::Ident]) -> bool {
        let mut ok = true;
        for n in names {
            if table.column(&n.name).is_none() {
                ok = false;
                let candidates: Vec<&str> = table.columns.iter().map(|c| c.name.as_str()).collect();
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::UnknownColumn,
                        format!("unknown column `{}` in table `{}`", n.name, table.name),
                    )
                    .primary(n.span, format!("not a column of `{}`", table.name))
                    .suggest(&n.name, candidates),
                );
            }
        }
        ok
    }

    pub(crate) fn repeated(&mut self, what: &str, span: Span) {
        self.diagnostics.push(
            Diagnostic::warning(Code::RepeatedAttribute, format!("{what} is said twice"))
                .primary(span, "said again here")
                .help("remove it"),
        );
    }
}

/// A generated name not yet taken in the table: `base`, else `base1`, `base2`… as PostgreSQL
/// numbers the names it generates.
fn free_name(table: &Table, base: String) -> String {
    let taken = |n: &str| table.object_names().any(|(x, _)| x == n);
    if !taken(&base) {
        return base;
    }
    (1..)
        .map(|i| format!("{base}{i}"))
        .find(|n| !taken(n))
        .unwrap_or(base)
}

/// A table's collation for a dialect whose tables have none of their own becomes that of each
/// text column that names none.
fn inherit_collations(table: &mut Table) {
    let inherited: Vec<(Dialect, String)> = table
        .collation
        .iter()
        .filter(|(d, _)| !d.tables_have_collations())
        .map(|(d, c)| (*d, c.clone()))
        .collect();
    for (d, name) in inherited {
        table.collation.remove(&d);
        // (PostgreSQL's enums compare by their order, with no collation.)
        let takes = |ty: &ColumnType| match ty {
            ColumnType::Enum { .. } => d.behaviour().enums_have_collations(),
            ColumnType::Native { .. } => false,
            ColumnType::Builtin { .. } => ty.holds_text(),
        };
        for c in table.columns.iter_mut().filter(|c| takes(&c.ty)) {
            c.collation.entry(d).or_insert_with(|| name.clone());
        }
    }
}

impl Resolver<'_> {
    /// A generated column computed from another generated column: PostgreSQL refuses it, so a
    /// portable schema cannot say it.
    fn generated_from_generated(&mut self, table: &Table) {
        use sqlparser::ast::{visit_expressions, Expr as E};
        let generated: Vec<&str> = table
            .columns
            .iter()
            .filter(|c| c.generated.is_some())
            .map(|c| c.name.as_str())
            .collect();
        for c in &table.columns {
            let Some(g) = &c.generated else { continue };
            let Ok(parsed) = sqlparser::parser::Parser::new(&sqlparser::dialect::GenericDialect {})
                .try_with_sql(&g.expr.sql)
                .and_then(|mut p| p.parse_expr())
            else {
                continue;
            };
            let mut read: Option<String> = None;
            let _ = visit_expressions(&parsed, |e| {
                if let E::Identifier(i) = e {
                    if read.is_none() && generated.contains(&i.value.as_str()) {
                        read = Some(i.value.clone());
                    }
                }
                std::ops::ControlFlow::<()>::Continue(())
            });
            if let Some(other) = read {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::BadExpression,
                        format!(
                            "generated column `{}` is computed from generated column `{other}`",
                            c.name
                        ),
                    )
                    .primary(c.origin, "computed from another generated column")
                    .note("PostgreSQL computes a generated column from ordinary columns only")
                    .help(format!("write `{other}`'s expression in its place")),
                );
            }
        }
    }
}
