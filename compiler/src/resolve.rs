//! The compiler's driver: parse every file, collect declarations, resolve enums, tables, views
//! and natives, then check what spans tables (names, foreign keys, view dependencies).

use crate::expr;
use crate::names::MAX_IDENTIFIER;
use crate::schema::*;
use migc_grammar::ast::{self, Item};
use migc_grammar::{Code, Diagnostic, FileId, Sources, Span};
use migc_stdlib::Dialect;
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

/// Parses the files, in order. Files are independent, so with more than one core they are
/// parsed on worker threads (parsing is most of the time `migc check` takes). The workers
/// get the stack a main thread usually has (8 MiB), so how deeply a file may nest before pest
/// gives up does not depend on the thread.
fn parse_files(sources: &Sources, files: &[FileId]) -> Vec<Result<ast::File, Vec<Diagnostic>>> {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let parse = |file: FileId| migc_grammar::parse(file, &sources.get(file).text);
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let threads = threads.min(files.len());
    if threads <= 1 {
        return files.iter().map(|&file| parse(file)).collect();
    }
    // Each worker takes the next file not yet taken, so a large file does not hold up the rest.
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            let Some(&file) = files.get(i) else { break };
            done.push((i, parse(file)));
        }
        done
    };
    let mut results: Vec<Option<Result<ast::File, Vec<Diagnostic>>>> = Vec::new();
    results.resize_with(files.len(), || None);
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                std::thread::Builder::new()
                    .stack_size(8 << 20)
                    .spawn_scoped(scope, work)
            })
            .collect();
        for worker in workers {
            // A worker that cannot be started leaves its share to the others; one that panicked
            // passes the panic on.
            let Ok(worker) = worker else { continue };
            let done = worker
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            for (i, result) in done {
                results[i] = Some(result);
            }
        }
    });
    files
        .iter()
        .zip(results)
        .map(|(&file, result)| result.unwrap_or_else(|| parse(file)))
        .collect()
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
    /// Validates `use` items and parses the stdlib mixins they name.
    fn imports(&mut self, sources: &mut Sources, asts: &[ast::File]) -> Vec<ast::File> {
        let mut std_asts = Vec::new();
        for item in asts.iter().flat_map(|f| &f.items) {
            let Item::Use(u) = item else { continue };
            let dotted = u.dotted();
            let found = match u.path.as_slice() {
                [root, name] if root.name == "std" => migc_stdlib::mixin_source(&name.name),
                _ => None,
            };
            let Some(mixin) = found else {
                let candidates: Vec<String> = migc_stdlib::mixins()
                    .iter()
                    .map(|m| format!("std.{}", m.name))
                    .collect();
                let d =
                    Diagnostic::error(Code::UnknownImport, format!("unknown import `{dotted}`"))
                        .primary(u.span, "not in the standard library")
                        .suggest(&dotted, candidates.iter().map(String::as_str));
                let d = if d.help.is_none() {
                    d.note(format!(
                        "the standard library has {}",
                        candidates.join(", ")
                    ))
                } else {
                    d
                };
                self.diagnostics.push(d);
                continue;
            };
            if self.imports.contains_key(mixin.name) {
                continue;
            }
            self.imports.insert(
                mixin.name.to_string(),
                Import {
                    span: u.span,
                    used: false,
                },
            );
            let file = sources.add(mixin.path, mixin.source);
            match migc_grammar::parse(file, mixin.source) {
                Ok(ast) => std_asts.push(ast),
                Err(errors) => self.diagnostics.extend(errors),
            }
        }
        std_asts
    }

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

    /// Tables, views and enums share one namespace (PostgreSQL gives every table a row type of
    /// its name); mixins and natives have their own.
    fn check_duplicate_items(&mut self, items: &[&Item]) {
        let mut relations: BTreeMap<&str, (&str, Span)> = BTreeMap::new();
        let mut mixins: BTreeMap<&str, Span> = BTreeMap::new();
        let mut natives: BTreeMap<&str, Span> = BTreeMap::new();
        for item in items {
            let (kind, name, map) = match item {
                Item::Table(t) => ("table", &t.name, &mut relations),
                Item::View(v) => ("view", &v.name, &mut relations),
                Item::Enum(e) => ("enum", &e.name, &mut relations),
                Item::Mixin(m) => {
                    if let Some(first) = mixins.insert(&m.name.name, m.name.span) {
                        self.duplicate("mixin", &m.name, first);
                    } else if self.std_mixins.contains_key(&m.name.name)
                        && self.imports.contains_key(&m.name.name)
                    {
                        let span = self.imports[&m.name.name].span;
                        self.diagnostics.push(
                            Diagnostic::error(
                                Code::DuplicateItem,
                                format!(
                                    "mixin `{}` has the name of an imported mixin",
                                    m.name.name
                                ),
                            )
                            .primary(m.name.span, "declared here")
                            .secondary(span, "imported here")
                            .help("rename the mixin, or remove the `use`"),
                        );
                    }
                    continue;
                }
                Item::Native(n) => {
                    if let Some(first) = natives.insert(&n.name.name, n.name.span) {
                        self.duplicate("native block", &n.name, first);
                    }
                    continue;
                }
                _ => continue,
            };
            if let Some((first_kind, first)) = map.get(name.name.as_str()).copied() {
                if first_kind == kind {
                    self.duplicate(kind, name, first);
                } else {
                    let article = if first_kind == "enum" { "an" } else { "a" };
                    self.diagnostics.push(
                        Diagnostic::error(
                            Code::DuplicateItem,
                            format!(
                                "{kind} `{}` has the same name as {article} {first_kind}",
                                name.name
                            ),
                        )
                        .primary(name.span, "declared here")
                        .secondary(first, format!("the {first_kind} is declared here"))
                        .note("tables, views and enums share one namespace"),
                    );
                }
            } else {
                map.insert(&name.name, (kind, name.span));
            }
        }
    }

    fn duplicate(&mut self, what: &str, name: &ast::Ident, first: Span) {
        self.diagnostics.push(
            Diagnostic::error(
                Code::DuplicateItem,
                format!("duplicate {what} `{}`", name.name),
            )
            .primary(name.span, "declared again here")
            .secondary(first, "first declared here"),
        );
    }

    fn enum_decl(&mut self, decl: &ast::EnumDecl) -> Enum {
        let mut values: Vec<EnumValue> = Vec::new();
        let mut dropped_values = BTreeMap::new();
        for entry in &decl.entries {
            match entry {
                ast::EnumEntry::Value {
                    name, renamed_from, ..
                } => {
                    if let Some(first) = values.iter().find(|v| v.name == name.name) {
                        self.diagnostics.push(
                            Diagnostic::error(
                                Code::DuplicateEnumValue,
                                format!(
                                    "duplicate value `{}` in enum `{}`",
                                    name.name, decl.name.name
                                ),
                            )
                            .primary(name.span, "listed again here")
                            .secondary(first.origin, "first listed here"),
                        );
                        continue;
                    }
                    values.push(EnumValue {
                        name: name.name.clone(),
                        renamed_from: renamed_from.as_ref().map(|r| r.name.clone()),
                        origin: name.span,
                    });
                }
                ast::EnumEntry::Drop { name, .. } => {
                    dropped_values.insert(name.name.clone(), Acknowledged { origin: name.span });
                }
            }
        }
        for (dropped, ack) in &dropped_values {
            if let Some(v) = values.iter().find(|v| &v.name == dropped) {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::DroppedButDeclared,
                        format!("enum value `{dropped}` is both listed and dropped"),
                    )
                    .primary(ack.origin, "dropped here")
                    .secondary(v.origin, "still listed here")
                    .help("remove the `drop` to keep the value, or remove the value to drop it"),
                );
            }
        }
        for v in &values {
            let Some(old) = &v.renamed_from else { continue };
            if values.iter().any(|o| &o.name == old) {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::BadTransition,
                        format!(
                            "enum value `{}` is renamed from `{old}`, which is still listed",
                            v.name
                        ),
                    )
                    .primary(v.origin, "renamed here")
                    .help(format!(
                        "remove `{old}` from the enum, or remove `renamed from {old}`"
                    )),
                );
            }
        }
        for v in &values {
            if v.name.len() > MAX_IDENTIFIER {
                self.too_long("enum value", &v.name, v.origin, None);
            }
        }
        Enum {
            name: decl.name.name.clone(),
            values,
            renamed_from: decl.renamed_from.as_ref().map(|r| r.name.clone()),
            dropped_values,
            origin: decl.name.span,
        }
    }

    fn native(&mut self, decl: &ast::NativeDecl) -> Option<Native> {
        let mut dialects = BTreeSet::new();
        for d in &decl.dialects {
            match Dialect::from_name(&d.name) {
                Some(dialect) => {
                    dialects.insert(dialect);
                }
                None => self.unknown_dialect(d),
            }
        }
        if decl.up.is_empty() {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::BadTransition,
                    format!("native block `{}` has no `up` statement", decl.name.name),
                )
                .primary(decl.name.span, "nothing to apply")
                .help("add `up \"<SQL to apply>\"` and `down \"<SQL that undoes it>\"`"),
            );
            return None;
        }
        Some(Native {
            name: decl.name.name.clone(),
            dialects: dialects.into_iter().collect(),
            up: decl.up.iter().map(|s| s.value.clone()).collect(),
            down: decl.down.iter().map(|s| s.value.clone()).collect(),
            origin: decl.name.span,
        })
    }

    pub(crate) fn unknown_dialect(&mut self, d: &ast::Ident) {
        self.diagnostics.push(
            Diagnostic::error(
                Code::UnknownDialect,
                format!("unknown dialect `{}`", d.name),
            )
            .primary(d.span, "not a dialect migc plans for")
            .suggest(&d.name, Dialect::ALL.iter().map(|d| d.name()))
            .note("the dialects are `postgres`, `mysql` (also MariaDB) and `sqlite`"),
        );
    }

    fn view(
        &mut self,
        decl: &ast::ViewDecl,
        schema: &Schema,
        view_names: &BTreeSet<String>,
    ) -> Option<View> {
        let (query, relations) = match expr::parse_query(&decl.query) {
            Ok(q) => q,
            Err(d) => {
                self.diagnostics.push(d);
                return None;
            }
        };
        let mut depends_on = BTreeSet::new();
        let mut ok = true;
        for (name, span) in relations {
            if !(schema.tables.contains_key(&name) || view_names.contains(&name)) {
                ok = false;
                let candidates = schema.tables.keys().chain(view_names.iter());
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::BadView,
                        format!("view `{}` reads unknown table `{name}`", decl.name.name),
                    )
                    .primary(span, "not a table or view of the schema")
                    .suggest(&name, candidates.map(String::as_str)),
                );
            }
            depends_on.insert(name);
        }
        if depends_on.contains(&decl.name.name) {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::BadView,
                    format!("view `{}` reads itself", decl.name.name),
                )
                .primary(decl.name.span, "defined in terms of itself"),
            );
            ok = false;
        }
        ok.then(|| View {
            name: decl.name.name.clone(),
            query,
            depends_on: depends_on.into_iter().collect(),
            renamed_from: decl.renamed_from.as_ref().map(|r| r.name.clone()),
            origin: decl.name.span,
        })
    }

    pub(crate) fn too_long(&mut self, what: &str, name: &str, span: Span, generated: Option<&str>) {
        let mut d = Diagnostic::error(
            Code::NameTooLong,
            format!(
                "{what} name `{name}` is {} bytes long, more than the {MAX_IDENTIFIER} every dialect accepts",
                name.len()
            ),
        );
        match generated {
            Some(hint) => {
                d = d
                    .primary(span, "this generates it")
                    .note("PostgreSQL would silently truncate it, MySQL would refuse it")
                    .help(hint.to_string());
            }
            None => d = d.primary(span, "too long"),
        }
        self.diagnostics.push(d);
    }

    /// Index and constraint names are unique across the schema (as PostgreSQL requires of
    /// indexes and MySQL of foreign keys) and fit every dialect's identifier limit.
    fn check_names(&mut self, schema: &Schema) {
        let mut seen: HashMap<&str, Span> = HashMap::new();
        for (name, table) in &schema.tables {
            seen.insert(name, table.origin);
        }
        for view in schema.views.values() {
            seen.insert(&view.name, view.origin);
        }
        let mut duplicates = Vec::new();
        let mut long = Vec::new();
        for table in schema.tables.values() {
            if table.name.len() > MAX_IDENTIFIER {
                long.push(("table", table.name.clone(), table.origin, None));
            }
            for c in &table.columns {
                if c.name.len() > MAX_IDENTIFIER {
                    long.push(("column", c.name.clone(), c.origin, None));
                }
            }
            for (name, span) in table.object_names() {
                if name.len() > MAX_IDENTIFIER {
                    long.push((
                        "index or constraint",
                        name.to_string(),
                        span,
                        Some("give it a shorter name explicitly"),
                    ));
                }
            }
        }
        // In source order, so that "first used here" is the one written first.
        let mut objects: Vec<(&str, Span)> = schema
            .tables
            .values()
            .flat_map(Table::object_names)
            .collect();
        objects.sort_by_key(|&(_, span)| span);
        for (name, span) in objects {
            if let Some(first) = seen.get(name) {
                duplicates.push((name.to_string(), span, *first));
            } else {
                seen.insert(name, span);
            }
        }
        for e in schema.enums.values() {
            if e.name.len() > MAX_IDENTIFIER {
                long.push(("enum", e.name.clone(), e.origin, None));
            }
        }
        for v in schema.views.values() {
            if v.name.len() > MAX_IDENTIFIER {
                long.push(("view", v.name.clone(), v.origin, None));
            }
        }
        for (what, name, span, hint) in long {
            self.too_long(what, &name, span, hint);
        }
        for (name, span, first) in duplicates {
            self.diagnostics.push(
                Diagnostic::error(
                    Code::DuplicateConstraint,
                    format!("the name `{name}` is used twice"),
                )
                .primary(span, "named again here")
                .secondary(first, "first used here")
                .note("index and constraint names are unique across the whole schema")
                .help("give one of them a different name explicitly"),
            );
        }
    }

    fn check_foreign_keys(&mut self, schema: &mut Schema) {
        let pending = std::mem::take(&mut self.pending_fks);
        for (table_name, index, site) in pending {
            let Some(fk) = schema.tables[&table_name].foreign_keys.get(index).cloned() else {
                continue;
            };
            let Some(target) = schema.tables.get(&fk.ref_table) else {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::UnknownTable,
                        format!("foreign key references unknown table `{}`", fk.ref_table),
                    )
                    .primary(site.table, "no such table")
                    .suggest(&fk.ref_table, schema.tables.keys().map(String::as_str)),
                );
                continue;
            };
            let mut ref_columns = fk.ref_columns.clone();
            if ref_columns.is_empty() {
                match &target.primary_key {
                    Some(pk) => ref_columns = pk.columns.clone(),
                    None => {
                        self.diagnostics.push(
                            Diagnostic::error(
                                Code::ForeignKeyNotUnique,
                                format!(
                                    "foreign key references `{}`, which has no primary key",
                                    target.name
                                ),
                            )
                            .primary(site.table, "no primary key to reference")
                            .help(format!(
                                "name the referenced columns: `references {}(<columns>)`",
                                target.name
                            )),
                        );
                        continue;
                    }
                }
            }
            let mut ok = true;
            for (i, col) in ref_columns.iter().enumerate() {
                if target.column(col).is_none() {
                    ok = false;
                    let span = site.ref_columns.get(i).copied().unwrap_or(site.table);
                    let names: Vec<&str> = target.columns.iter().map(|c| c.name.as_str()).collect();
                    self.diagnostics.push(
                        Diagnostic::error(
                            Code::UnknownColumn,
                            format!("unknown column `{col}` in table `{}`", target.name),
                        )
                        .primary(span, format!("not a column of `{}`", target.name))
                        .suggest(col, names),
                    );
                }
            }
            if !ok {
                continue;
            }
            if ref_columns.len() != fk.columns.len() {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::ForeignKeyMismatch,
                        format!(
                            "foreign key has {} column(s) but references {}",
                            fk.columns.len(),
                            ref_columns.len()
                        ),
                    )
                    .primary(
                        site.table,
                        format!("references {} column(s)", ref_columns.len()),
                    )
                    .secondary(
                        site.columns.first().copied().unwrap_or(fk.origin),
                        format!("{} column(s) here", fk.columns.len()),
                    ),
                );
                continue;
            }
            let source = &schema.tables[&table_name];
            for (i, (c, r)) in fk.columns.iter().zip(&ref_columns).enumerate() {
                let (Some(col), Some(rcol)) = (source.column(c), target.column(r)) else {
                    continue;
                };
                if col.ty != rcol.ty {
                    let at = site.columns.get(i).copied().unwrap_or(col.origin);
                    self.diagnostics.push(
                        Diagnostic::error(
                            Code::ForeignKeyMismatch,
                            format!(
                                "foreign key column `{c}` is `{}` but references `{}.{r}` of type `{}`",
                                col.ty, target.name, rcol.ty
                            ),
                        )
                        .primary(at, format!("`{}` here", col.ty))
                        .secondary(rcol.origin, format!("`{}` here", rcol.ty))
                        .help(format!("declare `{c}` as `{}`", rcol.ty)),
                    );
                }
                if let Some(span) = site.set_null {
                    if !col.nullable {
                        self.diagnostics.push(
                            Diagnostic::error(
                                Code::ConflictingAttributes,
                                format!(
                                    "`on delete set null` on column `{c}`, which is `not null`"
                                ),
                            )
                            .primary(span, "would set a `not null` column to null")
                            .secondary(col.origin, "declared `not null` here")
                            .help("make the column nullable or choose another action"),
                        );
                    }
                }
            }
            let mut wanted: Vec<&str> = ref_columns.iter().map(String::as_str).collect();
            wanted.sort_unstable();
            let is_key = |cols: &[&str]| {
                let mut cols = cols.to_vec();
                cols.sort_unstable();
                cols == wanted
            };
            let pk = target
                .primary_key
                .iter()
                .any(|p| is_key(&p.columns.iter().map(String::as_str).collect::<Vec<_>>()));
            let unique = target
                .uniques
                .iter()
                .any(|u| is_key(&u.columns.iter().map(String::as_str).collect::<Vec<_>>()));
            let unique_index = target.indexes.iter().any(|i| {
                i.unique && i.predicate.is_none() && i.plain_columns().is_some_and(|c| is_key(&c))
            });
            if !(pk || unique || unique_index) {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::ForeignKeyNotUnique,
                        format!(
                            "foreign key references `{}({})`, which is neither a primary key nor unique",
                            target.name,
                            ref_columns.join(", ")
                        ),
                    )
                    .primary(site.table, "referenced here")
                    .help(format!(
                        "add `unique ({})` to table `{}`",
                        ref_columns.join(", "),
                        target.name
                    )),
                );
                continue;
            }
            if let Some(t) = schema.tables.get_mut(&table_name) {
                t.foreign_keys[index].ref_columns = ref_columns;
            }
        }
    }

    /// Hints that contradict the rest of the schema.
    fn check_transitions(&mut self, schema: &Schema) {
        let mut renamed_tables: BTreeMap<&str, Span> = BTreeMap::new();
        for table in schema.tables.values() {
            let Some(old) = &table.renamed_from else {
                continue;
            };
            if old == &table.name {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::BadTransition,
                        format!("table `{old}` is renamed from itself"),
                    )
                    .primary(table.origin, "renamed here")
                    .help("remove `renamed from`"),
                );
            } else if schema.tables.contains_key(old) {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::BadTransition,
                        format!(
                            "table `{}` is renamed from `{old}`, which is still declared",
                            table.name
                        ),
                    )
                    .primary(table.origin, "renamed here")
                    .secondary(schema.tables[old].origin, "still declared here")
                    .help(format!(
                        "remove table `{old}`, or remove `renamed from {old}`"
                    )),
                );
            } else if let Some(first) = renamed_tables.insert(old, table.origin) {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::BadTransition,
                        format!("two tables are renamed from `{old}`"),
                    )
                    .primary(table.origin, "renamed again here")
                    .secondary(first, "first renamed here"),
                );
            }
            if let Some(ack) = schema.dropped_tables.get(old) {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::BadTransition,
                        format!("table `{old}` is both renamed and dropped"),
                    )
                    .primary(ack.origin, "dropped here")
                    .secondary(table.origin, "renamed here"),
                );
            }
        }
        for (name, ack) in &schema.dropped_tables {
            if let Some(table) = schema.tables.get(name) {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::DroppedButDeclared,
                        format!("table `{name}` is both declared and dropped"),
                    )
                    .primary(ack.origin, "dropped here")
                    .secondary(table.origin, "still declared here")
                    .help("remove `drop table` to keep the table, or remove the table to drop it"),
                );
            }
        }
    }

    pub(crate) fn use_mixin(&mut self, name: &ast::Ident) -> Option<&'a ast::MixinDecl> {
        if let Some(m) = self.mixins.get(&name.name) {
            return Some(m);
        }
        if let Some(m) = self.std_mixins.get(&name.name) {
            if let Some(import) = self.imports.get_mut(&name.name) {
                import.used = true;
            }
            return Some(m);
        }
        let mut d = Diagnostic::error(Code::UnknownMixin, format!("unknown mixin `{}`", name.name))
            .primary(name.span, "not declared or imported");
        if migc_stdlib::mixin_source(&name.name).is_some() {
            d = d.help(format!("add `use std.{}` to the file", name.name));
        } else {
            let mut candidates: Vec<&str> = self.mixins.keys().map(String::as_str).collect();
            candidates.extend(migc_stdlib::mixins().iter().map(|m| m.name));
            d = d.suggest(&name.name, candidates);
        }
        self.diagnostics.push(d);
        None
    }
}
