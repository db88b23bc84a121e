//! Resolution of one table: mixins expanded, columns typed, column attributes and table members
//! turned into constraints and indexes, expressions and transition hints checked.

use crate::expr::{self, Scope};
use crate::names;
use crate::resolve::{FkSite, Resolver};
use crate::schema::*;
use migc_grammar::ast::{self, ColumnAttr, Member};
use migc_grammar::{Code, Diagnostic, Span};
use migc_stdlib::{Dialect, TypeArgs};
use std::collections::BTreeMap;

/// A member with the `include` it came through, if any.
type Sited<'a> = (&'a Member, Option<Span>);

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
            origin: decl.name.span,
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
            table.columns.push(Column {
                name: def.name.name.clone(),
                ty: ty.unwrap_or(ColumnType::Builtin {
                    name: "text".into(),
                    args: Vec::new(),
                }),
                nullable: true,
                default: None,
                identity: false,
                comment: None,
                renamed_from: None,
                transform: None,
                origin: def.name.span,
            });
            defs.push((def, *via));
        }
        let column_names: Vec<String> = table.columns.iter().map(|c| c.name.clone()).collect();
        let cols: Vec<&str> = column_names.iter().map(String::as_str).collect();
        let owner = format!("table `{tname}`");

        let mut pk: Vec<(String, Span)> = Vec::new();
        let mut pk_defs: Vec<Span> = Vec::new();
        for (i, (def, _)) in defs.iter().enumerate() {
            self.column_attrs(&mut table, i, def, &cols, &owner, &mut pk);
        }
        // Each column marked `primary key` is a key of its own: two of them are an error, not a
        // composite key (as in SQL).
        pk_defs.extend(pk.iter().map(|(_, span)| *span));
        for (member, _) in &members {
            match member {
                Member::Column(_) | Member::Include(..) => {}
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
            for (name, _) in &pk {
                if let Some(c) = table.columns.iter_mut().find(|c| &c.name == name) {
                    c.nullable = false;
                }
            }
            table.primary_key = Some(PrimaryKey {
                name: names::primary_key(&tname),
                columns: pk.into_iter().map(|(c, _)| c).collect(),
                origin: pk_defs[0],
            });
        } else {
            self.diagnostics.push(
                Diagnostic::warning(Code::NoPrimaryKey, format!("table `{tname}` has no primary key"))
                    .primary(decl.name.span, "no primary key")
                    .note("backfills walk tables by primary key, and rows without a key cannot be compared")
                    .help("add `primary key` to a column, or `primary key (a, b)` to the table"),
            );
        }
        self.check_column_transitions(&table, &defs);
        table
    }

    fn expand_mixins(&mut self, members: &'a [Member]) -> Vec<Sited<'a>> {
        let mut out = Vec::new();
        for member in members {
            let Member::Include(name, span) = member else {
                out.push((member, None));
                continue;
            };
            let Some(mixin) = self.use_mixin(name) else {
                continue;
            };
            for inner in &mixin.members {
                if let Member::Include(nested, _) = inner {
                    self.diagnostics.push(
                        Diagnostic::error(
                            Code::UnknownMixin,
                            format!("mixin `{}` includes `{}`", mixin.name.name, nested.name),
                        )
                        .primary(nested.span, "`include` inside a mixin")
                        .secondary(*span, "included here")
                        .help("include both mixins in the table instead"),
                    );
                    continue;
                }
                out.push((inner, Some(*span)));
            }
        }
        out
    }

    fn column_type(&mut self, ty: &ast::TypeExpr) -> Option<ColumnType> {
        match ty {
            ast::TypeExpr::Native { spellings, .. } => {
                let mut map = BTreeMap::new();
                for (dialect, spelling) in spellings {
                    match Dialect::from_name(&dialect.name) {
                        Some(d) => {
                            map.insert(d, spelling.value.clone());
                        }
                        None => self.unknown_dialect(dialect),
                    }
                }
                Some(ColumnType::Native { spellings: map })
            }
            ast::TypeExpr::Named { name, args, span } => {
                if let Some(e) = self.enums.get(&name.name) {
                    if !args.is_empty() {
                        self.diagnostics.push(
                            Diagnostic::error(
                                Code::BadTypeArguments,
                                format!("enum `{}` takes no arguments", e.name),
                            )
                            .primary(*span, "arguments given here"),
                        );
                    }
                    return Some(ColumnType::Enum {
                        name: e.name.clone(),
                    });
                }
                let Some(builtin) = migc_stdlib::builtin_type(&name.name) else {
                    let mut candidates: Vec<&str> = migc_stdlib::builtin_types()
                        .iter()
                        .flat_map(|t| std::iter::once(t.name).chain(t.aliases.iter().copied()))
                        .collect();
                    candidates.extend(self.enums.keys().map(String::as_str));
                    let d = Diagnostic::error(
                        Code::UnknownType,
                        format!("unknown type `{}`", name.name),
                    )
                    .primary(name.span, "not a built-in type or an enum of the schema")
                    .suggest(&name.name, candidates);
                    let d = if d.help.is_some() {
                        d
                    } else {
                        d.note("for a type only one dialect has, write `native(postgres: \"...\", ...)`")
                    };
                    self.diagnostics.push(d);
                    return None;
                };
                let values: Vec<u64> = args.iter().map(|(v, _)| *v).collect();
                let bad = |msg: String| {
                    Diagnostic::error(Code::BadTypeArguments, msg).primary(*span, "here")
                };
                let error = match (builtin.args, values.as_slice()) {
                    (TypeArgs::None, []) => None,
                    (TypeArgs::None, _) => {
                        Some(bad(format!("`{}` takes no arguments", builtin.name)))
                    }
                    (TypeArgs::Length { max }, [n]) if (1..=max).contains(n) => None,
                    (TypeArgs::Length { max }, [_]) => Some(bad(format!(
                        "the length of `{}` must be between 1 and {max}",
                        builtin.name
                    ))),
                    (TypeArgs::Length { .. }, _) => Some(
                        bad(format!("`{}` takes a length", builtin.name))
                            .help(format!("write `{}(255)`, or use `text`", builtin.name)),
                    ),
                    (TypeArgs::PrecisionScale, [p]) if (1..=65).contains(p) => {
                        return Some(ColumnType::Builtin {
                            name: builtin.name.into(),
                            args: vec![*p, 0],
                        });
                    }
                    (TypeArgs::PrecisionScale, [p, s]) if (1..=65).contains(p) && s <= p => None,
                    (TypeArgs::PrecisionScale, [_] | [_, _]) => Some(
                        bad(format!("invalid precision or scale for `{}`", builtin.name)).note(
                            "the precision is 1 to 65 digits and the scale at most the precision",
                        ),
                    ),
                    (TypeArgs::PrecisionScale, _) => Some(
                        bad(format!("`{}` takes a precision and a scale", builtin.name))
                            .help(format!("write `{}(12, 2)`", builtin.name)),
                    ),
                };
                if let Some(d) = error {
                    self.diagnostics.push(d);
                    return None;
                }
                Some(ColumnType::Builtin {
                    name: builtin.name.into(),
                    args: values,
                })
            }
        }
    }

    fn column_attrs(
        &mut self,
        table: &mut Table,
        index: usize,
        def: &ast::ColumnDef,
        cols: &[&str],
        owner: &str,
        pk: &mut Vec<(String, Span)>,
    ) {
        let tname = table.name.clone();
        let cname = def.name.name.clone();
        let mut not_null: Option<Span> = None;
        let mut null: Option<Span> = None;
        let mut primary: Option<Span> = None;
        let mut identity: Option<Span> = None;
        let mut from: Option<(&[ast::Ident], Span)> = None;
        let mut up: Option<(&ast::Sql, Span)> = None;
        let mut down: Option<(&ast::Sql, Span)> = None;
        let mut renamed: Option<(&ast::Ident, Span)> = None;
        let mut default: Option<(&ast::Sql, Span)> = None;
        let mut comment: Option<String> = None;

        let once = |this: &mut Self, slot: &mut Option<Span>, span: Span, what: &str| {
            if slot.is_some() {
                this.repeated(what, span);
            }
            *slot = Some(span);
        };
        for attr in &def.attrs {
            match attr {
                ColumnAttr::NotNull(s) => once(self, &mut not_null, *s, "`not null`"),
                ColumnAttr::Null(s) => once(self, &mut null, *s, "`null`"),
                ColumnAttr::PrimaryKey(s) => once(self, &mut primary, *s, "`primary key`"),
                ColumnAttr::Identity(s) => once(self, &mut identity, *s, "`identity`"),
                ColumnAttr::Unique(s) => {
                    table.uniques.push(Unique {
                        name: free_name(table, names::unique(&tname, std::slice::from_ref(&cname))),
                        columns: vec![cname.clone()],
                        origin: *s,
                    });
                }
                ColumnAttr::Default(sql, s) => {
                    if default.is_some() {
                        self.repeated("`default`", *s);
                    }
                    default = Some((sql, *s));
                }
                ColumnAttr::Check { name, expr, span } => {
                    let scope = Scope {
                        what: "a check",
                        columns: cols,
                        owner,
                        unknown_help: None,
                    };
                    if let Some(checked) = self.checked(expr, &scope) {
                        table.checks.push(Check {
                            name: name.as_ref().map_or_else(
                                || {
                                    free_name(
                                        table,
                                        names::check(&tname, std::slice::from_ref(&cname)),
                                    )
                                },
                                |n| n.name.clone(),
                            ),
                            expr: checked.expr,
                            origin: *span,
                        });
                    }
                }
                ColumnAttr::References(reference) => {
                    self.foreign_key(
                        table,
                        vec![cname.clone()],
                        None,
                        reference,
                        vec![def.name.span],
                        reference.span,
                    );
                }
                ColumnAttr::RenamedFrom(old, s) => renamed = Some((old, *s)),
                ColumnAttr::From(sources, s) => from = Some((sources, *s)),
                ColumnAttr::Up(sql, s) => up = Some((sql, *s)),
                ColumnAttr::Down(sql, s) => down = Some((sql, *s)),
                ColumnAttr::Comment(text, s) => {
                    if comment.is_some() {
                        self.repeated("`comment`", *s);
                    }
                    comment = Some(text.value.clone());
                }
            }
        }

        let conflict = |this: &mut Self, a: (Span, &str), b: (Span, &str)| {
            this.diagnostics.push(
                Diagnostic::error(
                    Code::ConflictingAttributes,
                    format!("column `{cname}` is declared both {} and {}", a.1, b.1),
                )
                .primary(b.0, format!("{} here", b.1))
                .secondary(a.0, format!("{} here", a.1))
                .help("keep one of them"),
            );
        };
        if let (Some(n), Some(nn)) = (null, not_null) {
            conflict(self, (nn, "`not null`"), (n, "`null`"));
        }
        if let (Some(nn), Some((sql, d))) = (not_null, default) {
            if sql.text.eq_ignore_ascii_case("null") {
                conflict(self, (nn, "`not null`"), (d, "`default null`"));
            }
        }
        if let (Some(n), Some(p)) = (null, primary) {
            conflict(self, (p, "`primary key`"), (n, "`null`"));
        }
        if let (Some(n), Some(i)) = (null, identity) {
            conflict(self, (i, "`identity`"), (n, "`null`"));
        }
        if let (Some(d), Some(i)) = (default, identity) {
            conflict(self, (i, "`identity`"), (d.1, "`default`"));
        }
        if let Some(p) = primary {
            pk.push((cname.clone(), p));
        }
        let column_ty = table.columns[index].ty.clone();
        if let Some(span) = identity {
            if !column_ty.is_integer() {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::IdentityNotInteger,
                        format!("`identity` on column `{cname}` of type `{column_ty}`"),
                    )
                    .primary(span, "identity needs an integer column")
                    .secondary(def.ty.span(), format!("`{column_ty}` here"))
                    .help("declare the column `int64` (or `int32`), or generate its values with a default"),
                );
            }
        }

        let default = default.and_then(|(sql, _)| self.default(sql, &column_ty));
        let transform = self.transform(def, from, up, down, renamed.map(|r| r.1), cols, owner);
        let column = &mut table.columns[index];
        column.nullable = not_null.is_none() && identity.is_none() && primary.is_none();
        column.identity = identity.is_some();
        column.default = default;
        column.comment = comment;
        column.renamed_from = renamed.map(|(old, _)| old.name.clone());
        column.transform = transform;
    }

    fn default(&mut self, sql: &ast::Sql, ty: &ColumnType) -> Option<Expr> {
        let parsed = match self.parse_expr(sql, "a default") {
            Ok(p) => p,
            Err(d) => {
                self.diagnostics.push(d);
                return None;
            }
        };
        let scope = Scope {
            what: "a default",
            columns: &[],
            owner: "the default",
            unknown_help: None,
        };
        // `default pending` for an enum column: the value written without quotes.
        let unquoted_value = match (ty, &parsed) {
            (ColumnType::Enum { name }, sqlparser::ast::Expr::Identifier(i))
                if self.enums[name].values.iter().any(|v| v.name == i.value) =>
            {
                Some((i.value.clone(), name.clone()))
            }
            _ => None,
        };
        let before = self.diagnostics.len();
        let checked = expr::check(sql, parsed, &scope, &mut self.diagnostics);
        for d in &mut self.diagnostics[before..] {
            if d.code == Code::UnknownColumn {
                d.code = Code::ColumnInDefault;
                d.message = d.message.replace("unknown column", "column");
                d.message.push_str(" (defaults cannot read columns)");
                d.labels[0].message = "a default cannot refer to a column".into();
                d.help = Some(match &unquoted_value {
                    Some((value, name)) => format!(
                        "`{value}` is a value of enum `{name}`: write it as a string, `default '{value}'`"
                    ),
                    None => {
                        "to fill a new column from others, write `from <columns> up (<expression>)`"
                            .into()
                    }
                });
            }
        }
        let checked = checked?;
        if let ColumnType::Enum { name } = ty {
            if let Some(value) = expr::string_literal(&checked.ast) {
                let values: Vec<&str> = self.enums[name]
                    .values
                    .iter()
                    .map(|v| v.name.as_str())
                    .collect();
                if !values.contains(&value) {
                    self.diagnostics.push(
                        Diagnostic::error(
                            Code::NotAnEnumValue,
                            format!("default `'{value}'` is not a value of enum `{name}`"),
                        )
                        .primary(sql.span, "not a value of the enum")
                        .secondary(self.enums[name].origin, "enum declared here")
                        .suggest(value, values.iter().copied())
                        .note(format!("the values are {}", values.join(", "))),
                    );
                    return None;
                }
            } else if let sqlparser::ast::Expr::Value(v) = &checked.ast {
                // A number or boolean is never an enum value (a null default is fine).
                if !matches!(v.value, sqlparser::ast::Value::Null) {
                    let values: Vec<&str> = self.enums[name]
                        .values
                        .iter()
                        .map(|v| v.name.as_str())
                        .collect();
                    self.diagnostics.push(
                        Diagnostic::error(
                            Code::NotAnEnumValue,
                            format!("default `{}` is not a value of enum `{name}`", sql.text),
                        )
                        .primary(sql.span, "not a value of the enum")
                        .secondary(self.enums[name].origin, "enum declared here")
                        .note(format!("the values are {}", values.join(", ")))
                        .help("write an enum value as a string, such as `default 'pending'`"),
                    );
                    return None;
                }
            }
        }
        Some(checked.expr)
    }

    #[allow(clippy::too_many_arguments)]
    fn transform(
        &mut self,
        def: &ast::ColumnDef,
        from: Option<(&[ast::Ident], Span)>,
        up: Option<(&ast::Sql, Span)>,
        down: Option<(&ast::Sql, Span)>,
        renamed: Option<Span>,
        cols: &[&str],
        owner: &str,
    ) -> Option<Transform> {
        let cname = &def.name.name;
        let bad = |msg: String, span: Span, label: &str| {
            Diagnostic::error(Code::BadTransition, msg).primary(span, label.to_string())
        };
        if let (Some(r), Some(other)) = (renamed, from.map(|f| f.1).or(up.map(|u| u.1))) {
            self.diagnostics.push(
                bad(format!("column `{cname}` is both renamed and computed"), other, "computed here")
                    .secondary(r, "renamed here")
                    .help("to rename and convert at once, write `from <old name> up (...) down (...)` without `renamed from`"),
            );
            return None;
        }
        let Some((up_sql, up_span)) = up else {
            if let Some((_, span)) = from {
                self.diagnostics.push(
                    bad(
                        format!("`from` on column `{cname}` without an `up` expression"),
                        span,
                        "`from` here",
                    )
                    .help("add `up (<expression>)` computing the column from the deployed columns"),
                );
            }
            if let Some((_, span)) = down {
                self.diagnostics.push(
                    bad(format!("`down` on column `{cname}` without an `up` expression"), span, "`down` here")
                        .help("a `down` inverts an `up`: add `up (<expression>)`, or use `retire <column> down (...)` for a column that is leaving"),
                );
            }
            return None;
        };
        let sources: Vec<String> = match from {
            Some((idents, _)) => idents.iter().map(|i| i.name.clone()).collect(),
            None => vec![cname.clone()],
        };
        let source_refs: Vec<&str> = sources.iter().map(String::as_str).collect();
        let help = format!(
            "`up` reads the deployed row: list the columns it reads in `from` (now: {})",
            sources.join(", ")
        );
        let scope = Scope {
            what: "`up`",
            columns: &source_refs,
            owner: "the `from` list",
            unknown_help: Some(&help),
        };
        let up_checked = self.checked(up_sql, &scope);
        if let Some(checked) = &up_checked {
            if checked.columns.is_empty() {
                self.diagnostics.push(
                    bad(
                        format!("`up` of column `{cname}` reads no deployed column"),
                        up_sql.span,
                        "computes the same value for every row",
                    )
                    .help("an `up` derives the new column from the deployed ones; for a constant, use `default`"),
                );
                return None;
            }
        }
        let down_checked = match down {
            Some((sql, span)) => {
                if sources.len() > 1 {
                    self.diagnostics.push(
                        bad(
                            format!(
                                "`down` of column `{cname}` cannot fill {} columns",
                                sources.len()
                            ),
                            span,
                            "one expression here",
                        )
                        .help("give each source column its own `retire <column> down (...)`"),
                    );
                    return None;
                }
                let scope = Scope {
                    what: "`down`",
                    columns: cols,
                    owner,
                    unknown_help: None,
                };
                Some(self.checked(sql, &scope)?)
            }
            None => None,
        };
        Some(Transform {
            from: sources,
            up: up_checked?.expr,
            down: down_checked.map(|c| c.expr),
            origin: up_span,
        })
    }

    fn check_column_transitions(
        &mut self,
        table: &Table,
        defs: &[(&ast::ColumnDef, Option<Span>)],
    ) {
        let mut renamed: BTreeMap<&str, Span> = BTreeMap::new();
        for column in &table.columns {
            let Some(old) = &column.renamed_from else {
                continue;
            };
            let at = defs
                .iter()
                .find(|(d, _)| d.name.name == column.name)
                .and_then(|(d, _)| {
                    d.attrs.iter().find_map(|a| match a {
                        ColumnAttr::RenamedFrom(_, s) => Some(*s),
                        _ => None,
                    })
                })
                .unwrap_or(column.origin);
            if old == &column.name {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::BadTransition,
                        format!("column `{old}` is renamed from itself"),
                    )
                    .primary(at, "renamed here")
                    .help("remove `renamed from`"),
                );
            } else if let Some(other) = table.column(old) {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::BadTransition,
                        format!(
                            "column `{}` is renamed from `{old}`, which is still declared",
                            column.name
                        ),
                    )
                    .primary(at, "renamed here")
                    .secondary(other.origin, "still declared here")
                    .help(format!(
                        "to keep `{old}` and copy it, write `from {old} up ({old})` instead"
                    )),
                );
            } else if let Some(first) = renamed.insert(old, at) {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::BadTransition,
                        format!("two columns are renamed from `{old}`"),
                    )
                    .primary(at, "renamed again here")
                    .secondary(first, "first renamed here"),
                );
            }
        }
        for retired in &table.retired {
            if let Some(ack) = table.dropped_columns.get(&retired.name) {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::BadTransition,
                        format!("column `{}` is both retired and dropped", retired.name),
                    )
                    .primary(ack.origin, "dropped here")
                    .secondary(retired.origin, "retired here")
                    .help("`retire` already removes the column at contract: remove `drop column`"),
                );
            }
        }
    }

    fn retire(&mut self, table: &mut Table, def: &ast::RetireDef, cols: &[&str], owner: &str) {
        if let Some(col) = table.column(&def.name.name) {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::DroppedButDeclared,
                    format!("column `{}` is both declared and retired", def.name.name),
                )
                .primary(def.name.span, "retired here")
                .secondary(col.origin, "still declared here")
                .help("remove the column's declaration: a retired column leaves the table"),
            );
            return;
        }
        if let Some(first) = table.retired.iter().find(|r| r.name == def.name.name) {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::BadTransition,
                    format!("column `{}` is retired twice", def.name.name),
                )
                .primary(def.span, "retired again here")
                .secondary(first.origin, "first retired here"),
            );
            return;
        }
        let down = match &def.down {
            Some(sql) => {
                let scope = Scope {
                    what: "`down`",
                    columns: cols,
                    owner,
                    unknown_help: None,
                };
                match self.checked(sql, &scope) {
                    Some(c) => Some(c.expr),
                    None => return,
                }
            }
            None => None,
        };
        table.retired.push(Retired {
            name: def.name.name.clone(),
            down,
            origin: def.span,
        });
    }

    fn index(&mut self, table: &mut Table, def: &ast::IndexDef, cols: &[&str], owner: &str) {
        let parsed = match self.parse_index_parts(&def.parts) {
            Ok(p) => p,
            Err(d) => {
                self.diagnostics.push(d);
                return;
            }
        };
        let scope = Scope {
            what: "an index",
            columns: cols,
            owner,
            unknown_help: None,
        };
        let mut parts = Vec::new();
        let mut columns: Vec<String> = Vec::new();
        let mut ok = true;
        for (ast_expr, descending) in parsed {
            let column = match &ast_expr {
                sqlparser::ast::Expr::Identifier(i) => Some(i.value.clone()),
                _ => None,
            };
            match expr::check(&def.parts, ast_expr, &scope, &mut self.diagnostics) {
                Some(checked) => {
                    for c in checked.columns {
                        if !columns.contains(&c) {
                            columns.push(c);
                        }
                    }
                    parts.push(IndexPart {
                        expr: checked.expr,
                        column,
                        descending,
                    });
                }
                None => ok = false,
            }
        }
        let predicate = match &def.predicate {
            Some(sql) => {
                let scope = Scope {
                    what: "an index predicate",
                    columns: cols,
                    owner,
                    unknown_help: None,
                };
                match self.checked(sql, &scope) {
                    Some(c) => Some(c.expr),
                    None => return,
                }
            }
            None => None,
        };
        if !ok {
            return;
        }
        table.indexes.push(Index {
            name: def.name.as_ref().map_or_else(
                || free_name(table, names::index(&table.name, &columns)),
                |n| n.name.clone(),
            ),
            unique: def.unique,
            parts,
            predicate,
            origin: def.span,
        });
    }

    fn foreign_key(
        &mut self,
        table: &mut Table,
        columns: Vec<String>,
        name: Option<String>,
        reference: &ast::Reference,
        column_spans: Vec<Span>,
        origin: Span,
    ) {
        let mut on_delete = FkAction::NoAction;
        let mut on_update = FkAction::NoAction;
        let mut set_null = None;
        for action in &reference.actions {
            let effect = match action.effect {
                ast::FkEffect::Cascade => FkAction::Cascade,
                ast::FkEffect::Restrict => FkAction::Restrict,
                ast::FkEffect::SetNull => FkAction::SetNull,
                ast::FkEffect::SetDefault => FkAction::SetDefault,
                ast::FkEffect::NoAction => FkAction::NoAction,
            };
            if effect == FkAction::SetNull {
                set_null = Some(action.span);
            }
            match action.event {
                ast::FkEvent::Delete => on_delete = effect,
                ast::FkEvent::Update => on_update = effect,
            }
        }
        let name =
            name.unwrap_or_else(|| free_name(table, names::foreign_key(&table.name, &columns)));
        table.foreign_keys.push(ForeignKey {
            name,
            columns,
            ref_table: reference.table.name.clone(),
            ref_columns: reference.columns.iter().map(|c| c.name.clone()).collect(),
            on_delete,
            on_update,
            origin,
        });
        self.pending_fks.push((
            table.name.clone(),
            table.foreign_keys.len() - 1,
            FkSite {
                columns: column_spans,
                table: reference.table.span,
                ref_columns: reference.columns.iter().map(|c| c.span).collect(),
                set_null,
            },
        ));
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

    /// [`expr::parse`], remembering what parsed: schemas repeat the same defaults and checks
    /// (`now()`, `0`, `length(name) > 0`) many times, and what sqlparser reads depends on the
    /// text alone. Errors, which also depend on where the text is, are not remembered.
    fn parse_expr(
        &mut self,
        sql: &ast::Sql,
        what: &str,
    ) -> Result<sqlparser::ast::Expr, Diagnostic> {
        if let Some(parsed) = self.parsed_exprs.get(&sql.text) {
            return Ok(parsed.clone());
        }
        let parsed = expr::parse(sql, what)?;
        self.parsed_exprs.insert(sql.text.clone(), parsed.clone());
        Ok(parsed)
    }

    /// [`expr::parse_index_parts`], remembering what parsed, as [`Resolver::parse_expr`] does.
    fn parse_index_parts(
        &mut self,
        sql: &ast::Sql,
    ) -> Result<Vec<(sqlparser::ast::Expr, bool)>, Diagnostic> {
        if let Some(parsed) = self.parsed_index_parts.get(&sql.text) {
            return Ok(parsed.clone());
        }
        let parsed = expr::parse_index_parts(sql)?;
        self.parsed_index_parts
            .insert(sql.text.clone(), parsed.clone());
        Ok(parsed)
    }

    fn checked(&mut self, sql: &ast::Sql, scope: &Scope<'_>) -> Option<expr::Checked> {
        match self.parse_expr(sql, scope.what) {
            Ok(parsed) => expr::check(sql, parsed, scope, &mut self.diagnostics),
            Err(d) => {
                self.diagnostics.push(d);
                None
            }
        }
    }

    fn repeated(&mut self, what: &str, span: Span) {
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
