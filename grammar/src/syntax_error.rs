//! pest errors -> diagnostics that say in words what was expected.

use crate::parser::Rule;
use crate::{Code, Diagnostic, FileId, Span};
use pest::error::{ErrorVariant, InputLocation};

/// Punctuation worth naming when it would have been accepted.
const PUNCTUATION: &[&str] = &["`{`", "`}`", "`(`", "`)`", "`,`", "`:`", "`.`"];
use std::collections::BTreeSet;

/// The diagnostic of a syntax error in `text`, which starts `offset` bytes into the file. The
/// parsed input may have run past `text` (a piece read alone gets the `}` of its block): an
/// error there is reported at the end of `text`.
pub(crate) fn convert(
    file: FileId,
    text: &str,
    offset: usize,
    error: pest::error::Error<Rule>,
) -> Diagnostic {
    let at = match error.location {
        InputLocation::Pos(p) => p,
        InputLocation::Span((s, _)) => s,
    };
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    let found = describe_found(text, at);
    let span = Span::new(file, offset + at, offset + at + found_len(text, at));
    if let Some(d) = unclosed(text, at, span) {
        return d;
    }
    let positives = match error.variant.clone() {
        ErrorVariant::ParsingError { positives, .. } => positives,
        // pest stops with a custom error only when its stack or call limit is reached.
        ErrorVariant::CustomError { message } if message.contains("limit") => {
            return Diagnostic::error(Code::Syntax, "the text nests too deeply to be read")
                .primary(span, "while reading this")
                .help("split the expression into smaller parts");
        }
        ErrorVariant::CustomError { message } => {
            return Diagnostic::error(Code::Syntax, format!("syntax error: {message}"))
                .primary(span, "here");
        }
    };
    let mut expected: BTreeSet<&'static str> = positives.into_iter().filter_map(describe).collect();
    if let Some(attempts) = error.parse_attempts() {
        for token in attempts.expected_tokens() {
            let token = token.to_string();
            if let Some(p) = PUNCTUATION.iter().find(|p| p[1..2] == token) {
                expected.insert(p);
            } else if let Some(word) = keyword(&token) {
                expected.insert(word);
            }
        }
    }
    // A keyword also named by the description of its rule (`cascade` within "`cascade`,
    // `restrict`, ...") is said once.
    let quoted = |e: &str| -> Vec<String> {
        e.split('`')
            .skip(1)
            .step_by(2)
            .map(str::to_string)
            .collect()
    };
    let described: Vec<Vec<String>> = expected.iter().map(|e| quoted(e)).collect();
    expected.retain(|e| {
        let words = quoted(e);
        !e.starts_with('`')
            || !described
                .iter()
                .any(|other| other.len() > words.len() && words.iter().all(|w| other.contains(w)))
    });
    if expected.contains("a default value") {
        expected.remove("an expression in parentheses");
    }
    if expected
        .iter()
        .any(|e| e.contains("parenthes") || *e == "a default value")
    {
        expected.remove("`(`");
    }
    if expected.contains("a type") {
        expected.remove("`native`");
    }
    // A line end is always acceptable somewhere; saying so only helps when little else is.
    if expected.len() > 3 {
        expected.remove("the end of the line");
    }
    let list: Vec<&str> = expected.into_iter().collect();
    let wanted = match list.as_slice() {
        [] => "something else".to_string(),
        [one] => one.to_string(),
        [init @ .., last] => format!("{} or {}", init.join(", "), last),
    };
    let mut d = Diagnostic::error(Code::Syntax, format!("expected {wanted}, found {found}"))
        .primary(span, format!("expected {wanted}"));
    if let Some(help) = did_you_mean(text, at, &list).or_else(|| help_for(text, at)) {
        d = d.help(help);
    }
    d
}

/// Keywords of two words: a slip in either is suggested as the whole.
const PHRASES: &[&str] = &[
    "not null",
    "primary key",
    "foreign key",
    "renamed from",
    "set null",
    "set default",
    "no action",
    "on delete",
    "on update",
    "without rowid",
    "drop column",
    "drop table",
];

/// What a table member starts with, besides a column's name.
const MEMBER_KEYWORDS: &[&str] = &[
    "index",
    "unique",
    "check",
    "primary key",
    "foreign key",
    "include",
    "comment",
    "retire",
    "drop column",
    "collate",
    "options",
    "strict",
    "without rowid",
];

/// `did you mean `not null`?` for a misspelled keyword: the word found, if it is a near miss of
/// a keyword the grammar expected there (`nul` after `not`, `casade` after `on delete`); or
/// the first word of a member that failed as a column, if it is a near miss of what starts a
/// member (`uniqe (a, b)`, `coment "…"`).
fn did_you_mean(text: &str, at: usize, expected: &[&str]) -> Option<String> {
    let found = word_at(text, at);
    if found.len() >= 3 {
        // The keywords named in what was expected: `` `set null` `` in "`cascade`, `set null`
        // or …".
        let phrases: Vec<&str> = expected
            .iter()
            .flat_map(|e| e.split('`').skip(1).step_by(2))
            .filter(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_lowercase() || b == b' '))
            .collect();
        if phrases
            .iter()
            .any(|p| p.split(' ').any(|w| w.eq_ignore_ascii_case(found)))
        {
            return None;
        }
        let first_words: Vec<&str> = phrases.iter().filter_map(|p| p.split(' ').next()).collect();
        if let Some(word) = crate::suggest(found, first_words) {
            let next = word_at(text, skip_blanks(text, at + found.len()));
            let choices: Vec<&str> = phrases
                .iter()
                .copied()
                .filter(|p| p.split(' ').next() == Some(word))
                .collect();
            // Of `on delete` and `on update`, the one the next word reads as.
            let phrase = choices
                .iter()
                .copied()
                .find(|p| {
                    p.split(' ')
                        .nth(1)
                        .is_some_and(|second| crate::suggest(next, [second]).is_some())
                })
                .or(match choices.as_slice() {
                    [one] => Some(*one),
                    _ => None,
                })
                .unwrap_or(word);
            let before = previous_word(text, at);
            let whole = format!("{} {phrase}", before.to_ascii_lowercase());
            let phrase = if !phrase.contains(' ') && PHRASES.contains(&whole.as_str()) {
                whole
            } else {
                phrase.to_string()
            };
            return Some(format!("did you mean `{phrase}`?"));
        }
    }
    // A member that failed while being read as a column, within what would be its name and
    // type: its first word may be a misspelled keyword.
    let line_start = text[..at].rfind(['\n', '\r']).map_or(0, |i| i + 1);
    let first_at = skip_blanks(text, line_start);
    let first = word_at(text, first_at);
    let first_end = first_at + first.len();
    let at_line_end = text[at..].starts_with(['\n', '\r']) || at == text.len();
    if first.len() < 3 || at < first_end || at > type_end(text, first_end) || at_line_end {
        return None;
    }
    // `primary kye (id)`: the first word is right, the second is not.
    let second = word_at(text, skip_blanks(text, first_end));
    if let Some(phrase) = MEMBER_KEYWORDS.iter().find(|k| {
        k.split_once(' ').is_some_and(|(one, two)| {
            one.eq_ignore_ascii_case(first)
                && !two.eq_ignore_ascii_case(second)
                && crate::suggest(second, [two]).is_some()
        })
    }) {
        return Some(format!("did you mean `{phrase}`?"));
    }
    let firsts: Vec<&str> = MEMBER_KEYWORDS
        .iter()
        .filter_map(|k| k.split(' ').next())
        .collect();
    if firsts.iter().any(|k| k.eq_ignore_ascii_case(first)) {
        return None;
    }
    let word = crate::suggest(first, firsts)?;
    let phrase = MEMBER_KEYWORDS
        .iter()
        .find(|k| k.split(' ').next() == Some(word))
        .copied()
        .unwrap_or(word);
    Some(format!("did you mean `{phrase}`?"))
}

/// The word (letters, digits, `_`) starting at `at`, or `""`.
fn word_at(text: &str, at: usize) -> &str {
    let rest = text.get(at..).unwrap_or_default();
    let len = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    &rest[..len]
}

/// The word just before `at` on its line (blanks between), or `""`.
fn previous_word(text: &str, at: usize) -> &str {
    let before = text[..at].trim_end_matches([' ', '\t']);
    let start = before
        .rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .map_or(0, |i| i + 1);
    &before[start..]
}

fn skip_blanks(text: &str, at: usize) -> usize {
    let rest = text.get(at..).unwrap_or_default();
    at + (rest.len() - rest.trim_start_matches([' ', '\t']).len())
}

/// Where the type of a column whose name ends at `at` would end: one word, then what is in
/// parentheses right after it (or parentheses alone: `uniqe (a, b)`).
fn type_end(text: &str, at: usize) -> usize {
    let mut i = skip_blanks(text, at);
    i += word_at(text, i).len();
    let i = skip_blanks(text, i);
    if !text[i..].starts_with('(') {
        return i;
    }
    let mut depth = 0usize;
    for (j, c) in text[i..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return i + j + 1;
                }
            }
            '\n' | '\r' => return i + j,
            _ => {}
        }
    }
    text.len()
}

/// Keywords are matched case-insensitively, so pest reports them upper-cased.
fn keyword(token: &str) -> Option<&'static str> {
    Some(match token {
        "USE" => "`use`",
        "ENUM" => "`enum`",
        "TABLE" => "`table`",
        "MIXIN" => "`mixin`",
        "VIEW" => "`view`",
        "AS" => "`as`",
        "NATIVE" => "`native`",
        "FOR" => "`for`",
        "UP" => "`up`",
        "DOWN" => "`down`",
        "DROP" => "`drop`",
        "COLUMN" => "`column`",
        "INDEX" => "`index`",
        "UNIQUE" => "`unique`",
        "WHERE" => "`where`",
        "PRIMARY" => "`primary key`",
        "KEY" => "`key`",
        "CHECK" => "`check`",
        "FOREIGN" => "`foreign key`",
        "REFERENCES" => "`references`",
        "INCLUDE" => "`include`",
        "COMMENT" => "`comment`",
        "RETIRE" => "`retire`",
        "NOT" => "`not null`",
        "NULL" => "`null`",
        "IDENTITY" => "`identity`",
        "DEFAULT" => "`default`",
        "RENAMED" => "`renamed from`",
        "FROM" => "`from`",
        "ON" => "`on delete` or `on update`",
        "DELETE" => "`delete`",
        "UPDATE" => "`update`",
        "CASCADE" => "`cascade`",
        "RESTRICT" => "`restrict`",
        "SET" => "`set null` or `set default`",
        "NO" => "`no action`",
        "ACTION" => "`action`",
        "COLLATE" => "`collate`",
        "AUTOINCREMENT" => "`autoincrement`",
        "STRICT" => "`strict`",
        "WITHOUT" => "`without rowid`",
        "ROWID" => "`rowid`",
        _ => return None,
    })
}

/// How many bytes of what was found to underline: the whole word, one character, or nothing at
/// the end of a line or of the file (so the label does not run into the next line).
fn found_len(text: &str, at: usize) -> usize {
    let rest = &text[at..];
    match rest.chars().next() {
        None | Some('\n') | Some('\r') => 0,
        Some(c) if c.is_alphanumeric() || c == '_' => rest
            .char_indices()
            .find(|(_, c)| !(c.is_alphanumeric() || *c == '_'))
            .map_or(rest.len(), |(i, _)| i),
        Some(c) => c.len_utf8(),
    }
}

/// A `(` or `"` that is never closed makes the grammar fail where it opens; a list of what
/// would have been accepted there does not say what is wrong, so say it directly.
fn unclosed(text: &str, at: usize, span: Span) -> Option<Diagnostic> {
    let rest = &text.as_bytes()[at..];
    match rest.first()? {
        b'(' if !paren_closes(rest) => Some(
            Diagnostic::error(Code::Syntax, "unclosed parenthesis")
                .primary(span, "this `(` is never closed")
                .help("add the matching `)`; SQL in parentheses may span lines"),
        ),
        b'"' if quoted_end(rest, b'"', true).is_none() => Some(
            Diagnostic::error(Code::Syntax, "unterminated string")
                .primary(span, "this string is never closed")
                .help("add the closing `\"`; a string may span lines, and `\\\"` writes a quote inside one"),
        ),
        _ => None,
    }
}

/// Whether the `(` at the start of `text` is closed, with the grammar's rules for SQL text:
/// quotes that close hide parentheses, quotes that do not are ordinary characters.
fn paren_closes(text: &[u8]) -> bool {
    let mut depth = 0usize;
    let mut i = 0;
    while i < text.len() {
        match text[i] {
            q @ (b'\'' | b'"') => {
                if let Some(end) = quoted_end(&text[i..], q, false) {
                    i += end;
                    continue;
                }
            }
            b'(' => depth += 1,
            b')' => {
                depth -= 1;
                if depth == 0 {
                    return true;
                }
            }
            _ => {}
        }
        i += 1;
    }
    false
}

/// The length of the quoted text at the start of `text`, if its quote closes. `'` doubles to
/// escape itself (SQL); a `.mig` string escapes with backslashes.
fn quoted_end(text: &[u8], quote: u8, backslash: bool) -> Option<usize> {
    let mut i = 1;
    while i < text.len() {
        match text[i] {
            b'\\' if backslash => i += 1,
            c if c == quote => {
                if quote == b'\'' && text.get(i + 1) == Some(&b'\'') {
                    i += 1;
                } else {
                    return Some(i + 1);
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

fn describe_found(text: &str, at: usize) -> String {
    let rest = &text[at..];
    match rest.chars().next() {
        None => "the end of the file".to_string(),
        Some('\n') | Some('\r') => "the end of the line".to_string(),
        Some(c) if c.is_alphanumeric() || c == '_' => {
            let word: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            format!("`{word}`")
        }
        Some(c) => format!("`{c}`"),
    }
}

/// A hint for common slips, by looking at the text around the error.
fn help_for(text: &str, at: usize) -> Option<String> {
    let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
    let line = &text[line_start..];
    let line = &line[..line.find('\n').unwrap_or(line.len())];
    let rest = text[at..].trim_start();
    let after_comma = rest
        .strip_prefix(',')
        .map(|r| r.split('\n').next().unwrap_or_default().trim());
    let trailing_comma = after_comma.is_some_and(|r| r.is_empty() || r.starts_with("//"));
    if (trailing_comma || rest.starts_with(',') && text[line_start..at].contains("table"))
        && !line.trim_start().starts_with("enum")
    {
        return Some("table members go one per line; commas are not needed".to_string());
    }
    if line.trim_start().starts_with("default") || text[line_start..at].ends_with("default ") {
        return Some(
            "a default is a literal, a call such as `now()`, or an expression in parentheses"
                .to_string(),
        );
    }
    None
}

fn describe(rule: Rule) -> Option<&'static str> {
    Some(match rule {
        Rule::EOI => "the end of the file",
        Rule::COMMENT => return None,
        Rule::item_end | Rule::member_end => "the end of the line",
        Rule::use_decl | Rule::k_use => "`use`",
        Rule::enum_decl | Rule::k_enum => "`enum`",
        Rule::table_decl | Rule::k_table => "`table`",
        Rule::mixin_decl | Rule::k_mixin => "`mixin`",
        Rule::view_decl | Rule::k_view => "`view`",
        Rule::native_decl | Rule::k_native | Rule::native_type => "`native`",
        Rule::drop_table | Rule::enum_drop | Rule::drop_column | Rule::k_drop => "`drop`",
        Rule::k_as => "`as`",
        Rule::view_security | Rule::k_security => "`security invoker` or `security definer`",
        Rule::k_invoker | Rule::k_definer => "`invoker` or `definer`",
        Rule::check_option | Rule::k_with => "`with check option`",
        Rule::k_local | Rule::k_cascaded => "`local` or `cascaded`",
        Rule::k_option => "`option`",
        Rule::k_for => "`for`",
        Rule::native_up | Rule::k_up | Rule::up_attr => "`up`",
        Rule::native_down | Rule::k_down | Rule::down_attr => "`down`",
        Rule::k_column => "`column`",
        Rule::index_def | Rule::k_index => "`index`",
        Rule::unique_kw | Rule::unique_def | Rule::unique_attr | Rule::k_unique => "`unique`",
        Rule::where_clause | Rule::k_where => "`where`",
        Rule::primary_key_def | Rule::primary_key_attr | Rule::k_primary => "`primary key`",
        Rule::k_key => "`key`",
        Rule::check_def | Rule::check_attr | Rule::k_check => "`check`",
        Rule::foreign_key_def | Rule::k_foreign => "`foreign key`",
        Rule::references_attr | Rule::k_references => "`references`",
        Rule::include_def | Rule::k_include => "`include`",
        Rule::comment_def | Rule::comment_attr | Rule::k_comment => "`comment`",
        Rule::retire_def | Rule::k_retire => "`retire`",
        Rule::not_null | Rule::k_not => "`not null`",
        Rule::null_attr | Rule::k_null => "`null`",
        Rule::identity_attr | Rule::k_identity => "`identity`",
        Rule::default_attr | Rule::k_default => "`default`",
        Rule::renamed_from | Rule::k_renamed => "`renamed from`",
        Rule::from_attr | Rule::k_from => "`from`",
        Rule::fk_action | Rule::k_on | Rule::on_update_attr => "`on delete` or `on update`",
        Rule::collate_def | Rule::collate_attr | Rule::k_collate => "`collate`",
        Rule::collation_list => "collations such as `(mysql: \"utf8mb4_bin\")`",
        Rule::autoincrement_attr | Rule::k_autoincrement => "`autoincrement`",
        Rule::table_option | Rule::k_strict => "`strict` or `without rowid`",
        Rule::k_without | Rule::k_rowid => "`without rowid`",
        Rule::fk_event | Rule::k_delete | Rule::k_update => "`delete` or `update`",
        Rule::fk_effect
        | Rule::k_cascade
        | Rule::k_restrict
        | Rule::set_null
        | Rule::set_default
        | Rule::no_action
        | Rule::k_set
        | Rule::k_no
        | Rule::k_action => "`cascade`, `restrict`, `set null`, `set default` or `no action`",
        Rule::column_def | Rule::name | Rule::path | Rule::enum_value | Rule::dialect_list => {
            "a name"
        }
        Rule::type_expr => "a type",
        Rule::type_args => "type arguments such as `(10, 2)`",
        Rule::native_spelling => "a dialect spelling such as `postgres: \"tsvector\"`",
        Rule::integer => "a number",
        Rule::string | Rule::string_body => "a string in double quotes",
        Rule::name_list => "a parenthesized list of columns",
        Rule::sql_paren | Rule::sql_text => "an expression in parentheses",
        Rule::sql_atom => "a default value",
        Rule::sql_line => "an expression",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use crate::{parse, FileId};

    #[track_caller]
    fn case(input: &str, expected: &str) {
        let errors = parse(FileId(0), input).expect_err("should not parse");
        assert_eq!(errors[0].message, expected);
        assert!(
            !errors[0].message.contains('_'),
            "rule name leaked: {}",
            errors[0].message
        );
    }

    #[test]
    fn messages_speak_in_words() {
        case(
            "tabel users {}",
            "expected `drop`, `enum`, `mixin`, `native`, `table`, `use` or `view`, found `tabel`",
        );
        case(
            "table users {\n  id bigint primary\n}",
            "expected `key`, found the end of the line",
        );
        case(
            "table users {\n  id\n}",
            "expected a type, found the end of the line",
        );
        case(
            "table t {\n  a int default\n}",
            "expected `native` or a default value, found the end of the line",
        );
        case(
            "enum e { a b }",
            "expected `,`, `renamed from` or `}`, found `b`",
        );
    }

    #[track_caller]
    fn help(input: &str, expected: Option<&str>) {
        let errors = parse(FileId(0), input).expect_err("should not parse");
        assert_eq!(errors[0].help.as_deref(), expected, "{}", errors[0].message);
    }

    #[test]
    fn misspelled_keywords_get_a_suggestion() {
        let member = |m: &str| format!("table t {{\n  id int64 primary key\n  {m}\n}}\n");
        help("tabel t {}", Some("did you mean `table`?"));
        help(&member("a int64 not nul"), Some("did you mean `not null`?"));
        help(&member("a int64 nul"), Some("did you mean `null`?"));
        help(
            &member("a int64 primry key"),
            Some("did you mean `primary key`?"),
        );
        help(
            &member("a int64 primary kye"),
            Some("did you mean `primary key`?"),
        );
        help(&member("a int64 identiy"), Some("did you mean `identity`?"));
        help(
            &member("a int64 autoincremnt"),
            Some("did you mean `autoincrement`?"),
        );
        help(&member("a text uniqe"), Some("did you mean `unique`?"));
        help(
            &member("a text coment \"x\""),
            Some("did you mean `comment`?"),
        );
        help(
            &member("a text colate(mysql: \"x\")"),
            Some("did you mean `collate`?"),
        );
        help(
            &member("a int64 references t on delete casade"),
            Some("did you mean `cascade`?"),
        );
        help(
            &member("a int64 references t on delet cascade"),
            Some("did you mean `on delete`?"),
        );
        help(
            &member("a int64 references t onn update cascade"),
            Some("did you mean `on update`?"),
        );
        help(
            &member("a int64 references t on delete set nul"),
            Some("did you mean `set null`?"),
        );
        help(
            &member("a int64 renamed frm b"),
            Some("did you mean `renamed from`?"),
        );
        // A member that failed as a column: its first word.
        help(&member("uniqe (id)"), Some("did you mean `unique`?"));
        help(&member("coment \"x\""), Some("did you mean `comment`?"));
        help(
            &member("colate(mysql: \"x\")"),
            Some("did you mean `collate`?"),
        );
        help(
            &member("primary kye (id)"),
            Some("did you mean `primary key`?"),
        );
        // Nothing close, or nothing but a name expected: no guess.
        help(&member("a int64 whatever"), None);
        help(&member("a int64 key"), None);
        help("enum e { apple banana }", None);
        help(&member("chek"), None);
    }
}
