//! DDL statements -> the schema model. Used for `.sql` files and for the DDL that catalog
//! introspection rebuilds, so both read the same way.

use crate::classify::{self, Kind};
use crate::expr::{self, ident_value};
use crate::types;
use crate::unread::Unread;
use migc_compiler::schema::{
    Check, Column, ColumnType, Enum, EnumValue, Expr, FkAction, ForeignKey, Index, IndexPart,
    PrimaryKey, Schema, Table, Unique, View,
};
use migc_compiler::sql_text::{print, Spelling};
use migc_grammar::{Code, Diagnostic, FileId, Span};
use migc_stdlib::Dialect;
use sqlparser::ast::{
    self, AlterColumnOperation, AlterTableOperation, ColumnOption, CommentObject, ObjectName,
    ReferentialAction, Statement, TableConstraint, UserDefinedTypeRepresentation,
};
use sqlparser::parser::{Parser, ParserError};
use std::collections::BTreeMap;

/// Where a statement came from: a file (for positions) or the catalog of a database.
#[derive(Clone, Copy)]
pub(crate) struct Origin {
    pub file: Option<FileId>,
    pub offset: usize,
}

/// A sequence met in the DDL: the column owning it (table, column), its SQL and where it was.
type Sequence = (Option<(String, String)>, String, Origin);

pub(crate) struct Reader {
    pub dialect: Dialect,
    pub schema: Schema,
    pub diagnostics: Vec<Diagnostic>,
    pub unread: Vec<Unread>,
    /// Sequences by name, and the column owning each.
    sequences: BTreeMap<String, Sequence>,
    /// Columns whose default draws from a sequence: (table, column, sequence).
    nextval: Vec<(String, String, String)>,
}

impl Reader {
    pub fn new(dialect: Dialect) -> Reader {
        Reader {
            dialect,
            schema: Schema::default(),
            diagnostics: Vec::new(),
            unread: Vec::new(),
            sequences: BTreeMap::new(),
            nextval: Vec::new(),
        }
    }

    fn span(&self, at: Origin, len: usize) -> Option<Span> {
        at.file
            .map(|f| Span::new(f, at.offset, at.offset + len.max(1)))
    }

    fn warn(&mut self, at: Origin, text: &str, message: String, help: Option<&str>) {
        let mut d = Diagnostic::warning(Code::NotImported, message);
        if let Some(span) = self.span(at, first_line_len(text)) {
            d = d.primary(span, "not read");
        }
        if let Some(h) = help {
            d = d.help(h);
        }
        self.diagnostics.push(d);
    }

    fn error(&mut self, at: Origin, len: usize, message: String) {
        let mut d = Diagnostic::error(Code::SqlSyntax, message);
        if let Some(span) = self.span(at, len) {
            d = d.primary(span, "here");
        }
        self.diagnostics.push(d);
    }

    /// An object outside the model, kept as a native block when it has SQL to replay.
    fn unread(&mut self, at: Origin, text: &str, u: Unread) {
        let message = u.message();
        let help = u.help();
        self.warn(at, text, message, Some(help));
        self.unread.push(u);
    }

    fn parse(&mut self, text: &str, at: Origin) -> Option<Statement> {
        let result = match self.dialect {
            Dialect::Postgres => Parser::parse_sql(&sqlparser::dialect::PostgreSqlDialect {}, text),
            Dialect::Mysql => Parser::parse_sql(&sqlparser::dialect::MySqlDialect {}, text),
            Dialect::Sqlite => Parser::parse_sql(&sqlparser::dialect::SQLiteDialect {}, text),
        };
        match result {
            Ok(mut s) if s.len() == 1 => s.pop(),
            Ok(_) => {
                self.error(at, first_line_len(text), "expected one statement".into());
                None
            }
            Err(e) => {
                let (message, offset) = parser_error(text, e);
                let word = text[offset..]
                    .find(|c: char| c.is_whitespace() || c == ',' || c == ')')
                    .unwrap_or(text.len() - offset);
                let at = Origin {
                    offset: at.offset + offset,
                    ..at
                };
                self.error(at, word, format!("cannot read this SQL: {message}"));
                None
            }
        }
    }

    /// Reads one statement of the dump or of the rebuilt catalog.
    pub fn statement(&mut self, text: &str, at: Origin) {
        match classify::classify(self.dialect, text) {
            Kind::Noise => {}
            Kind::Unread(u) => self.unread(at, text, u),
            Kind::Sequence { name } => {
                self.sequences
                    .entry(name)
                    .or_insert((None, text.to_string(), at));
            }
            Kind::SequenceOwned {
                sequence,
                table,
                column,
            } => {
                if let Some(s) = self.sequences.get_mut(&sequence) {
                    s.0 = Some((table, column));
                }
            }
            Kind::AddIdentity { table, column } => {
                if let Some(c) = self.column_mut(&table, &column) {
                    c.identity = true;
                    c.default = None;
                }
            }
            Kind::Sql => {
                let cleaned = classify::strip_mysql_view_clauses(text);
                if let Some(s) = self.parse(&cleaned, at) {
                    self.parsed(s, text, at);
                }
            }
        }
    }

    fn name(&mut self, name: &ObjectName, at: Origin, text: &str) -> Option<String> {
        let parts: Vec<String> = name
            .0
            .iter()
            .filter_map(|p| p.as_ident().map(|i| ident_value(self.dialect, i)))
            .collect();
        match parts.as_slice() {
            [one] => Some(one.clone()),
            [schema, one] if self.in_default_schema(schema) => Some(one.clone()),
            _ => {
                let full = parts.join(".");
                self.unread(at, text, Unread::other_schema(&full));
                None
            }
        }
    }

    fn in_default_schema(&self, schema: &str) -> bool {
        match self.dialect {
            Dialect::Postgres => schema == "public",
            // A dump names the database it came from; any name stands for the one being read.
            Dialect::Mysql => true,
            Dialect::Sqlite => schema == "main",
        }
    }

    fn column_mut(&mut self, table: &str, column: &str) -> Option<&mut Column> {
        self.schema
            .tables
            .get_mut(table)?
            .columns
            .iter_mut()
            .find(|c| c.name == column)
    }

    fn parsed(&mut self, s: Statement, text: &str, at: Origin) {
        match s {
            Statement::CreateTable(t) => self.create_table(t, text, at),
            Statement::AlterTable(a) => {
                let Some(table) = self.name(&a.name, at, text) else {
                    return;
                };
                for op in a.operations {
                    self.alter_table(&table, op, text, at);
                }
            }
            Statement::CreateIndex(i) => self.create_index(i, text, at),
            Statement::CreateView(v) => {
                let Some(name) = self.name(&v.name, at, text) else {
                    return;
                };
                if v.materialized {
                    self.unread(
                        at,
                        text,
                        Unread::replayable("materialized view", &name, None, self.dialect, text),
                    );
                    return;
                }
                let mut query = v.query;
                let dialect = self.dialect;
                let _ = ast::visit_relations_mut(&mut query, |n: &mut ObjectName| {
                    let schema =
                        n.0.first()
                            .and_then(|p| p.as_ident())
                            .map(|i| ident_value(dialect, i));
                    if n.0.len() == 2
                        && schema.is_some_and(|s| dialect == Dialect::Mysql || s == "public")
                    {
                        n.0.remove(0);
                    }
                    std::ops::ControlFlow::<()>::Continue(())
                });
                let query = print(*query, Spelling::Neutral);
                self.schema.views.insert(
                    name.clone(),
                    View {
                        name,
                        query,
                        depends_on: Vec::new(),
                        renamed_from: None,
                        origin: Span::default(),
                    },
                );
            }
            Statement::CreateType {
                name,
                representation: Some(UserDefinedTypeRepresentation::Enum { labels }),
            } => {
                let Some(name) = self.name(&name, at, text) else {
                    return;
                };
                self.schema.enums.insert(
                    name.clone(),
                    Enum {
                        name,
                        values: labels
                            .iter()
                            .map(|l| EnumValue {
                                name: l.value.clone(),
                                renamed_from: None,
                                origin: Span::default(),
                            })
                            .collect(),
                        renamed_from: None,
                        dropped_values: BTreeMap::new(),
                        origin: Span::default(),
                    },
                );
            }
            Statement::CreateType { name, .. } => {
                let n = name.to_string();
                self.unread(
                    at,
                    text,
                    Unread::replayable("type", &n, None, self.dialect, text),
                );
            }
            Statement::Comment {
                object_type,
                object_name,
                comment,
                ..
            } => self.comment(object_type, &object_name, comment, text, at),
            Statement::Drop {
                object_type, names, ..
            } => {
                for n in &names {
                    let Some(name) = self.name(n, at, text) else {
                        continue;
                    };
                    match object_type {
                        ast::ObjectType::Table => {
                            self.schema.tables.remove(&name);
                        }
                        ast::ObjectType::View => {
                            self.schema.views.remove(&name);
                        }
                        _ => {}
                    }
                }
            }
            other => {
                let what = other.to_string();
                let word: String = what
                    .split_whitespace()
                    .take(3)
                    .collect::<Vec<_>>()
                    .join(" ");
                self.unread(
                    at,
                    text,
                    Unread::replayable("statement", &word, None, self.dialect, text),
                );
            }
        }
    }

    fn comment(
        &mut self,
        object_type: CommentObject,
        name: &ObjectName,
        comment: Option<String>,
        text: &str,
        at: Origin,
    ) {
        let parts: Vec<String> = name
            .0
            .iter()
            .filter_map(|p| p.as_ident().map(|i| ident_value(self.dialect, i)))
            .collect();
        let parts: Vec<&str> = match parts.first().map(String::as_str) {
            Some("public") if parts.len() > 1 => parts[1..].iter().map(String::as_str).collect(),
            _ => parts.iter().map(String::as_str).collect(),
        };
        match (object_type, parts.as_slice()) {
            (CommentObject::Table, [t]) => {
                if let Some(table) = self.schema.tables.get_mut(*t) {
                    table.comment = comment;
                }
            }
            (CommentObject::Column, [t, c]) => {
                if let Some(col) = self.column_mut(t, c) {
                    col.comment = comment;
                }
            }
            _ => {
                let n = parts.join(".");
                self.unread(
                    at,
                    text,
                    Unread::replayable("comment", &n, None, self.dialect, text),
                );
            }
        }
    }

    fn create_table(&mut self, t: ast::CreateTable, text: &str, at: Origin) {
        let Some(name) = self.name(&t.name, at, text) else {
            return;
        };
        if self.dialect == Dialect::Sqlite && name.starts_with("sqlite_") {
            // SQLite's own bookkeeping (`sqlite_sequence`, `sqlite_stat1`).
            return;
        }
        if t.partition_of.is_some() {
            self.unread(at, text, Unread::partition(&name));
            return;
        }
        if t.partition_by.is_some() || text.to_ascii_uppercase().contains(") PARTITION BY") {
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
            origin: Span::default(),
        };
        if table.comment.is_none() {
            table.comment = classify::mysql_table_comment(&t.table_options.to_string());
        }
        self.schema.tables.insert(name.clone(), table);
        for c in t.columns {
            self.column(&name, c, text, at);
        }
        for c in t.constraints {
            self.constraint(&name, c, text, at);
        }
    }

    fn column(&mut self, table: &str, c: ast::ColumnDef, text: &str, at: Origin) {
        let cname = ident_value(self.dialect, &c.name);
        let enums: Vec<String> = self.schema.enums.keys().cloned().collect();
        let spelling = c.data_type.to_string();
        let mut read = types::read(self.dialect, &spelling, &enums);
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
        let mut column = Column {
            name: cname.clone(),
            ty: read.ty,
            nullable: true,
            default: None,
            identity: read.serial,
            comment: None,
            renamed_from: None,
            transform: None,
            origin: Span::default(),
        };
        let mut constraints = Vec::new();
        let mut json_check = false;
        for o in c.options {
            match o.option {
                ColumnOption::NotNull => column.nullable = false,
                ColumnOption::Null => column.nullable = true,
                ColumnOption::Default(e) => {
                    if is_null(&e) {
                        continue;
                    }
                    if let Some(seq) = nextval(&e) {
                        self.nextval.push((table.to_string(), cname.clone(), seq));
                        continue;
                    }
                    match self.expr(&e) {
                        Ok(sql) => column.default = Some(sql),
                        Err(what) => self.unread(
                            at,
                            text,
                            Unread::column_default(table, &cname, &what, self.dialect, &print(e.clone(), Spelling::Dialect(self.dialect))),
                        ),
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
                    ..
                } => {
                    self.warn(
                        at,
                        text,
                        format!("the generated column `{table}.{cname}` is read as an ordinary column; its expression `{e}` is not"),
                        Some("migc's model has no generated columns: declare the column and fill it from the application, or keep it as a `native` block"),
                    );
                }
                ColumnOption::DialectSpecific(tokens) => {
                    let words = tokens
                        .iter()
                        .map(|t| t.to_string().to_ascii_uppercase())
                        .collect::<Vec<_>>();
                    if words.iter().any(|w| w == "AUTO_INCREMENT" || w == "AUTOINCREMENT") {
                        column.identity = true;
                    }
                }
                ColumnOption::OnUpdate(e) => self.warn(
                    at,
                    text,
                    format!("`ON UPDATE {e}` of column `{table}.{cname}` is not read"),
                    Some("set the value from the application, or keep it with a trigger in a `native` block"),
                ),
                ColumnOption::CharacterSet(_) | ColumnOption::Collation(_) => {}
                ColumnOption::Check(ck)
                    if self.dialect == Dialect::Mysql && is_json_valid(&ck.expr, &cname) =>
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
        if let Some(t) = self.schema.tables.get_mut(table) {
            t.columns.push(column);
        }
        for c in constraints {
            self.constraint(table, c, text, at);
        }
    }

    fn expr(&self, e: &ast::Expr) -> Result<Expr, String> {
        expr::portable(self.dialect, e).map(|sql| Expr {
            sql,
            origin: Span::default(),
        })
    }

    fn idents(&self, ids: &[ast::Ident]) -> Vec<String> {
        ids.iter().map(|i| ident_value(self.dialect, i)).collect()
    }

    fn index_columns(&self, cols: &[ast::IndexColumn]) -> Option<Vec<String>> {
        cols.iter()
            .map(|c| match &c.column.expr {
                ast::Expr::Identifier(i) => Some(ident_value(self.dialect, i)),
                _ => None,
            })
            .collect()
    }

    fn constraint(&mut self, table: &str, c: TableConstraint, text: &str, at: Origin) {
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
        match c {
            TableConstraint::PrimaryKey(p) => {
                let Some(columns) = self.index_columns(&p.columns) else {
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
                let Some(columns) = self.index_columns(&u.columns) else {
                    return self.warn(
                        at,
                        text,
                        format!("a unique constraint of `{table}` is not read"),
                        None,
                    );
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
                let columns = self.idents(&f.columns);
                let mut ref_columns = self.idents(&f.referred_columns);
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
            other => self.warn(
                at,
                text,
                format!("the constraint `{other}` of `{table}` is not read"),
                None,
            ),
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn index(
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
                ast::Expr::Identifier(i) => Some(ident_value(self.dialect, i)),
                _ => None,
            };
            match self.expr(&c.column.expr) {
                Ok(e) => parts.push(IndexPart {
                    expr: e,
                    column,
                    descending,
                }),
                Err(what) => {
                    let u = Unread::index(table, &name, &what, self.dialect, text);
                    return self.unread(at, text, u);
                }
            }
        }
        let predicate = match predicate.map(|p| self.expr(p)) {
            None => None,
            Some(Ok(p)) => Some(p),
            Some(Err(what)) => {
                let u = Unread::index(table, &name, &what, self.dialect, text);
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
            origin: Span::default(),
        });
    }

    fn create_index(&mut self, i: ast::CreateIndex, text: &str, at: Origin) {
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

    fn alter_table(&mut self, table: &str, op: AlterTableOperation, text: &str, at: Origin) {
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
                        let e = self.expr(&value);
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

    /// Ties sequences to the columns that own them; reports the others.
    pub fn finish(&mut self) {
        for (table, column, seq) in std::mem::take(&mut self.nextval) {
            let owned = self
                .sequences
                .get(&seq)
                .is_some_and(|s| s.0.as_ref() == Some(&(table.clone(), column.clone())));
            if owned {
                if let Some(c) = self.column_mut(&table, &column) {
                    if c.ty.is_integer() {
                        c.identity = true;
                        c.default = None;
                        self.sequences.remove(&seq);
                        continue;
                    }
                }
            }
            self.warn(
                Origin { file: None, offset: 0 },
                "",
                format!("the default of `{table}.{column}` draws from sequence `{seq}`, which the column does not own; it is not read"),
                Some("make the column `identity`, or keep the default in a `native` block"),
            );
        }
        for (name, (owner, text, at)) in std::mem::take(&mut self.sequences) {
            if owner.is_some() {
                // Owned by a column whose default does not draw from it: nothing to keep.
                continue;
            }
            let u = Unread::replayable("sequence", &name, None, self.dialect, &text);
            self.unread(at, &text, u);
        }
        for t in self.schema.tables.values_mut() {
            if self.dialect == Dialect::Sqlite {
                sqlite_shapes(t);
            }
            // Catalogs and dumps list constraints and indexes in different orders.
            t.uniques.sort_by(|a, b| a.name.cmp(&b.name));
            t.checks.sort_by(|a, b| a.name.cmp(&b.name));
            t.foreign_keys.sort_by(|a, b| a.name.cmp(&b.name));
            t.indexes.sort_by(|a, b| a.name.cmp(&b.name));
            // MySQL creates an index for each foreign key that has none; it is not the author's.
            let fks: Vec<(String, Vec<String>)> = t
                .foreign_keys
                .iter()
                .map(|f| (f.name.clone(), f.columns.clone()))
                .collect();
            // It is named after the constraint, or after its first column when that has none.
            if self.dialect == Dialect::Mysql {
                t.indexes.retain(|i| {
                    !fks.iter().any(|(n, cols)| {
                        !i.unique
                            && (*n == i.name || cols.first() == Some(&i.name))
                            && i.plain_columns().is_some_and(|p| {
                                p.iter().map(|s| s.to_string()).collect::<Vec<_>>() == *cols
                            })
                    })
                });
            }
        }
        unique_names(&mut self.schema);
    }
}

/// The model's constraint and index names are unique across the schema (PostgreSQL's rule for
/// indexes); MySQL and SQLite scope them to their table, and PostgreSQL scopes constraints so.
/// A name met again is given its table's name in front.
fn unique_names(schema: &mut Schema) {
    let mut seen = std::collections::BTreeSet::new();
    for t in schema.tables.values_mut() {
        let table = t.name.clone();
        let mut fix = |name: &mut String| {
            if !seen.insert(name.clone()) {
                let mut candidate = format!("{table}_{name}");
                let mut n = 2;
                while seen.contains(&candidate) {
                    candidate = format!("{table}_{name}{n}");
                    n += 1;
                }
                seen.insert(candidate.clone());
                *name = candidate;
            }
        };
        if let Some(pk) = &mut t.primary_key {
            fix(&mut pk.name);
        }
        t.uniques.iter_mut().for_each(|u| fix(&mut u.name));
        t.checks.iter_mut().for_each(|c| fix(&mut c.name));
        t.foreign_keys.iter_mut().for_each(|f| fix(&mut f.name));
        t.indexes.iter_mut().for_each(|i| fix(&mut i.name));
    }
}

/// SQLite spells two things of the model its own way: an `integer` primary key of one column is
/// the rowid (numbered by the database, migc's `identity`), and a unique constraint is a unique
/// index.
fn sqlite_shapes(t: &mut Table) {
    if let Some(pk) = t.primary_key.as_ref().filter(|p| p.columns.len() == 1) {
        let name = pk.columns[0].clone();
        if let Some(c) = t.columns.iter_mut().find(|c| c.name == name) {
            if c.ty.is_integer() && c.default.is_none() {
                c.identity = true;
            }
        }
    }
    let (uniques, rest): (Vec<Index>, Vec<Index>) = std::mem::take(&mut t.indexes)
        .into_iter()
        .partition(|i| i.unique && i.predicate.is_none() && i.plain_columns().is_some());
    t.indexes = rest;
    for i in uniques {
        let columns = i
            .plain_columns()
            .unwrap_or_default()
            .into_iter()
            .map(str::to_string)
            .collect();
        t.uniques.push(Unique {
            name: i.name,
            columns,
            origin: Span::default(),
        });
    }
}

fn first_line_len(text: &str) -> usize {
    text.find('\n').unwrap_or(text.len())
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

fn action(a: Option<ReferentialAction>) -> FkAction {
    match a {
        None | Some(ReferentialAction::NoAction) => FkAction::NoAction,
        Some(ReferentialAction::Restrict) => FkAction::Restrict,
        Some(ReferentialAction::Cascade) => FkAction::Cascade,
        Some(ReferentialAction::SetNull) => FkAction::SetNull,
        Some(ReferentialAction::SetDefault) => FkAction::SetDefault,
    }
}

/// sqlparser's message without its position, and the byte offset the position stands for.
fn parser_error(text: &str, e: ParserError) -> (String, usize) {
    let raw = match e {
        ParserError::TokenizerError(m) | ParserError::ParserError(m) => m,
        ParserError::RecursionLimitExceeded => "the statement nests too deeply".to_string(),
    };
    let Some(i) = raw.rfind(" at Line: ") else {
        return (raw, 0);
    };
    let mut nums = raw[i..]
        .split(|c: char| !c.is_ascii_digit())
        .filter_map(|s| s.parse::<usize>().ok());
    let offset = match (nums.next(), nums.next()) {
        (Some(line), Some(col)) => offset_of(text, line, col),
        _ => 0,
    };
    let message = raw[..i]
        .replace("Expected: ", "expected ")
        .replace(", found: ", ", found ");
    (message, offset)
}

fn offset_of(text: &str, line: usize, col: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match text[start..].find('\n') {
            Some(p) => start += p + 1,
            None => return text.len(),
        }
    }
    text[start..]
        .char_indices()
        .nth(col.saturating_sub(1))
        .map_or(text.len(), |(i, _)| start + i)
}
