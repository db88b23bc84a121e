//! What kind of statement a dump holds, judged from its first words: noise to skip, an object
//! outside the model to report, sequence bookkeeping, or SQL to parse.

use crate::unread::Unread;
use migc_compiler::schema::CheckOption;
use migc_stdlib::Dialect;

pub(crate) enum Kind {
    /// Session settings, locks, ownership, data: deliberately skipped.
    Noise,
    /// An object the model cannot hold.
    Unread(Unread),
    /// `CREATE SEQUENCE name …`.
    Sequence { name: String },
    /// `ALTER SEQUENCE seq OWNED BY table.column`.
    SequenceOwned {
        sequence: String,
        table: String,
        column: String,
    },
    /// `ALTER TABLE t ALTER COLUMN c ADD GENERATED … AS IDENTITY (…)`.
    AddIdentity { table: String, column: String },
    /// Anything else: parsed with sqlparser.
    Sql,
}

/// Upper-cased words of the statement's start, names unquoted and without schema.
fn words(text: &str, n: usize) -> Vec<String> {
    text.split(|c: char| c.is_whitespace() || c == '(' || c == ';')
        .filter(|w| !w.is_empty())
        .take(n)
        .map(|w| w.to_string())
        .collect()
}

/// A name as written in a dump, unquoted and without its schema (`public."Order"` -> `Order`).
pub(crate) fn bare(dialect: Dialect, word: &str) -> String {
    let last = split_qualified(word).pop().unwrap_or_default();
    if let Some(inner) = last
        .strip_prefix('"')
        .and_then(|s| s.strip_suffix('"'))
        .or_else(|| last.strip_prefix('`').and_then(|s| s.strip_suffix('`')))
    {
        inner.to_string()
    } else if crate::dialect::reading(dialect).folds_unquoted_names() {
        last.to_lowercase()
    } else {
        last
    }
}

fn split_qualified(word: &str) -> Vec<String> {
    let mut parts = Vec::new();
    let mut cur = String::new();
    let mut quote: Option<char> = None;
    for c in word.chars() {
        match (quote, c) {
            (None, '"' | '`') => {
                quote = Some(c);
                cur.push(c);
            }
            (Some(q), c) if c == q => {
                quote = None;
                cur.push(c);
            }
            (None, '.') => parts.push(std::mem::take(&mut cur)),
            _ => cur.push(c),
        }
    }
    parts.push(cur);
    parts
}

/// What a `CREATE VIEW` says besides its query that sqlparser does not read.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct ViewClauses {
    /// MySQL's `SQL SECURITY INVOKER` before `VIEW`.
    pub(crate) security_invoker: bool,
    /// `WITH [CASCADED | LOCAL] CHECK OPTION` after the query.
    pub(crate) check_option: Option<CheckOption>,
    /// MySQL's `ALGORITHM=MERGE` or `TEMPTABLE` before `VIEW` (`UNDEFINED` is none), as the
    /// model keeps it.
    pub(crate) algorithm: Option<String>,
}

/// A `CREATE VIEW` statement's clauses of [`ViewClauses`], and its text without the check option
/// (any other statement comes back as it is).
pub(crate) fn view_clauses(text: &str) -> (String, ViewClauses) {
    let mut clauses = ViewClauses::default();
    let upper = text.to_ascii_uppercase();
    let mut words = upper.split_whitespace();
    if words.next() != Some("CREATE") {
        return (text.to_string(), clauses);
    }
    // The words between `CREATE` and `VIEW`: only the view's own modifiers may stand there.
    let mut head = Vec::new();
    let is_view = loop {
        match words.next() {
            Some("VIEW") => break true,
            Some(w)
                if matches!(
                    w,
                    "OR" | "REPLACE"
                        | "SQL"
                        | "SECURITY"
                        | "INVOKER"
                        | "DEFINER"
                        | "="
                        | "MERGE"
                        | "TEMPTABLE"
                        | "UNDEFINED"
                        | "RECURSIVE"
                        | "TEMP"
                        | "TEMPORARY"
                ) || w.starts_with("ALGORITHM")
                    || w.starts_with("DEFINER=")
                    || w.starts_with('`') =>
            {
                head.push(w)
            }
            _ => break false,
        }
    };
    if !is_view {
        return (text.to_string(), clauses);
    }
    clauses.security_invoker = head.windows(3).any(|w| w == ["SQL", "SECURITY", "INVOKER"]);
    // `ALGORITHM=X`, `ALGORITHM = X` or `ALGORITHM =X`, as one word or several.
    if let Some(i) = head.iter().position(|w| w.starts_with("ALGORITHM")) {
        let after = |k: usize| head.get(i + k).copied().unwrap_or_default();
        let name = match head[i].strip_prefix("ALGORITHM") {
            Some("") if after(1) == "=" => after(2),
            Some("") => after(1).trim_start_matches('='),
            Some("=") => after(1),
            Some(rest) => rest.trim_start_matches('='),
            None => "",
        };
        clauses.algorithm =
            migc_compiler::schema::view_algorithm(&format!("ALGORITHM={name}")).unwrap_or(None);
    }
    let body = text.trim_end().trim_end_matches(';');
    let cut = without_last_word(body, "OPTION")
        .and_then(|rest| without_last_word(rest, "CHECK"))
        .map(|rest| match without_last_word(rest, "LOCAL") {
            Some(r) => (r, CheckOption::Local),
            None => (
                without_last_word(rest, "CASCADED").unwrap_or(rest),
                CheckOption::Cascaded,
            ),
        })
        .and_then(|(rest, option)| without_last_word(rest, "WITH").map(|r| (r, option)));
    match cut {
        Some((rest, option)) => {
            clauses.check_option = Some(option);
            (rest.trim_end().to_string(), clauses)
        }
        None => (text.to_string(), clauses),
    }
}

/// `text` up to its last word, when that word is `word` (in any letter case) and stands apart.
fn without_last_word<'a>(text: &'a str, word: &str) -> Option<&'a str> {
    let t = text.trim_end();
    let cut = t.len().checked_sub(word.len())?;
    let (head, last) = (t.get(..cut)?, t.get(cut..)?);
    (last.eq_ignore_ascii_case(word) && head.ends_with(|c: char| c.is_whitespace() || c == ')'))
        .then_some(head)
}

/// Removes MySQL's `ALGORITHM=…`, `DEFINER=…` and `SQL SECURITY …` between `CREATE` and the
/// object's keyword: they describe the server account, not the schema.
pub(crate) fn strip_mysql_view_clauses(text: &str) -> String {
    let upper = text.to_ascii_uppercase();
    if !upper.starts_with("CREATE") {
        return text.to_string();
    }
    for kw in [
        " VIEW ",
        " TRIGGER ",
        " FUNCTION ",
        " PROCEDURE ",
        " EVENT ",
    ] {
        if let Some(i) = upper.find(kw) {
            let between = &upper[6..i];
            if between.contains("DEFINER")
                || between.contains("ALGORITHM")
                || between.contains("SECURITY")
            {
                let or_replace = if between.contains("OR REPLACE") {
                    " OR REPLACE"
                } else {
                    ""
                };
                return format!("CREATE{or_replace}{}", &text[i..]);
            }
            break;
        }
    }
    text.to_string()
}

/// `COMMENT='…'` among MySQL table options.
pub(crate) fn mysql_table_comment(options: &str) -> Option<String> {
    let i = options.find("COMMENT")?;
    let rest = &options[i + 7..];
    let start = rest.find('\'')?;
    let body = &rest[start + 1..];
    let mut out = String::new();
    let mut chars = body.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\'' {
            if chars.peek() == Some(&'\'') {
                chars.next();
                out.push('\'');
                continue;
            }
            return Some(out);
        }
        out.push(c);
    }
    None
}

/// MySQL table options that say how the table is stored, as `options(mysql: "…")` keeps them:
/// its row format and key block size as written, and an engine other than InnoDB (the one migc
/// makes tables with).
pub(crate) fn mysql_table_options(options: &str) -> Vec<String> {
    let head = match options.find("COMMENT") {
        Some(i) => &options[..i],
        None => options,
    };
    let words: Vec<&str> = head
        .split(|c: char| c.is_whitespace() || c == '=' || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let mut out = Vec::new();
    for pair in words.windows(2) {
        let value = pair[1].trim_matches(|c| c == '`' || c == '\'' || c == '"');
        let name = pair[0].to_ascii_uppercase();
        let kept = match name.as_str() {
            "ENGINE" => !value.eq_ignore_ascii_case("innodb"),
            // InnoDB's default row format is the one the model makes tables with.
            "ROW_FORMAT" => !["dynamic", "default"]
                .iter()
                .any(|v| value.eq_ignore_ascii_case(v)),
            "KEY_BLOCK_SIZE" => true,
            _ => continue,
        };
        if kept && value.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
            out.push(format!("{name}={}", value.to_ascii_uppercase()));
        }
    }
    out
}

/// A MySQL `CREATE TABLE` without the `ZEROFILL` of its columns (which sqlparser does not read),
/// and the columns that had it with their types as written before it (`int(5) unsigned`).
/// Words inside quotes are left alone.
pub(crate) fn mysql_zerofill(text: &str) -> (String, Vec<(String, String)>) {
    if !text.to_ascii_uppercase().contains("ZEROFILL") {
        return (text.to_string(), Vec::new());
    }
    let mut out = String::with_capacity(text.len());
    let mut columns = Vec::new();
    // The definition's items at depth 1: the first name of the item being read.
    let mut depth = 0usize;
    let mut item_name: Option<String> = None;
    // Where the text after the item's name starts.
    let mut after_name = 0usize;
    let mut at_item_start = false;
    let mut chars = text.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        match ch {
            '\'' | '"' | '`' => {
                let mut end = i + 1;
                let mut closed = false;
                while let Some((j, c)) = chars.next() {
                    end = j + c.len_utf8();
                    if c == ch {
                        if chars.peek().is_some_and(|(_, n)| *n == ch) {
                            chars.next();
                            continue;
                        }
                        closed = true;
                        break;
                    }
                }
                let quoted = &text[i..end];
                if depth == 1 && at_item_start && closed && ch == '`' {
                    item_name = Some(quoted[1..quoted.len() - 1].replace("``", "`"));
                    after_name = end;
                    at_item_start = false;
                }
                out.push_str(quoted);
                continue;
            }
            '(' => {
                depth += 1;
                if depth == 1 {
                    at_item_start = true;
                }
            }
            ')' => depth = depth.saturating_sub(1),
            ',' if depth == 1 => {
                at_item_start = true;
                item_name = None;
            }
            c if c.is_alphabetic() || c == '_' => {
                let rest = &text[i..];
                let len = rest
                    .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '$'))
                    .unwrap_or(rest.len());
                let word = &rest[..len];
                for _ in 1..word.chars().count() {
                    chars.next();
                }
                if depth == 1 && at_item_start {
                    item_name = Some(word.to_string());
                    after_name = i + len;
                    at_item_start = false;
                }
                if word.eq_ignore_ascii_case("zerofill") && depth == 1 {
                    if let Some(name) = &item_name {
                        let ty = text[after_name..i].split_whitespace().collect::<Vec<_>>();
                        columns.push((name.clone(), ty.join(" ").to_ascii_lowercase()));
                    }
                } else {
                    out.push_str(word);
                }
                continue;
            }
            _ => {}
        }
        out.push(ch);
    }
    (out, columns)
}

/// A MySQL `CREATE TABLE` without its partitioning (`PARTITION BY …` to the end, as a dump or
/// `SHOW CREATE TABLE` writes it, inside `/*!50100 … */` or not), and the partitioning on one
/// line.
pub(crate) fn mysql_partitioning(text: &str) -> (String, Option<String>) {
    let upper = text.to_ascii_uppercase();
    if !upper.trim_start().starts_with("CREATE") {
        return (text.to_string(), None);
    }
    // The partitioning follows the closing parenthesis of the definition.
    let Some(close) = upper.rfind(')') else {
        return (text.to_string(), None);
    };
    let Some(at) = upper[..close].rfind("PARTITION BY") else {
        return (text.to_string(), None);
    };
    // Not inside the definition: no unclosed parenthesis before it.
    let depth = text[..at].chars().fold(0i64, |d, c| match c {
        '(' => d + 1,
        ')' => d - 1,
        _ => d,
    });
    if depth != 0 {
        return (text.to_string(), None);
    }
    let before = text[..at].trim_end();
    let (before, wrapped) = match before.strip_suffix("/*!50100") {
        Some(b) => (b.trim_end(), true),
        None => (before, false),
    };
    let mut clause = text[at..].trim_end().trim_end_matches(';').trim_end();
    if wrapped {
        clause = clause.trim_end_matches("*/").trim_end();
    }
    let one_line = clause.split_whitespace().collect::<Vec<_>>().join(" ");
    (before.to_string(), Some(one_line))
}

pub(crate) fn classify(dialect: Dialect, text: &str) -> Kind {
    let w = words(text, 12);
    let up: Vec<String> = w.iter().map(|s| s.to_ascii_uppercase()).collect();
    let first = up.first().map(String::as_str).unwrap_or("");
    let upper = text.to_ascii_uppercase();
    match first {
        "SET" | "SELECT" | "LOCK" | "UNLOCK" | "USE" | "BEGIN" | "START" | "COMMIT" | "END"
        | "PRAGMA" | "ANALYZE" | "VACUUM" | "INSERT" | "REPLACE" | "COPY" | "CHECKPOINT" => {
            return Kind::Noise
        }
        "GRANT" | "REVOKE" => {
            return Kind::Unread(Unread::grant(text.lines().next().unwrap_or(text)));
        }
        _ => {}
    }
    if upper.contains(" OWNER TO ") && first == "ALTER" {
        return Kind::Noise;
    }
    if first == "COMMENT" && up.get(2).map(String::as_str) == Some("EXTENSION") {
        return Kind::Noise;
    }
    if first == "ALTER" && up.get(1).map(String::as_str) == Some("DEFAULT") {
        return Kind::Unread(Unread::grant(text.lines().next().unwrap_or(text)));
    }
    if first == "CREATE" && up.get(1).map(String::as_str) == Some("SEQUENCE") {
        let name = w
            .iter()
            .skip(2)
            .find(|x| !matches!(x.to_ascii_uppercase().as_str(), "IF" | "NOT" | "EXISTS"));
        return Kind::Sequence {
            name: bare(dialect, name.map(String::as_str).unwrap_or("")),
        };
    }
    if first == "ALTER" && up.get(1).map(String::as_str) == Some("SEQUENCE") {
        if let Some(i) = up.iter().position(|x| x == "OWNED") {
            if let Some(target) = w
                .get(i + 2)
                .filter(|_| up.get(i + 1).map(String::as_str) == Some("BY"))
            {
                let mut parts = split_qualified(target.trim_end_matches(';'));
                if parts.len() >= 2 {
                    let column = bare(dialect, &parts.pop().unwrap_or_default());
                    let table = bare(dialect, &parts.pop().unwrap_or_default());
                    return Kind::SequenceOwned {
                        sequence: bare(dialect, &w[2]),
                        table,
                        column,
                    };
                }
            }
        }
        return Kind::Noise;
    }
    let reading = crate::dialect::reading(dialect);
    let q = |n: &str| reading.quote_ident(n);
    if first == "ALTER" && up.get(1).map(String::as_str) == Some("TABLE") {
        let mut i = 2;
        while matches!(
            up.get(i).map(String::as_str),
            Some("ONLY" | "IF" | "EXISTS")
        ) {
            i += 1;
        }
        let table = bare(dialect, w.get(i).map(String::as_str).unwrap_or(""));
        if upper.contains(" ADD GENERATED ") {
            if let Some(c) = up.iter().position(|x| x == "COLUMN") {
                return Kind::AddIdentity {
                    table,
                    column: bare(dialect, &w[c + 1]),
                };
            }
        }
        for (marker, what, down) in [
            (
                " ROW LEVEL SECURITY",
                "row level security",
                Some("DISABLE ROW LEVEL SECURITY"),
            ),
            (" ATTACH PARTITION ", "partition", None),
            (" REPLICA IDENTITY ", "replica identity", None),
            (" CLUSTER ON ", "clustering", Some("SET WITHOUT CLUSTER")),
            (" INHERIT ", "inheritance", None),
            (" EXCLUDE ", "exclusion constraint", None),
        ] {
            if upper.contains(marker) {
                let down = down.map(|d| format!("ALTER TABLE {} {d}", q(&table)));
                return Kind::Unread(Unread::with_sql(what, &table, Some(&table), text, down));
            }
        }
        return Kind::Sql;
    }
    if first != "CREATE" {
        return Kind::Sql;
    }
    // CREATE [OR REPLACE] [ALGORITHM=…] [DEFINER=…] [SQL SECURITY …] [TEMPORARY|UNIQUE…] KIND
    let cleaned = strip_mysql_view_clauses(text);
    let cw = words(&cleaned, 14);
    let cup: Vec<String> = cw.iter().map(|s| s.to_ascii_uppercase()).collect();
    let mut k = 1;
    while matches!(
        cup.get(k).map(String::as_str),
        Some(
            "OR" | "REPLACE"
                | "CONSTRAINT"
                | "DEFAULT"
                | "TRUSTED"
                | "PROCEDURAL"
                | "UNLOGGED"
                | "GLOBAL"
                | "LOCAL"
        )
    ) {
        k += 1;
    }
    let kind = cup.get(k).cloned().unwrap_or_default();
    let name_after = |from: usize| -> String {
        cw.iter()
            .skip(from)
            .find(|x| !matches!(x.to_ascii_uppercase().as_str(), "IF" | "NOT" | "EXISTS"))
            .map(|x| bare(dialect, x))
            .unwrap_or_default()
    };
    let on_table = || -> Option<String> {
        let i = cup.iter().position(|x| x == "ON")?;
        let mut j = i + 1;
        if cup.get(j).map(String::as_str) == Some("ONLY") {
            j += 1;
        }
        cw.get(j).map(|t| bare(dialect, t))
    };
    let unread = match kind.as_str() {
        "FUNCTION" | "PROCEDURE" => {
            let name = name_after(k + 1);
            let signature = function_signature(&cleaned);
            let down = reading.drop_routine(&kind, &name, &signature);
            Unread::with_sql(&kind.to_lowercase(), &name, None, &cleaned, Some(down))
        }
        "TRIGGER" | "CONSTRAINT TRIGGER" => {
            let name = name_after(k + 1);
            let table = on_table();
            let down = reading.drop_trigger(&name, table.as_deref());
            Unread::with_sql("trigger", &name, table.as_deref(), &cleaned, Some(down))
        }
        "POLICY" => {
            let name = name_after(k + 1);
            let table = on_table();
            let down = table
                .as_ref()
                .map(|t| format!("DROP POLICY IF EXISTS {} ON {}", q(&name), q(t)));
            Unread::with_sql("policy", &name, table.as_deref(), &cleaned, down)
        }
        "EXTENSION" => {
            let name = name_after(k + 1);
            let down = format!("DROP EXTENSION IF EXISTS {}", q(&name));
            Unread::with_sql("extension", &name, None, &cleaned, Some(down))
        }
        "SCHEMA" => {
            let name = name_after(k + 1);
            Unread::with_sql(
                "schema",
                &name,
                None,
                &cleaned,
                Some(format!("DROP SCHEMA IF EXISTS {}", q(&name))),
            )
        }
        "MATERIALIZED" => {
            let name = name_after(k + 2);
            let down = format!("DROP MATERIALIZED VIEW IF EXISTS {}", q(&name));
            Unread::with_sql("materialized view", &name, None, &cleaned, Some(down))
        }
        "DOMAIN" | "AGGREGATE" | "OPERATOR" | "CAST" | "COLLATION" | "TEXT" | "PUBLICATION"
        | "SUBSCRIPTION" | "SERVER" | "FOREIGN" | "LANGUAGE" | "CONVERSION" | "STATISTICS"
        | "RULE" | "EVENT" | "ROLE" | "USER" | "TABLESPACE" | "ACCESS" => {
            let name = name_after(k + 1);
            Unread::with_sql(&kind.to_lowercase(), &name, None, &cleaned, None)
        }
        _ => return Kind::Sql,
    };
    Kind::Unread(unread)
}

/// `(a integer, b text)` of `CREATE FUNCTION f(a integer, b text) …`.
fn function_signature(text: &str) -> String {
    let Some(open) = text.find('(') else {
        return "()".into();
    };
    let mut depth = 0;
    for (i, c) in text[open..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' => {
                depth -= 1;
                if depth == 0 {
                    return text[open..open + i + 1].to_string();
                }
            }
            _ => {}
        }
    }
    "()".into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(d: Dialect, sql: &str) -> String {
        match classify(d, sql) {
            Kind::Noise => "noise".into(),
            Kind::Unread(u) => format!("unread {}", u.message()),
            Kind::Sequence { name } => format!("sequence {name}"),
            Kind::SequenceOwned {
                sequence,
                table,
                column,
            } => format!("owned {sequence} {table}.{column}"),
            Kind::AddIdentity { table, column } => format!("identity {table}.{column}"),
            Kind::Sql => "sql".into(),
        }
    }

    #[test]
    fn mysql_storage_is_kept_as_table_options() {
        assert_eq!(
            mysql_table_options(
                "ENGINE=MyISAM DEFAULT CHARSET=utf8mb4 ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8"
            ),
            ["ENGINE=MYISAM", "ROW_FORMAT=COMPRESSED", "KEY_BLOCK_SIZE=8"]
        );
        assert!(
            mysql_table_options("ENGINE=InnoDB ROW_FORMAT=DYNAMIC COMMENT='ENGINE=MyISAM'")
                .is_empty()
        );
    }

    #[test]
    fn zerofill_is_cut_and_its_columns_named() {
        let (text, columns) = mysql_zerofill(
            "CREATE TABLE `n` (`id` int(10) unsigned ZEROFILL NOT NULL, code int(5) zerofill DEFAULT NULL, `note` varchar(9) DEFAULT 'zerofill', PRIMARY KEY (`id`))",
        );
        assert_eq!(
            columns,
            [
                ("id".to_string(), "int(10) unsigned".to_string()),
                ("code".to_string(), "int(5)".to_string())
            ]
        );
        assert_eq!(
            text,
            "CREATE TABLE `n` (`id` int(10) unsigned  NOT NULL, code int(5)  DEFAULT NULL, `note` varchar(9) DEFAULT 'zerofill', PRIMARY KEY (`id`))"
        );
    }

    #[test]
    fn mysql_partitioning_is_cut_from_the_table() {
        let (table, p) = mysql_partitioning(
            "CREATE TABLE `ev` (\n  `id` int NOT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB\n/*!50100 PARTITION BY HASH (`id`)\nPARTITIONS 4 */",
        );
        assert_eq!(
            table,
            "CREATE TABLE `ev` (\n  `id` int NOT NULL,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB"
        );
        assert_eq!(p.as_deref(), Some("PARTITION BY HASH (`id`) PARTITIONS 4"));
        let (_, none) =
            mysql_partitioning("CREATE TABLE t (id int, note text COMMENT 'PARTITION BY x')");
        assert_eq!(none, None);
    }

    #[test]
    fn dump_statements() {
        let pg = Dialect::Postgres;
        assert_eq!(
            kind(pg, "SELECT pg_catalog.set_config('search_path', '', false)"),
            "noise"
        );
        assert_eq!(kind(pg, "ALTER TABLE public.t OWNER TO postgres"), "noise");
        assert_eq!(
            kind(
                pg,
                "CREATE SEQUENCE public.t_id_seq AS integer START WITH 1"
            ),
            "sequence t_id_seq"
        );
        assert_eq!(
            kind(pg, "ALTER SEQUENCE public.t_id_seq OWNED BY public.t.id"),
            "owned t_id_seq t.id"
        );
        assert_eq!(
            kind(pg, "ALTER TABLE public.t ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY (SEQUENCE NAME public.t_id_seq)"),
            "identity t.id"
        );
        assert!(kind(pg, "CREATE TRIGGER audit AFTER INSERT ON public.orders FOR EACH ROW EXECUTE FUNCTION public.f()").starts_with("unread trigger `audit` on table `orders`"));
        assert_eq!(kind(pg, "CREATE TABLE public.t (a int)"), "sql");
        let my = Dialect::Mysql;
        assert_eq!(
            strip_mysql_view_clauses("CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` SQL SECURITY DEFINER VIEW `v` AS select 1"),
            "CREATE VIEW `v` AS select 1"
        );
        assert!(kind(my, "CREATE DEFINER=`root`@`%` TRIGGER `t_bi` BEFORE INSERT ON `t` FOR EACH ROW SET NEW.a = 1").starts_with("unread trigger `t_bi` on table `t`"));
    }

    #[test]
    fn view_clauses_are_read_and_the_check_option_cut() {
        let read = |sql: &str| {
            let (text, c) = view_clauses(sql);
            (text, c.security_invoker, c.check_option)
        };
        let algorithm = |sql: &str| view_clauses(sql).1.algorithm;
        assert_eq!(
            algorithm("CREATE ALGORITHM=TEMPTABLE DEFINER=`root`@`%` SQL SECURITY DEFINER VIEW `v` AS select 1").as_deref(),
            Some("ALGORITHM=TEMPTABLE")
        );
        assert_eq!(
            algorithm("create algorithm = merge view v as select 1").as_deref(),
            Some("ALGORITHM=MERGE")
        );
        assert_eq!(
            algorithm("CREATE ALGORITHM =UNDEFINED VIEW v AS select 1"),
            None
        );
        assert_eq!(
            read("CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` SQL SECURITY INVOKER VIEW `v` AS select 1 WITH LOCAL CHECK OPTION"),
            (
                "CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` SQL SECURITY INVOKER VIEW `v` AS select 1".to_string(),
                true,
                Some(CheckOption::Local)
            )
        );
        assert_eq!(
            read("create view v as select a from t where a > 0\n  with cascaded check option;"),
            (
                "create view v as select a from t where a > 0".to_string(),
                false,
                Some(CheckOption::Cascaded)
            )
        );
        assert_eq!(
            read("CREATE VIEW v AS (SELECT a FROM t)WITH CHECK OPTION"),
            (
                "CREATE VIEW v AS (SELECT a FROM t)".to_string(),
                false,
                Some(CheckOption::Cascaded)
            )
        );
        // Not a check option: a string that ends the query, a table, a word run together.
        for sql in [
            "CREATE VIEW v AS SELECT 'x WITH CHECK OPTION'",
            "CREATE TABLE t (a int) COMMENT 'SQL SECURITY INVOKER WITH CHECK OPTION'",
            "CREATE VIEW v AS SELECT a AS xwith check option",
        ] {
            assert_eq!(read(sql), (sql.to_string(), false, None), "{sql}");
        }
        // `SQL SECURITY INVOKER` counts before `VIEW` only.
        assert!(!read("CREATE VIEW v AS SELECT 'SQL SECURITY INVOKER'").1);
    }
}
