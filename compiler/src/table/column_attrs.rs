//! A column's attributes: nullability, key, identity, default, comment, and the constraints
//! and transition hints written on the column.

use super::free_name;
use crate::expr::Scope;
use crate::names;
use crate::resolve::Resolver;
use crate::schema::*;
use migc_grammar::ast::{self, ColumnAttr};
use migc_grammar::{Code, Diagnostic, Span};

impl Resolver<'_> {
    pub(super) fn column_attrs(
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
        let mut autoincrement: Option<Span> = None;
        let mut from: Option<(&[ast::Ident], Span)> = None;
        let mut up: Option<(&ast::Sql, Span)> = None;
        let mut down: Option<(&ast::Sql, Span)> = None;
        let mut renamed: Option<(&ast::Ident, Span)> = None;
        let mut default: Option<(&ast::Sql, Span)> = None;
        let mut native_default: Option<(&[(ast::Ident, ast::StringLit)], Span)> = None;
        let mut generated: Option<(&ast::Sql, bool, Span)> = None;
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
                ColumnAttr::Autoincrement(s) => {
                    once(self, &mut autoincrement, *s, "`autoincrement`");
                    identity.get_or_insert(*s);
                }
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
                ColumnAttr::Generated { expr, stored, span } => {
                    if generated.is_some() {
                        self.repeated("`as (…)`", *span);
                    }
                    generated = Some((expr, *stored, *span));
                }
                ColumnAttr::NativeDefault(spellings, s) => {
                    if default.is_some() || native_default.is_some() {
                        self.repeated("`default`", *s);
                    }
                    native_default = Some((spellings, *s));
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
                ColumnAttr::OnUpdate(sql, s) => {
                    if table.columns[index].on_update {
                        self.repeated("`on update`", *s);
                    }
                    let text = sql.text.trim().to_ascii_lowercase().replace(' ', "");
                    let now = matches!(
                        text.as_str(),
                        "now()" | "current_timestamp" | "current_timestamp()" | "localtimestamp"
                    );
                    let ty = &table.columns[index].ty;
                    let temporal = match ty {
                        ColumnType::Builtin { name, .. } => {
                            matches!(name.as_str(), "timestamp" | "timestamptz")
                        }
                        ColumnType::Native { spellings } => spellings.values().any(|s| {
                            let s = s.to_ascii_lowercase();
                            s.starts_with("timestamp") || s.starts_with("datetime")
                        }),
                        ColumnType::Enum { .. } => false,
                    };
                    if !now {
                        self.diagnostics.push(
                            Diagnostic::error(
                                Code::BadExpression,
                                format!("`on update` of column `{cname}` takes `now()` only"),
                            )
                            .primary(sql.span, "not `now()`")
                            .note("databases set a column on update to the current time, nothing else")
                            .help("write `on update now()`"),
                        );
                    } else if !temporal {
                        self.diagnostics.push(
                            Diagnostic::error(
                                Code::ConflictingAttributes,
                                format!("column `{cname}` of type `{ty}` cannot take the time on update"),
                            )
                            .primary(*s, "`on update` here")
                            .secondary(def.ty.span(), "not `timestamp` or `timestamptz`")
                            .help("declare the column `timestamp` or `timestamptz`"),
                        );
                    }
                    table.columns[index].on_update = true;
                }
                ColumnAttr::Collate(list, s) => {
                    if !table.columns[index].collation.is_empty() {
                        self.repeated("`collate`", *s);
                    }
                    let collation = self.collations(list);
                    let ty = &table.columns[index].ty;
                    let enum_without = matches!(ty, ColumnType::Enum { .. })
                        .then(|| {
                            collation
                                .keys()
                                .find(|d| !d.behaviour().enums_have_collations())
                        })
                        .flatten();
                    if !collation.is_empty() && (!ty.holds_text() || enum_without.is_some()) {
                        self.diagnostics.push(
                            Diagnostic::error(
                                Code::ConflictingAttributes,
                                if let Some(d) = enum_without {
                                    format!("column `{cname}` of enum type `{ty}` has no collation in {}", d.title())
                                } else {
                                    format!("column `{cname}` of type `{ty}` has no collation")
                                },
                            )
                            .primary(*s, "collation here")
                            .secondary(
                                def.ty.span(),
                                match enum_without {
                                    Some(d) => format!("{} orders an enum's values as declared", d.title()),
                                    None => "not a text type".to_string(),
                                },
                            )
                            .help("a collation says how text compares; remove it (for PostgreSQL)"),
                        );
                    }
                    table.columns[index].collation = collation;
                }
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
        if let (Some(n), Some(i)) = (null, identity) {
            conflict(self, (i, "`identity`"), (n, "`null`"));
        }
        if let (Some(d), Some(i)) = (default, identity) {
            conflict(self, (i, "`identity`"), (d.1, "`default`"));
        }
        if let (Some(d), Some(i)) = (native_default, identity) {
            conflict(self, (i, "`identity`"), (d.1, "`default`"));
        }
        if let Some((_, _, g)) = generated {
            let what = "`as (…)` (generated)";
            if let Some((_, d)) = default {
                conflict(self, (g, what), (d, "`default`"));
            }
            if let Some((_, d)) = native_default {
                conflict(self, (g, what), (d, "`default`"));
            }
            if let Some(i) = identity {
                conflict(self, (g, what), (i, "`identity`"));
            }
            if let Some(p) = primary {
                conflict(self, (g, what), (p, "`primary key`"));
            }
            if let Some((_, s)) = from {
                conflict(self, (g, what), (s, "`from`"));
            }
        }
        if let Some(p) = primary {
            pk.push((cname.clone(), p));
        }
        let column_ty = table.columns[index].ty.clone();
        if let Some(span) = identity {
            if !column_ty.holds_integers() {
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

        let default = match native_default {
            Some((spellings, span)) => self.native_default(spellings, span),
            None => default.and_then(|(sql, _)| self.default(sql, &column_ty)),
        };
        let transform = self.transform(def, from, up, down, renamed.map(|r| r.1), cols, owner);
        let generated = generated.and_then(|(sql, stored, _)| {
            let others: Vec<&str> = cols.iter().copied().filter(|c| *c != cname).collect();
            let scope = Scope {
                what: "a generated column",
                columns: &others,
                owner,
                unknown_help: None,
            };
            self.checked(sql, &scope).map(|checked| Generated {
                expr: checked.expr,
                stored,
            })
        });
        // A spelling that makes the column an identity of its own integer type (PostgreSQL's
        // `bigserial`).
        let serials: Vec<(migc_stdlib::Dialect, String, &'static str)> = table.columns[index]
            .spellings
            .iter()
            .filter_map(|(d, s)| match d.behaviour().portable_type_spelling(s) {
                migc_stdlib::PortableSpelling::Serial { ty, .. } => Some((*d, s.clone(), ty)),
                _ => None,
            })
            .collect();
        for (d, serial, serial_ty) in serials {
            let ty = &table.columns[index].ty;
            let fits = matches!(ty, ColumnType::Builtin { name, .. } if name == serial_ty);
            if identity.is_none() || !fits {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::BadTypeArguments,
                        format!("`{serial}` spells an `identity` column of its own integer type"),
                    )
                    .primary(def.ty.span(), format!("`{ty}` here"))
                    .help(format!(
                        "declare `{cname} {serial_ty} native({}: \"{serial}\") identity`",
                        d.name()
                    )),
                );
            }
        }
        let column = &mut table.columns[index];
        column.nullable = not_null.is_none() && identity.is_none() && primary.is_none();
        column.declared_not_null = not_null.is_some() && (identity.is_some() || primary.is_some());
        // Kept on a key column only: the table's `primary key (a, b)` clears it elsewhere.
        column.nullable_key = null.is_some();
        column.identity = identity.is_some();
        column.autoincrement = autoincrement.is_some();
        column.default = default;
        column.comment = comment;
        column.renamed_from = renamed.map(|(old, _)| old.name.clone());
        column.transform = transform;
        column.generated = generated;
    }
}
