//! Splits a DDL file into statements, keeping where each one starts.
//!
//! Dump files mix SQL with client commands and comments: psql meta-commands (`\restrict KEY` of
//! newer pg_dump, `\connect`), mysqldump's `DELIMITER` changes and its conditional comments
//! (`/*!40101 SET … */`, whose content MySQL runs). Conditional comments are unwrapped (their
//! content is SQL the server runs: views and triggers come that way), client commands skipped.

/// One statement: its text (comments at its start removed) and its byte offset in the file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Statement {
    pub text: String,
    pub offset: usize,
}

/// Replaces the markers of MySQL conditional comments (`/*!50001 ` and `/*M!100616 `, and their
/// closing `*/`) with spaces, so offsets still match the file.
pub fn unwrap_conditional_comments(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = bytes.to_vec();
    let mut i = 0;
    let mut open = false;
    while i < bytes.len() {
        if !open && (bytes[i..].starts_with(b"/*!") || bytes[i..].starts_with(b"/*M!")) {
            let start = i;
            i += if bytes[i + 2] == b'M' { 4 } else { 3 };
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
            out[start..i].fill(b' ');
            open = true;
            continue;
        }
        match bytes[i] {
            b'\'' | b'"' | b'`' => {
                let q = bytes[i];
                i += 1;
                while i < bytes.len() && bytes[i] != q {
                    if bytes[i] == b'\\' {
                        i += 1;
                    }
                    i += 1;
                }
                i += 1;
            }
            b'*' if open && bytes.get(i + 1) == Some(&b'/') => {
                out[i] = b' ';
                out[i + 1] = b' ';
                open = false;
                i += 2;
            }
            _ => i += 1,
        }
    }
    String::from_utf8(out).unwrap_or_else(|_| text.to_string())
}

/// Splits `text` into statements at the current delimiter (`;` unless a `DELIMITER` line
/// changed it), outside strings, quoted names, dollar-quoted bodies and comments. Lines that
/// start with a backslash where a statement would start are client commands and are skipped.
pub fn split(text: &str) -> Vec<Statement> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut delimiter: Vec<u8> = b";".to_vec();
    let mut i = 0;
    // Start of the current statement's first real character, if any.
    let mut start: Option<usize> = None;
    while i < bytes.len() {
        let c = bytes[i];
        if start.is_none() {
            if c.is_ascii_whitespace() {
                i += 1;
                continue;
            }
            if c == b'\\' {
                i = line_end(bytes, i);
                continue;
            }
            if bytes[i..].starts_with(b"--") || c == b'#' {
                i = line_end(bytes, i);
                continue;
            }
            if bytes[i..].starts_with(b"/*") {
                i = block_comment_end(bytes, i);
                continue;
            }
            if at_word(bytes, i, b"delimiter") {
                let end = line_end(bytes, i);
                let d = text[i + 9..end].trim();
                if !d.is_empty() {
                    delimiter = d.as_bytes().to_vec();
                }
                i = end;
                continue;
            }
            start = Some(i);
        }
        if bytes[i..].starts_with(&delimiter) && !inside_trigger_body(&text[start.unwrap_or(i)..i])
        {
            push(&mut out, text, start.take(), i);
            i += delimiter.len();
            continue;
        }
        match c {
            b'\'' | b'"' | b'`' => i = quoted_end(bytes, i),
            b'-' if bytes[i..].starts_with(b"--") => i = line_end(bytes, i),
            b'/' if bytes[i..].starts_with(b"/*") => i = block_comment_end(bytes, i),
            b'$' => i = dollar_end(bytes, i),
            _ => i += 1,
        }
    }
    push(&mut out, text, start, bytes.len());
    out
}

/// Whether `so_far` is a `CREATE TRIGGER … BEGIN …` whose body has not reached `END` (SQLite and
/// MySQL trigger bodies hold statements of their own).
fn inside_trigger_body(so_far: &str) -> bool {
    let upper = so_far.to_ascii_uppercase();
    let words: Vec<&str> = upper
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .filter(|w| !w.is_empty())
        .collect();
    if words.first() != Some(&"CREATE") || !words.iter().take(8).any(|w| *w == "TRIGGER") {
        return false;
    }
    let begins = words
        .iter()
        .filter(|w| **w == "BEGIN" || **w == "CASE")
        .count();
    let ends = words.iter().filter(|w| **w == "END").count();
    begins > ends
}

fn push(out: &mut Vec<Statement>, text: &str, start: Option<usize>, end: usize) {
    if let Some(s) = start {
        let body = text[s..end].trim_end();
        if !body.is_empty() {
            out.push(Statement {
                text: body.to_string(),
                offset: s,
            });
        }
    }
}

fn at_word(bytes: &[u8], i: usize, word: &[u8]) -> bool {
    bytes.len() >= i + word.len()
        && bytes[i..i + word.len()].eq_ignore_ascii_case(word)
        && bytes
            .get(i + word.len())
            .is_some_and(|c| *c == b' ' || *c == b'\t')
}

fn line_end(bytes: &[u8], i: usize) -> usize {
    bytes[i..]
        .iter()
        .position(|&c| c == b'\n')
        .map_or(bytes.len(), |p| i + p + 1)
}

fn block_comment_end(bytes: &[u8], i: usize) -> usize {
    bytes[i + 2..]
        .windows(2)
        .position(|w| w == b"*/")
        .map_or(bytes.len(), |p| i + 2 + p + 2)
}

fn quoted_end(bytes: &[u8], i: usize) -> usize {
    let q = bytes[i];
    let mut j = i + 1;
    while j < bytes.len() {
        if bytes[j] == b'\\' && q != b'"' {
            j += 2;
            continue;
        }
        if bytes[j] == q {
            if bytes.get(j + 1) == Some(&q) {
                j += 2;
                continue;
            }
            return j + 1;
        }
        j += 1;
    }
    bytes.len()
}

/// The end of a PostgreSQL dollar-quoted string starting at `i` (`$$…$$`, `$body$…$body$`);
/// `i + 1` when `$` does not open one (a parameter such as `$1`).
fn dollar_end(bytes: &[u8], i: usize) -> usize {
    let tag_len = bytes[i + 1..]
        .iter()
        .position(|&c| !(c.is_ascii_alphanumeric() || c == b'_'));
    let Some(len) = tag_len else {
        return i + 1;
    };
    if bytes.get(i + 1 + len) != Some(&b'$') || bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
        return i + 1;
    }
    let tag = &bytes[i..i + len + 2];
    let body = i + len + 2;
    bytes[body..]
        .windows(tag.len())
        .position(|w| w == tag)
        .map_or(bytes.len(), |p| body + p + tag.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(sql: &str) -> Vec<String> {
        split(sql).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn statements_and_offsets() {
        let sql = "-- header\nSET x = 1;\n\n/* c; */ CREATE TABLE t (a text DEFAULT ';');\n";
        let s = split(sql);
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].text, "CREATE TABLE t (a text DEFAULT ';')");
        assert_eq!(&sql[s[1].offset..s[1].offset + 6], "CREATE");
    }

    #[test]
    fn dollar_quotes_and_meta_commands() {
        let sql = "\\restrict abc\nCREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;\n\\unrestrict abc\n";
        assert_eq!(
            texts(sql),
            vec!["CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql"]
        );
    }

    #[test]
    fn trigger_bodies_keep_their_statements() {
        let sql = "CREATE TRIGGER t AFTER UPDATE ON x BEGIN\n  UPDATE x SET a = 1;\n  DELETE FROM y;\nEND;\nCREATE TABLE z (a int);";
        let t = texts(sql);
        assert_eq!(t.len(), 2);
        assert!(t[0].ends_with("END"));
    }

    #[test]
    fn mysqldump_delimiters_and_conditional_comments() {
        let sql = "/*!40101 SET NAMES utf8mb4 */;\nDELIMITER ;;\n/*!50003 CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END */;;\nDELIMITER ;\n";
        let unwrapped = unwrap_conditional_comments(sql);
        let t = texts(&unwrapped);
        assert_eq!(t[0], "SET NAMES utf8mb4");
        assert_eq!(
            t[1],
            "CREATE TRIGGER t BEFORE INSERT ON x FOR EACH ROW BEGIN SET NEW.a = 1; END"
        );
        assert_eq!(t.len(), 2);
    }
}
