//! The compiler's driver: parse every file, collect declarations, resolve enums, tables, views
//! and natives, then check what spans tables (names, foreign keys, view dependencies).

mod enums;
mod foreign_keys;
mod items;
mod mixins;
mod natives;
mod parse_files;
mod schema_names;
mod transitions;
mod views;

use crate::schema::*;
use migc_grammar::ast::{self, Item};
use migc_grammar::{Code, Diagnostic, FileId, Sources, Span};
use parse_files::parse_files;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The outcome of a compilation: the schema when there was no error, and every finding.
#[derive(Debug)]
pub struct Compiled {
    pub schema: Option<Schema>,
    /// Errors and warnings, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

impl Compiled {
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }
}

/// Compiles the given files of `sources` into one schema. Stdlib sources that `use` brings in are
/// added to `sources` so that findings inside them can be shown.
pub fn compile(sources: &mut Sources, files: &[FileId]) -> Compiled {
    let mut diagnostics = Vec::new();
    let mut asts = Vec::new();
    for parsed in parse_files(sources, files) {
        match parsed {
            Ok(ast) => asts.push(ast),
            Err(errors) => diagnostics.extend(errors),
        }
    }
    if !diagnostics.is_empty() {
        migc_grammar::sort_diagnostics(&mut diagnostics);
        return Compiled {
            schema: None,
            diagnostics,
        };
    }

    let mut resolver = Resolver::default();
    let std_asts = resolver.imports(sources, &asts);
    let schema = resolver.run(&asts, &std_asts);
    let mut diagnostics = resolver.diagnostics;
    migc_grammar::sort_diagnostics(&mut diagnostics);
    let failed = diagnostics.iter().any(Diagnostic::is_error);
    Compiled {
        schema: if failed { None } else { Some(schema) },
        diagnostics,
    }
}

/// A stdlib import: where it was written and whether anything used it.
struct Import {
    span: Span,
    used: bool,
}

#[derive(Default)]
pub(crate) struct Resolver<'a> {
    pub diagnostics: Vec<Diagnostic>,
    pub enums: BTreeMap<String, Enum>,
    /// Mixins declared in the schema's own files.
    pub mixins: BTreeMap<String, &'a ast::MixinDecl>,
    /// Mixins brought in from the stdlib by `use`.
    pub std_mixins: BTreeMap<String, &'a ast::MixinDecl>,
    imports: BTreeMap<String, Import>,
    /// Foreign keys to check once every table is known: (table, index in `foreign_keys`, site).
    pub pending_fks: Vec<(String, usize, FkSite)>,
    /// Expressions and index keys already read, by text (see `Resolver::parse_expr`).
    pub parsed_exprs: HashMap<String, sqlparser::ast::Expr>,
    pub parsed_index_parts: HashMap<String, Vec<(sqlparser::ast::Expr, bool)>>,
}

/// Where a foreign key's parts were written.
pub(crate) struct FkSite {
    pub columns: Vec<Span>,
    pub table: Span,
    pub ref_columns: Vec<Span>,
    /// Spans of `on delete set null` actions, to check the columns are nullable.
    pub set_null: Option<Span>,
}

impl<'a> Resolver<'a> {
    fn run(&mut self, asts: &'a [ast::File], std_asts: &'a [ast::File]) -> Schema {
        for item in std_asts.iter().flat_map(|f| &f.items) {
            if let Item::Mixin(m) = item {
                self.std_mixins.insert(m.name.name.clone(), m);
            }
        }
        let items: Vec<&Item> = asts.iter().flat_map(|f| &f.items).collect();
        self.check_duplicate_items(&items);

        let mut schema = Schema::default();
        for item in &items {
            match item {
                Item::Mixin(m) => {
                    self.mixins.entry(m.name.name.clone()).or_insert(m);
                }
                Item::Enum(e) if !self.enums.contains_key(&e.name.name) => {
                    let resolved = self.enum_decl(e);
                    self.enums.insert(e.name.name.clone(), resolved);
                }
                _ => {}
            }
        }
        for item in &items {
            match item {
                Item::Table(t) if !schema.tables.contains_key(&t.name.name) => {
                    let table = self.table(t);
                    schema.tables.insert(t.name.name.clone(), table);
                }
                Item::Native(n) => {
                    if let Some(native) = self.native(n) {
                        schema.natives.entry(native.name.clone()).or_insert(native);
                    }
                }
                Item::DropTable(d) => {
                    schema.dropped_tables.insert(
                        d.name.name.clone(),
                        Acknowledged {
                            origin: d.name.span,
                        },
                    );
                }
                _ => {}
            }
        }
        let view_names: BTreeSet<String> = items
            .iter()
            .filter_map(|i| match i {
                Item::View(v) => Some(v.name.name.clone()),
                _ => None,
            })
            .collect();
        for item in &items {
            if let Item::View(v) = item {
                if let Some(view) = self.view(v, &schema, &view_names) {
                    schema.views.entry(view.name.clone()).or_insert(view);
                }
            }
        }
        self.check_view_cycles(&schema);
        schema.enums = std::mem::take(&mut self.enums);
        self.check_foreign_keys(&mut schema);
        self.check_names(&schema);
        self.check_transitions(&schema);
        for (name, import) in &self.imports {
            if !import.used {
                self.diagnostics.push(
                    Diagnostic::warning(Code::UnusedImport, format!("unused import `std.{name}`"))
                        .primary(import.span, "never included")
                        .help("remove it"),
                );
            }
        }
        schema
    }
}
