//! The syntax tree of one `.mig` file: what was written, with spans, before any resolution.

use crate::{FileId, Span};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq)]
pub struct File {
    pub id: FileId,
    pub items: Vec<Item>,
    /// Every `//` comment of the file, in order, for the formatter.
    pub comments: Vec<Comment>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Comment {
    /// The comment's text including the leading `//`.
    pub text: String,
    pub span: Span,
}

/// A name as written (backticks removed) with its span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ident {
    pub name: String,
    pub span: Span,
}

/// A `"..."` string with its escapes resolved.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StringLit {
    pub value: String,
    pub span: Span,
}

/// An SQL expression or query kept as written; `span` covers exactly `text`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sql {
    pub text: String,
    pub span: Span,
    /// Whether it was written in parentheses (`default (1 + 2)` versus `default 3`).
    pub parenthesized: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Item {
    Use(Use),
    Enum(EnumDecl),
    Table(TableDecl),
    Mixin(MixinDecl),
    View(ViewDecl),
    Native(NativeDecl),
    DropTable(DropTable),
}

impl Item {
    pub fn span(&self) -> Span {
        match self {
            Item::Use(i) => i.span,
            Item::Enum(i) => i.span,
            Item::Table(i) => i.span,
            Item::Mixin(i) => i.span,
            Item::View(i) => i.span,
            Item::Native(i) => i.span,
            Item::DropTable(i) => i.span,
        }
    }
}

/// `use std.timestamps`
#[derive(Clone, Debug, PartialEq)]
pub struct Use {
    pub path: Vec<Ident>,
    pub span: Span,
}

impl Use {
    pub fn dotted(&self) -> String {
        let parts: Vec<&str> = self.path.iter().map(|p| p.name.as_str()).collect();
        parts.join(".")
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct EnumDecl {
    pub name: Ident,
    pub renamed_from: Option<Ident>,
    pub entries: Vec<EnumEntry>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum EnumEntry {
    Value {
        name: Ident,
        renamed_from: Option<Ident>,
        span: Span,
    },
    /// `drop refunded`
    Drop { name: Ident, span: Span },
}

#[derive(Clone, Debug, PartialEq)]
pub struct TableDecl {
    pub name: Ident,
    pub renamed_from: Option<Ident>,
    pub members: Vec<Member>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct MixinDecl {
    pub name: Ident,
    pub members: Vec<Member>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ViewDecl {
    pub name: Ident,
    pub renamed_from: Option<Ident>,
    /// `security invoker` (true) or `security definer` (false), where written.
    pub security_invoker: Option<bool>,
    /// `options(mysql: "ALGORITHM=…")`, where written.
    pub options: Vec<(Ident, StringLit)>,
    pub query: Sql,
    /// `with [local | cascaded] check option`, where written.
    pub check_option: Option<CheckOption>,
    pub span: Span,
}

/// Which views' conditions a write through a view `with check option` must satisfy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CheckOption {
    /// The view's and those of the views it reads (SQL's default).
    Cascaded,
    /// The view's own only.
    Local,
}

impl CheckOption {
    /// How SQL and `.mig` spell it.
    pub fn keyword(self) -> &'static str {
        match self {
            CheckOption::Cascaded => "cascaded",
            CheckOption::Local => "local",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct NativeDecl {
    pub name: Ident,
    pub dialects: Vec<Ident>,
    pub up: Vec<StringLit>,
    pub down: Vec<StringLit>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct DropTable {
    pub name: Ident,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Member {
    Column(ColumnDef),
    Index(IndexDef),
    PrimaryKey(PrimaryKeyDef),
    Unique(UniqueDef),
    Check(CheckDef),
    ForeignKey(ForeignKeyDef),
    Include(Ident, Span),
    Comment(StringLit, Span),
    Retire(RetireDef),
    DropColumn(Ident, Span),
    Option(TableOption, Span),
    /// `collate(mysql: "utf8mb4_unicode_ci")`: the table's collation by dialect.
    Collate(Vec<(Ident, StringLit)>, Span),
    /// `options(mysql: "ROW_FORMAT=COMPRESSED")`: the table's storage options by dialect.
    Options(Vec<(Ident, StringLit)>, Span),
}

/// How SQLite stores a table: `strict`, `without rowid`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableOption {
    Strict,
    WithoutRowid,
}

impl Member {
    pub fn span(&self) -> Span {
        match self {
            Member::Column(m) => m.span,
            Member::Index(m) => m.span,
            Member::PrimaryKey(m) => m.span,
            Member::Unique(m) => m.span,
            Member::Check(m) => m.span,
            Member::ForeignKey(m) => m.span,
            Member::Include(_, s)
            | Member::Comment(_, s)
            | Member::DropColumn(_, s)
            | Member::Option(_, s)
            | Member::Collate(_, s)
            | Member::Options(_, s) => *s,
            Member::Retire(m) => m.span,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ColumnDef {
    pub name: Ident,
    pub ty: TypeExpr,
    pub attrs: Vec<ColumnAttr>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub enum TypeExpr {
    /// `text`, `varchar(20)`, `decimal(12, 2)`, an enum's name.
    Named {
        name: Ident,
        args: Vec<(u64, Span)>,
        /// `timestamp native(sqlite: "DATETIME")`: how a dialect writes this type.
        spellings: Vec<(Ident, StringLit)>,
        span: Span,
    },
    /// `native(postgres: "tsvector", sqlite: "text")`
    Native {
        spellings: Vec<(Ident, StringLit)>,
        span: Span,
    },
}

impl TypeExpr {
    pub fn span(&self) -> Span {
        match self {
            TypeExpr::Named { span, .. } | TypeExpr::Native { span, .. } => *span,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ColumnAttr {
    NotNull(Span),
    Null(Span),
    PrimaryKey(Span),
    Identity(Span),
    Autoincrement(Span),
    Unique(Span),
    Default(Sql, Span),
    /// `default native(sqlite: "datetime('now')")`: the default as each dialect writes it.
    NativeDefault(Vec<(Ident, StringLit)>, Span),
    /// `as (price * quantity) stored`: a generated column.
    Generated {
        expr: Sql,
        stored: bool,
        span: Span,
    },
    Check {
        name: Option<Ident>,
        expr: Sql,
        span: Span,
    },
    References(Reference),
    RenamedFrom(Ident, Span),
    From(Vec<Ident>, Span),
    Up(Sql, Span),
    Down(Sql, Span),
    Comment(StringLit, Span),
    /// `collate(mysql: "utf8mb4_bin")`: the column's collation by dialect.
    Collate(Vec<(Ident, StringLit)>, Span),
    /// `on update now()`
    OnUpdate(Sql, Span),
}

impl ColumnAttr {
    pub fn span(&self) -> Span {
        match self {
            ColumnAttr::NotNull(s)
            | ColumnAttr::Null(s)
            | ColumnAttr::PrimaryKey(s)
            | ColumnAttr::Identity(s)
            | ColumnAttr::Autoincrement(s)
            | ColumnAttr::Unique(s)
            | ColumnAttr::Default(_, s)
            | ColumnAttr::NativeDefault(_, s)
            | ColumnAttr::RenamedFrom(_, s)
            | ColumnAttr::From(_, s)
            | ColumnAttr::Up(_, s)
            | ColumnAttr::Down(_, s)
            | ColumnAttr::Comment(_, s)
            | ColumnAttr::Collate(_, s)
            | ColumnAttr::OnUpdate(_, s) => *s,
            ColumnAttr::Check { span, .. } | ColumnAttr::Generated { span, .. } => *span,
            ColumnAttr::References(r) => r.span,
        }
    }
}

/// `references users (id) on delete cascade`
#[derive(Clone, Debug, PartialEq)]
pub struct Reference {
    pub table: Ident,
    /// Empty when omitted: the referenced table's primary key.
    pub columns: Vec<Ident>,
    pub actions: Vec<FkAction>,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FkEvent {
    Delete,
    Update,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FkEffect {
    Cascade,
    Restrict,
    SetNull,
    SetDefault,
    NoAction,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FkAction {
    pub event: FkEvent,
    pub effect: FkEffect,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct IndexDef {
    pub unique: bool,
    pub name: Option<Ident>,
    /// The comma-separated key parts, as written between the parentheses.
    pub parts: Sql,
    pub predicate: Option<Sql>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PrimaryKeyDef {
    pub columns: Vec<Ident>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct UniqueDef {
    pub name: Option<Ident>,
    pub columns: Vec<Ident>,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct CheckDef {
    pub name: Option<Ident>,
    pub expr: Sql,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ForeignKeyDef {
    pub name: Option<Ident>,
    pub columns: Vec<Ident>,
    pub reference: Reference,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq)]
pub struct RetireDef {
    pub name: Ident,
    pub down: Option<Sql>,
    pub span: Span,
}
