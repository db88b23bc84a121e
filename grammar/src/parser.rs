//! Pairs -> syntax tree.

use crate::ast::*;
use crate::{Code, Diagnostic, FileId, Span};
use pest::iterators::Pair;
use pest::Parser as _;

#[derive(pest_derive::Parser)]
#[grammar = "mig.pest"]
pub(crate) struct MigParser;

/// Parses one file. On a syntax error the single diagnostic says where and what was expected.
pub fn parse(file: FileId, text: &str) -> Result<File, Vec<Diagnostic>> {
    let nuls: Vec<Diagnostic> = text
        .match_indices('\0')
        .map(|(at, _)| {
            Diagnostic::error(Code::NulCharacter, "a NUL character in the schema")
                .primary(Span::new(file, at, at + 1), "NUL here")
                .note("no database stores NUL in a name or a text, and SQL scripts cannot carry it")
                .help("remove the character")
        })
        .collect();
    if !nuls.is_empty() {
        return Err(nuls);
    }
    let mut pairs = match MigParser::parse(Rule::file, text) {
        Ok(pairs) => pairs,
        Err(_) => {
            // Parse again with token tracking on, which costs time only for a file that failed.
            pest::set_error_detail(true);
            let error = match MigParser::parse(Rule::file, text) {
                Err(error) => error,
                Ok(_) => unreachable_error(),
            };
            return Err(vec![crate::syntax_error::convert(file, text, error)]);
        }
    };
    let Some(root) = pairs.next() else {
        return Ok(File {
            id: file,
            items: Vec::new(),
            comments: Vec::new(),
        });
    };
    let mut comment_ends: Vec<(usize, usize)> = root
        .clone()
        .into_inner()
        .flatten()
        .filter(|p| p.as_rule() == Rule::COMMENT)
        .map(|p| (p.as_span().start(), p.as_span().end()))
        .collect();
    comment_ends.sort_by_key(|&(_, end)| end);
    let mut lower = Lower {
        file,
        errors: Vec::new(),
        comment_ends,
    };
    let comments = root
        .clone()
        .into_inner()
        .flatten()
        .filter(|p| p.as_rule() == Rule::COMMENT)
        .map(|p| Comment {
            text: p.as_str().trim_end().to_string(),
            span: lower.span(&p),
        })
        .collect();
    let items = significant(root).map(|p| lower.item(p)).collect();
    if lower.errors.is_empty() {
        Ok(File {
            id: file,
            items,
            comments,
        })
    } else {
        Err(lower.errors)
    }
}

/// The children of a pair without comments and end-of-input markers.
fn significant(pair: Pair<'_, Rule>) -> impl Iterator<Item = Pair<'_, Rule>> {
    pair.into_inner()
        .filter(|p| !matches!(p.as_rule(), Rule::COMMENT | Rule::EOI))
}

struct Lower {
    file: FileId,
    errors: Vec<Diagnostic>,
    /// Start and end of every comment, sorted by end.
    comment_ends: Vec<(usize, usize)>,
}

impl Lower {
    /// The pair's span without trailing blanks and comment: a rule that ends in an optional
    /// part (`retire x down (...)?`) takes in what pest skipped before trying that part, and a
    /// span running into the comment after it would move the comment in `migc fmt` and
    /// underline it in diagnostics.
    fn span(&self, pair: &Pair<'_, Rule>) -> Span {
        let s = pair.as_span();
        let (start, mut end) = (s.start(), s.end());
        if let Ok(i) = self.comment_ends.binary_search_by_key(&end, |&(_, e)| e) {
            let comment_start = self.comment_ends[i].0;
            if comment_start > start {
                end = comment_start;
            }
        }
        let kept = pair.as_str()[..end - start]
            .trim_end_matches([' ', '\t'])
            .len();
        Span::new(self.file, start, start + kept)
    }

    fn item(&mut self, pair: Pair<'_, Rule>) -> Item {
        let span = self.span(&pair);
        let rule = pair.as_rule();
        let mut inner = significant(pair)
            .filter(|p| !is_keyword(p.as_rule()))
            .peekable();
        match rule {
            Rule::use_decl => {
                let path = inner
                    .next()
                    .map(|p| significant(p).map(|n| self.ident(n)).collect());
                Item::Use(Use {
                    path: path.unwrap_or_default(),
                    span,
                })
            }
            Rule::enum_decl => {
                let name = self.ident(next(&mut inner));
                let renamed_from = if inner.peek().map(|p| p.as_rule()) == Some(Rule::renamed_from)
                {
                    Some(self.renamed(next(&mut inner)))
                } else {
                    None
                };
                let entries = inner.map(|p| self.enum_entry(p)).collect();
                Item::Enum(EnumDecl {
                    name,
                    renamed_from,
                    entries,
                    span,
                })
            }
            Rule::table_decl => {
                let name = self.ident(next(&mut inner));
                let renamed_from = if inner.peek().map(|p| p.as_rule()) == Some(Rule::renamed_from)
                {
                    Some(self.renamed(next(&mut inner)))
                } else {
                    None
                };
                let members = inner.map(|p| self.member(p)).collect();
                Item::Table(TableDecl {
                    name,
                    renamed_from,
                    members,
                    span,
                })
            }
            Rule::mixin_decl => {
                let name = self.ident(next(&mut inner));
                let members = inner.map(|p| self.member(p)).collect();
                Item::Mixin(MixinDecl {
                    name,
                    members,
                    span,
                })
            }
            Rule::view_decl => {
                let name = self.ident(next(&mut inner));
                let mut renamed_from = None;
                let mut query = None;
                for p in inner {
                    match p.as_rule() {
                        Rule::renamed_from => renamed_from = Some(self.renamed(p)),
                        _ => query = Some(self.sql(p)),
                    }
                }
                Item::View(ViewDecl {
                    name,
                    renamed_from,
                    query: query.unwrap_or_else(|| empty_sql(span)),
                    span,
                })
            }
            Rule::native_decl => {
                let name = self.ident(next(&mut inner));
                let dialects = significant(next(&mut inner))
                    .map(|p| self.ident(p))
                    .collect();
                let mut up = Vec::new();
                let mut down = Vec::new();
                for clause in inner {
                    let is_up = clause.as_rule() == Rule::native_up;
                    let Some(s) = significant(clause)
                        .find(|p| p.as_rule() == Rule::string)
                        .map(|p| self.string(p))
                    else {
                        continue;
                    };
                    if is_up {
                        up.push(s);
                    } else {
                        down.push(s);
                    }
                }
                Item::Native(NativeDecl {
                    name,
                    dialects,
                    up,
                    down,
                    span,
                })
            }
            _ => Item::DropTable(DropTable {
                name: self.ident(next(&mut inner)),
                span,
            }),
        }
    }

    fn enum_entry(&mut self, pair: Pair<'_, Rule>) -> EnumEntry {
        let span = self.span(&pair);
        let rule = pair.as_rule();
        let mut inner = significant(pair).filter(|p| !is_keyword(p.as_rule()));
        let name = self.ident(next(&mut inner));
        if rule == Rule::enum_drop {
            return EnumEntry::Drop { name, span };
        }
        let renamed_from = inner.next().map(|p| self.renamed(p));
        EnumEntry::Value {
            name,
            renamed_from,
            span,
        }
    }

    fn member(&mut self, pair: Pair<'_, Rule>) -> Member {
        let span = self.span(&pair);
        let rule = pair.as_rule();
        let mut inner = significant(pair)
            .filter(|p| !is_keyword(p.as_rule()))
            .peekable();
        match rule {
            Rule::column_def => {
                let name = self.ident(next(&mut inner));
                let ty = self.type_expr(next(&mut inner));
                let attrs = inner.map(|p| self.column_attr(p)).collect();
                Member::Column(ColumnDef {
                    name,
                    ty,
                    attrs,
                    span,
                })
            }
            Rule::index_def => {
                let mut unique = false;
                let mut name = None;
                let mut parts = None;
                let mut predicate = None;
                for p in inner {
                    match p.as_rule() {
                        Rule::unique_kw => unique = true,
                        Rule::name => name = Some(self.ident(p)),
                        Rule::sql_paren => parts = Some(self.sql(p)),
                        _ => {
                            predicate = significant(p)
                                .find(|s| matches!(s.as_rule(), Rule::sql_paren | Rule::sql_line))
                                .map(|s| self.sql(s))
                        }
                    }
                }
                Member::Index(IndexDef {
                    unique,
                    name,
                    parts: parts.unwrap_or_else(|| empty_sql(span)),
                    predicate,
                    span,
                })
            }
            Rule::primary_key_def => Member::PrimaryKey(PrimaryKeyDef {
                columns: self.names(next(&mut inner)),
                span,
            }),
            Rule::unique_def => {
                let name = if inner.peek().map(|p| p.as_rule()) == Some(Rule::name) {
                    Some(self.ident(next(&mut inner)))
                } else {
                    None
                };
                Member::Unique(UniqueDef {
                    name,
                    columns: self.names(next(&mut inner)),
                    span,
                })
            }
            Rule::check_def => {
                let name = if inner.peek().map(|p| p.as_rule()) == Some(Rule::name) {
                    Some(self.ident(next(&mut inner)))
                } else {
                    None
                };
                Member::Check(CheckDef {
                    name,
                    expr: self.sql(next(&mut inner)),
                    span,
                })
            }
            Rule::foreign_key_def => {
                let name = if inner.peek().map(|p| p.as_rule()) == Some(Rule::name) {
                    Some(self.ident(next(&mut inner)))
                } else {
                    None
                };
                let columns = self.names(next(&mut inner));
                let table = next(&mut inner);
                let ref_start = self.span(&table);
                let reference = self.reference(table, inner, ref_start, span);
                Member::ForeignKey(ForeignKeyDef {
                    name,
                    columns,
                    reference,
                    span,
                })
            }
            Rule::include_def => Member::Include(self.ident(next(&mut inner)), span),
            Rule::comment_def => Member::Comment(self.string(next(&mut inner)), span),
            Rule::retire_def => {
                let name = self.ident(next(&mut inner));
                let down = inner
                    .next()
                    .and_then(|p| significant(p).find(|s| s.as_rule() == Rule::sql_paren))
                    .map(|p| self.sql(p));
                Member::Retire(RetireDef { name, down, span })
            }
            _ => Member::DropColumn(self.ident(next(&mut inner)), span),
        }
    }

    fn reference<'a>(
        &mut self,
        table: Pair<'a, Rule>,
        rest: impl Iterator<Item = Pair<'a, Rule>>,
        start: Span,
        end: Span,
    ) -> Reference {
        let table = self.ident(table);
        let mut columns = Vec::new();
        let mut actions = Vec::new();
        for p in rest {
            match p.as_rule() {
                Rule::name_list => columns = self.names(p),
                _ => actions.push(self.fk_action(p)),
            }
        }
        Reference {
            table,
            columns,
            actions,
            span: start.to(Span::new(self.file, end.end as usize, end.end as usize)),
        }
    }

    fn fk_action(&mut self, pair: Pair<'_, Rule>) -> FkAction {
        let span = self.span(&pair);
        let mut event = FkEvent::Delete;
        let mut effect = FkEffect::NoAction;
        for p in significant(pair) {
            match p.as_rule() {
                Rule::fk_event => {
                    let kw = p.as_str().to_ascii_lowercase();
                    event = if kw == "update" {
                        FkEvent::Update
                    } else {
                        FkEvent::Delete
                    };
                }
                Rule::fk_effect => {
                    effect = match significant(p).next().map(|e| e.as_rule()) {
                        Some(Rule::k_cascade) => FkEffect::Cascade,
                        Some(Rule::k_restrict) => FkEffect::Restrict,
                        Some(Rule::set_null) => FkEffect::SetNull,
                        Some(Rule::set_default) => FkEffect::SetDefault,
                        _ => FkEffect::NoAction,
                    }
                }
                _ => {}
            }
        }
        FkAction {
            event,
            effect,
            span,
        }
    }

    fn column_attr(&mut self, pair: Pair<'_, Rule>) -> ColumnAttr {
        let span = self.span(&pair);
        let rule = pair.as_rule();
        let mut inner = significant(pair)
            .filter(|p| !is_keyword(p.as_rule()))
            .peekable();
        match rule {
            Rule::not_null => ColumnAttr::NotNull(span),
            Rule::null_attr => ColumnAttr::Null(span),
            Rule::primary_key_attr => ColumnAttr::PrimaryKey(span),
            Rule::identity_attr => ColumnAttr::Identity(span),
            Rule::unique_attr => ColumnAttr::Unique(span),
            Rule::default_attr => ColumnAttr::Default(self.sql(next(&mut inner)), span),
            Rule::check_attr => {
                let name = if inner.peek().map(|p| p.as_rule()) == Some(Rule::name) {
                    Some(self.ident(next(&mut inner)))
                } else {
                    None
                };
                ColumnAttr::Check {
                    name,
                    expr: self.sql(next(&mut inner)),
                    span,
                }
            }
            Rule::references_attr => {
                let table = next(&mut inner);
                let start = self.span(&table);
                ColumnAttr::References(self.reference(table, inner, start, span))
            }
            Rule::renamed_from => ColumnAttr::RenamedFrom(self.ident(next(&mut inner)), span),
            Rule::from_attr => ColumnAttr::From(inner.map(|p| self.ident(p)).collect(), span),
            Rule::up_attr => ColumnAttr::Up(self.sql(next(&mut inner)), span),
            Rule::down_attr => ColumnAttr::Down(self.sql(next(&mut inner)), span),
            _ => ColumnAttr::Comment(self.string(next(&mut inner)), span),
        }
    }

    fn type_expr(&mut self, pair: Pair<'_, Rule>) -> TypeExpr {
        let span = self.span(&pair);
        let mut inner = significant(pair);
        let first = next(&mut inner);
        if first.as_rule() == Rule::native_type {
            let spellings = significant(first)
                .filter(|p| p.as_rule() == Rule::native_spelling)
                .map(|p| {
                    let mut parts = significant(p);
                    let dialect = self.ident(next(&mut parts));
                    let spelling = self.string(next(&mut parts));
                    (dialect, spelling)
                })
                .collect();
            return TypeExpr::Native { spellings, span };
        }
        let name = self.ident(first);
        let args = inner
            .next()
            .map(|args| {
                significant(args)
                    .map(|n| {
                        let s = self.span(&n);
                        match n.as_str().parse::<u64>() {
                            Ok(v) => (v, s),
                            Err(_) => {
                                self.errors.push(
                                    Diagnostic::error(Code::Syntax, "number too large")
                                        .primary(s, "does not fit in 64 bits"),
                                );
                                (0, s)
                            }
                        }
                    })
                    .collect()
            })
            .unwrap_or_default();
        TypeExpr::Named { name, args, span }
    }

    fn renamed(&mut self, pair: Pair<'_, Rule>) -> Ident {
        let mut inner = significant(pair).filter(|p| !is_keyword(p.as_rule()));
        self.ident(next(&mut inner))
    }

    fn names(&mut self, pair: Pair<'_, Rule>) -> Vec<Ident> {
        significant(pair).map(|p| self.ident(p)).collect()
    }

    fn ident(&mut self, pair: Pair<'_, Rule>) -> Ident {
        let span = self.span(&pair);
        let raw = pair.as_str();
        let name = raw
            .strip_prefix('`')
            .and_then(|r| r.strip_suffix('`'))
            .unwrap_or(raw);
        Ident {
            name: name.to_string(),
            span,
        }
    }

    fn string(&mut self, pair: Pair<'_, Rule>) -> StringLit {
        let span = self.span(&pair);
        let body = pair.as_str();
        let body = &body[1..body.len() - 1];
        let mut value = String::with_capacity(body.len());
        let mut chars = body.char_indices();
        while let Some((i, c)) = chars.next() {
            if c != '\\' {
                value.push(c);
                continue;
            }
            match chars.next() {
                Some((_, 'n')) => value.push('\n'),
                Some((_, 't')) => value.push('\t'),
                Some((_, '\\')) => value.push('\\'),
                Some((_, '"')) => value.push('"'),
                Some((j, other)) => {
                    let at = span.sub(1 + i, j + other.len_utf8() - i);
                    self.errors.push(
                        Diagnostic::error(
                            Code::BadEscape,
                            format!("unknown escape sequence `\\{other}`"),
                        )
                        .primary(at, "not an escape")
                        .help("the escapes are `\\n`, `\\t`, `\\\\` and `\\\"`"),
                    );
                }
                None => {}
            }
        }
        StringLit { value, span }
    }

    /// An SQL text: the contents of `sql_paren`, `sql_atom` or `sql_line`.
    fn sql(&mut self, pair: Pair<'_, Rule>) -> Sql {
        let span = self.span(&pair);
        match pair.as_rule() {
            Rule::sql_paren => {
                let inner = pair.as_str();
                let text = &inner[1..inner.len() - 1];
                let lead = text.len() - text.trim_start().len();
                let trimmed = text.trim();
                Sql {
                    text: trimmed.to_string(),
                    span: span.sub(1 + lead, trimmed.len()),
                    parenthesized: true,
                }
            }
            _ => {
                let trimmed = pair.as_str().trim_end();
                Sql {
                    text: trimmed.to_string(),
                    span: span.sub(0, trimmed.len()),
                    parenthesized: false,
                }
            }
        }
    }
}

fn empty_sql(span: Span) -> Sql {
    Sql {
        text: String::new(),
        span,
        parenthesized: true,
    }
}

/// The next pair; the grammar guarantees it exists, so a missing one is an internal bug that we
/// surface as a panic-free placeholder rather than crash on user input.
fn next<'a>(it: &mut impl Iterator<Item = Pair<'a, Rule>>) -> Pair<'a, Rule> {
    match it.next() {
        Some(p) => p,
        None => unreachable_pair(),
    }
}

#[cold]
fn unreachable_error() -> pest::error::Error<Rule> {
    panic!("internal error: the grammar accepted a text on its second parse only")
}

#[cold]
fn unreachable_pair<'a>() -> Pair<'a, Rule> {
    // The grammar makes every `next` above infallible; reaching this is a grammar/lowering
    // mismatch caught by the tests, not something input can cause.
    panic!("internal error: syntax tree lowering out of step with the grammar")
}

fn is_keyword(rule: Rule) -> bool {
    matches!(
        rule,
        Rule::k_use
            | Rule::k_enum
            | Rule::k_table
            | Rule::k_mixin
            | Rule::k_view
            | Rule::k_as
            | Rule::k_native
            | Rule::k_for
            | Rule::k_up
            | Rule::k_down
            | Rule::k_drop
            | Rule::k_column
            | Rule::k_index
            | Rule::k_where
            | Rule::k_primary
            | Rule::k_key
            | Rule::k_check
            | Rule::k_foreign
            | Rule::k_references
            | Rule::k_include
            | Rule::k_comment
            | Rule::k_retire
            | Rule::k_not
            | Rule::k_null
            | Rule::k_identity
            | Rule::k_default
            | Rule::k_renamed
            | Rule::k_from
            | Rule::k_on
            | Rule::k_unique
    )
}
