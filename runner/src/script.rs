//! Reading phase scripts back: their step frames (`-- [N] summary` and `--     lock: …` comment
//! lines before each step's SQL, written by the planner's script template) and the statements of
//! a piece of SQL, for the dialects whose client must send statements one at a time.

use migc_stdlib::Dialect;

/// A phase script cut at its step frames.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Framed {
    /// The SQL before the first step (session settings), without comment lines.
    pub header: String,
    pub steps: Vec<FramedStep>,
}

/// One step of a script as framed by the planner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FramedStep {
    /// The step's number in the plan (`-- [N]`).
    pub number: usize,
    pub summary: String,
    /// The step's SQL, exactly as in the script (the lines between its frame and the next).
    pub sql: String,
}

/// The frame line of a step: `-- [N] summary`.
fn frame(line: &str) -> Option<(usize, &str)> {
    let rest = line.strip_prefix("-- [")?;
    let (n, summary) = rest.split_once("] ")?;
    Some((n.parse().ok()?, summary))
}

/// Cuts a script at its step frames. A frame is a `-- [N] summary` line followed by a
/// `--     lock:` line, so SQL comments of another shape never start a step.
pub fn frames(text: &str) -> Framed {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut header = Vec::new();
    let mut steps: Vec<FramedStep> = Vec::new();
    let mut body: Vec<&str> = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let line = lines[i];
        let next_is_lock = lines
            .get(i + 1)
            .is_some_and(|l| l.starts_with("--     lock:"));
        if let (Some((number, summary)), true) = (frame(line), next_is_lock) {
            if let Some(last) = steps.last_mut() {
                last.sql = body.join("\n").trim().to_string();
            }
            body.clear();
            steps.push(FramedStep {
                number,
                summary: summary.to_string(),
                sql: String::new(),
            });
            i += 2;
            continue;
        }
        if steps.is_empty() {
            if !line.starts_with("--") && !line.trim().is_empty() {
                header.push(line);
            }
        } else {
            body.push(line);
        }
        i += 1;
    }
    if let Some(last) = steps.last_mut() {
        last.sql = body.join("\n").trim().to_string();
    }
    Framed {
        header: header.join("\n"),
        steps,
    }
}

/// Splits SQL into statements the way the dialect's standard client does: semicolons outside
/// quotes, comments and PostgreSQL dollar quotes end a statement; MySQL's `DELIMITER` directive
/// (a client command, never sent to the server) changes the terminator, and `#` starts a
/// comment there. Statements holding nothing but comments are left out. SQLite trigger bodies
/// are not recognised: SQLite scripts run as a whole.
pub fn statements(sql: &str, dialect: Dialect) -> Vec<String> {
    let b = dialect.behaviour();
    let (delimiter_directive, hash_comments, backslashes, dollar_quotes) = (
        b.supports_delimiter_directive(),
        b.supports_hash_comments(),
        b.supports_backslash_escapes(),
        b.supports_dollar_quotes(),
    );
    let chars: Vec<char> = sql.chars().collect();
    let mut out = Vec::new();
    let mut current = String::new();
    let mut delimiter = ";".to_string();
    let mut i = 0;
    let at_line_start = |current: &str| current.trim().is_empty();
    while i < chars.len() {
        let c = chars[i];
        // `DELIMITER xx` on a line of its own, between statements.
        if delimiter_directive && at_line_start(&current) && (i == 0 || chars[i - 1] == '\n') {
            let line_end = chars[i..]
                .iter()
                .position(|&c| c == '\n')
                .map_or(chars.len(), |p| i + p);
            let line: String = chars[i..line_end].iter().collect();
            let trimmed = line.trim();
            let directive = trimmed
                .get(..10)
                .filter(|w| w.eq_ignore_ascii_case("delimiter "));
            if let (Some(w), true) = (directive, trimmed.len() > 10) {
                delimiter = trimmed[w.len()..].trim().to_string();
                current.clear();
                i = line_end + 1;
                continue;
            }
        }
        let rest_starts = |s: &str| {
            chars[i..]
                .iter()
                .take(s.chars().count())
                .copied()
                .eq(s.chars())
        };
        if rest_starts(&delimiter) {
            push_statement(&mut out, &current);
            current.clear();
            i += delimiter.chars().count();
            continue;
        }
        match c {
            '\'' | '"' | '`' => {
                let quote = c;
                current.push(c);
                i += 1;
                while i < chars.len() {
                    let d = chars[i];
                    current.push(d);
                    i += 1;
                    if backslashes && d == '\\' && quote != '`' && i < chars.len() {
                        current.push(chars[i]);
                        i += 1;
                    } else if d == quote {
                        if chars.get(i) == Some(&quote) {
                            current.push(quote);
                            i += 1;
                        } else {
                            break;
                        }
                    }
                }
            }
            '-' if chars.get(i + 1) == Some(&'-') => {
                while i < chars.len() && chars[i] != '\n' {
                    current.push(chars[i]);
                    i += 1;
                }
            }
            '#' if hash_comments => {
                while i < chars.len() && chars[i] != '\n' {
                    current.push(chars[i]);
                    i += 1;
                }
            }
            '/' if chars.get(i + 1) == Some(&'*') => {
                current.push_str("/*");
                i += 2;
                while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                    current.push(chars[i]);
                    i += 1;
                }
                if i < chars.len() {
                    current.push_str("*/");
                    i += 2;
                }
            }
            '$' if dollar_quotes => {
                // A dollar quote: `$tag$ … $tag$` (a tag is empty or an identifier).
                let tag_end = chars[i + 1..]
                    .iter()
                    .position(|&d| !(d.is_alphanumeric() || d == '_'))
                    .map(|p| i + 1 + p);
                match tag_end {
                    Some(e)
                        if chars[e] == '$'
                            && !chars[i + 1..e].first().is_some_and(|d| d.is_ascii_digit()) =>
                    {
                        let tag: String = chars[i..=e].iter().collect();
                        current.push_str(&tag);
                        i = e + 1;
                        let tag_chars: Vec<char> = tag.chars().collect();
                        while i < chars.len() {
                            if chars[i..].starts_with(&tag_chars) {
                                current.push_str(&tag);
                                i += tag_chars.len();
                                break;
                            }
                            current.push(chars[i]);
                            i += 1;
                        }
                    }
                    _ => {
                        current.push(c);
                        i += 1;
                    }
                }
            }
            _ => {
                current.push(c);
                i += 1;
            }
        }
    }
    push_statement(&mut out, &current);
    out
}

fn push_statement(out: &mut Vec<String>, text: &str) {
    let has_code = text.lines().any(|l| {
        let t = l.trim();
        !t.is_empty() && !t.starts_with("--") && !t.starts_with('#')
    });
    if has_code {
        out.push(text.trim().to_string());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A step's SQL is kept byte for byte: a carriage return inside a literal stays.
    #[test]
    fn frames_keep_the_steps_text_exactly() {
        let text = "-- [1] s\n--     lock: none\nSELECT 'a\r\nb';\n";
        assert_eq!(frames(text).steps[0].sql, "SELECT 'a\r\nb';");
    }

    /// A line of several-byte characters where `DELIMITER` could stand is a statement.
    #[test]
    fn wide_characters_at_a_line_start_are_no_delimiter() {
        case(
            Dialect::Mysql,
            "SELECT 1;\nabcdefé;",
            &["SELECT 1", "abcdefé"],
        );
    }

    #[test]
    fn frames_cut_a_script_at_its_steps() {
        let text = "-- migc 0.1.0: expand phase (up) for postgres\n-- purpose\nSET lock_timeout = '2s';\n\n-- [3] add column `a`\n--     lock: ACCESS EXCLUSIVE; rewrite: no\nALTER TABLE t ADD COLUMN a int;\n\n-- [4] create index\n--     lock: none\n-- [9] not a frame: no lock line follows\nCREATE INDEX CONCURRENTLY i ON t (a);\n";
        let f = frames(text);
        assert_eq!(f.header, "SET lock_timeout = '2s';");
        assert_eq!(f.steps.len(), 2);
        assert_eq!(f.steps[0].number, 3);
        assert_eq!(f.steps[0].summary, "add column `a`");
        assert_eq!(f.steps[0].sql, "ALTER TABLE t ADD COLUMN a int;");
        assert_eq!(f.steps[1].number, 4);
        assert_eq!(
            f.steps[1].sql,
            "-- [9] not a frame: no lock line follows\nCREATE INDEX CONCURRENTLY i ON t (a);"
        );
    }

    #[track_caller]
    fn case(dialect: Dialect, sql: &str, expected: &[&str]) {
        assert_eq!(statements(sql, dialect), expected);
    }

    #[test]
    fn statements_end_at_semicolons_outside_quotes() {
        case(
            Dialect::Postgres,
            "SELECT 'a;b'; SELECT \"x;\" FROM t; -- c;\n/* d; */ SELECT 1",
            &[
                "SELECT 'a;b'",
                "SELECT \"x;\" FROM t",
                "-- c;\n/* d; */ SELECT 1",
            ],
        );
        case(Dialect::Postgres, "SELECT 'it''s;';", &["SELECT 'it''s;'"]);
        case(Dialect::Postgres, "-- only a comment\n", &[]);
    }

    #[test]
    fn dollar_quotes_hold_semicolons() {
        case(
            Dialect::Postgres,
            "DO $migc$\nBEGIN\n  PERFORM 1;\nEND\n$migc$;\nCREATE INDEX CONCURRENTLY i ON t (a);",
            &[
                "DO $migc$\nBEGIN\n  PERFORM 1;\nEND\n$migc$",
                "CREATE INDEX CONCURRENTLY i ON t (a)",
            ],
        );
        case(
            Dialect::Postgres,
            "SELECT $1, $$a;b$$;",
            &["SELECT $1, $$a;b$$"],
        );
    }

    #[test]
    fn mysql_delimiter_directives_change_the_terminator() {
        case(
            Dialect::Mysql,
            "DROP PROCEDURE IF EXISTS p;\nDELIMITER //\nCREATE PROCEDURE p()\nBEGIN\n  SELECT 'a\\';b';\n  SELECT 2;\nEND//\nDELIMITER ;\nCALL p();\n# done;\nDROP PROCEDURE p;",
            &[
                "DROP PROCEDURE IF EXISTS p",
                "CREATE PROCEDURE p()\nBEGIN\n  SELECT 'a\\';b';\n  SELECT 2;\nEND",
                "CALL p()",
                "# done;\nDROP PROCEDURE p",
            ],
        );
    }
}
