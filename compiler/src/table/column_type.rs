//! A column's type: an enum of the schema, a built-in type with its arguments checked, or a
//! native spelling per dialect.

use crate::resolve::Resolver;
use crate::schema::ColumnType;
use migc_grammar::ast;
use migc_grammar::{Code, Diagnostic};
use migc_stdlib::{Dialect, PortableSpelling, TypeArgs};
use std::collections::BTreeMap;

impl Resolver<'_> {
    pub(super) fn column_type(&mut self, ty: &ast::TypeExpr) -> Option<ColumnType> {
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
            ast::TypeExpr::Named {
                name, args, span, ..
            } => {
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
}

impl Resolver<'_> {
    /// The spellings a portable type keeps (`timestamp native(sqlite: "DATETIME")`): SQLite's
    /// only, as SQLite keeps a column's type as written where the other dialects store the type
    /// (another spelling there is another type: a native one).
    /// `collate(mysql: "utf8mb4_bin", sqlite: "NOCASE")`: a collation per dialect.
    pub(super) fn collations(
        &mut self,
        list: &[(ast::Ident, ast::StringLit)],
    ) -> BTreeMap<Dialect, String> {
        let mut out = BTreeMap::new();
        for (dialect, name) in list {
            let Some(d) = Dialect::from_name(&dialect.name) else {
                self.unknown_dialect(dialect);
                continue;
            };
            if name.value.trim().is_empty() {
                self.diagnostics.push(
                    Diagnostic::error(Code::BadTypeArguments, "an empty collation name")
                        .primary(name.span, "names no collation")
                        .help(format!(
                            "name one of {}'s collations, such as `{}`",
                            d.title(),
                            d.pick("C", "utf8mb4_bin", "NOCASE")
                        )),
                );
                continue;
            }
            if out.insert(d, name.value.clone()).is_some() {
                self.repeated(&format!("the {} collation", d.name()), dialect.span);
            }
        }
        out
    }

    pub(super) fn type_spellings(&mut self, ty: &ast::TypeExpr) -> BTreeMap<Dialect, String> {
        let mut out = BTreeMap::new();
        let ast::TypeExpr::Named {
            name, spellings, ..
        } = ty
        else {
            return out;
        };
        for (dialect, spelling) in spellings {
            let Some(d) = Dialect::from_name(&dialect.name) else {
                self.unknown_dialect(dialect);
                continue;
            };
            match d.behaviour().portable_type_spelling(&spelling.value) {
                // `int64 native(postgres: "bigserial") identity`: an identity PostgreSQL keeps
                // as a column drawing from a sequence it owns (checked with the column's
                // attributes).
                PortableSpelling::Kept(text) | PortableSpelling::Serial { spelling: text, .. } => {
                    out.insert(d, text);
                }
                PortableSpelling::NotATypeName => self.diagnostics.push(
                    Diagnostic::error(
                        Code::BadTypeArguments,
                        format!(
                            "`{}` is not a type name {} reads",
                            spelling.value.escape_debug(),
                            d.title()
                        ),
                    )
                    .primary(
                        spelling.span,
                        "not words with an optional `(n)` or `(n, m)`",
                    )
                    .help("write the type as SQLite does, such as `DATETIME` or `VARCHAR(40)`"),
                ),
                PortableSpelling::NotKept => self.diagnostics.push(
                    Diagnostic::error(
                        Code::BadTypeArguments,
                        format!(
                            "`{}` keeps a spelling for SQLite only (and `serial` for PostgreSQL)",
                            name.name
                        ),
                    )
                    .primary(
                        dialect.span,
                        format!("{} stores a type, not its spelling", d.title()),
                    )
                    .help(format!(
                        "for a type of {} of its own, write `native({}: \"…\")` instead of `{}`",
                        d.title(),
                        dialect.name,
                        name.name
                    )),
                ),
            }
        }
        out
    }
}
