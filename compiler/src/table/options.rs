//! `options(mysql: "ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8")`: a table's storage as its
//! dialect's own table options. The text goes into `CREATE TABLE` and `ALTER TABLE` as written,
//! so it must be table options and nothing else: no `;`, no comment, no line break, balanced
//! parentheses. Only MySQL/MariaDB has such options in the model (SQLite's `strict` and
//! `without rowid` are members of their own).

use crate::resolve::Resolver;
use migc_grammar::{ast, Code, Diagnostic};
use migc_stdlib::Dialect;
use std::collections::BTreeMap;

impl Resolver<'_> {
    /// The dialect of one entry of `options(…)` on a `what` (table, view), where that dialect
    /// has such options (MySQL/MariaDB); otherwise the finding, and `None`.
    pub(crate) fn options_dialect(
        &mut self,
        dialect: &ast::Ident,
        code: Code,
        what: &str,
        help: &str,
    ) -> Option<Dialect> {
        let Some(d) = Dialect::from_name(&dialect.name) else {
            self.unknown_dialect(dialect);
            return None;
        };
        if !d.behaviour().has_table_options() {
            self.diagnostics.push(
                Diagnostic::error(
                    code,
                    format!(
                        "{what} options are read for MySQL/MariaDB only, not {}",
                        d.name()
                    ),
                )
                .primary(dialect.span, format!("not a dialect with {what} options"))
                .help(help),
            );
            return None;
        }
        Some(d)
    }

    pub(super) fn table_options(
        &mut self,
        list: &[(ast::Ident, ast::StringLit)],
    ) -> BTreeMap<Dialect, String> {
        let mut out = BTreeMap::new();
        for (dialect, text) in list {
            let Some(d) = self.options_dialect(
                dialect,
                Code::BadStorage,
                "table",
                "write `options(mysql: \"…\")`; SQLite's storage is `strict` and `without rowid`",
            ) else {
                continue;
            };
            if let Err(why) = table_options_text(&text.value) {
                self.diagnostics.push(
                    Diagnostic::error(
                        Code::BadStorage,
                        format!("the {} table options cannot be used: {why}", d.name()),
                    )
                    .primary(text.span, why)
                    .help("write the table options as `SHOW CREATE TABLE` prints them, such as `ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8`"),
                );
                continue;
            }
            if out.insert(d, text.value.trim().to_string()).is_some() {
                self.repeated(&format!("the {} options", d.name()), dialect.span);
            }
        }
        out
    }
}

/// Whether `text` reads as MySQL table options only: tokens of the dialect with nothing that
/// could end the statement it goes into or hide the rest of it.
pub fn table_options_text(text: &str) -> Result<(), String> {
    use sqlparser::dialect::MySqlDialect;
    use sqlparser::tokenizer::{Token, Tokenizer, Whitespace};
    if text.trim().is_empty() {
        return Err("they are empty".into());
    }
    if text.chars().any(char::is_control) {
        return Err("they hold a line break or another control character".into());
    }
    let tokens = Tokenizer::new(&MySqlDialect {}, text)
        .tokenize()
        .map_err(|e| format!("they cannot be read ({})", e.message))?;
    let mut depth = 0i64;
    for t in &tokens {
        match t {
            Token::SemiColon => return Err("they hold `;`".into()),
            Token::Whitespace(Whitespace::SingleLineComment { .. })
            | Token::Whitespace(Whitespace::MultiLineComment(_)) => {
                return Err("they hold a comment".into())
            }
            Token::LParen => depth += 1,
            Token::RParen => {
                depth -= 1;
                if depth < 0 {
                    return Err("they close a parenthesis they did not open".into());
                }
            }
            _ => {}
        }
    }
    if depth != 0 {
        return Err("they leave a parenthesis open".into());
    }
    if !matches!(tokens.first(), Some(Token::Word(_))) {
        return Err("they do not start with an option's name".into());
    }
    Ok(())
}

/// Whether two texts of MySQL table options say the same, as the server reads them: names in
/// any letter case and quoting, any spacing, and what the server does anyway said or not
/// (`ENGINE=InnoDB`, on the table or on each partition as `SHOW CREATE TABLE` adds it, and the
/// default row format, `ROW_FORMAT=DYNAMIC` or `DEFAULT`). No options at all is `""`.
pub fn same_table_options(a: &str, b: &str) -> bool {
    table_options_words(a) == table_options_words(b)
}

fn table_options_words(text: &str) -> Vec<String> {
    use sqlparser::dialect::MySqlDialect;
    use sqlparser::tokenizer::{Token, Tokenizer};
    let Ok(tokens) = Tokenizer::new(&MySqlDialect {}, text).tokenize() else {
        return vec![text.to_string()];
    };
    let words: Vec<String> = tokens
        .into_iter()
        .filter(|t| !matches!(t, Token::Whitespace(_)))
        .map(|t| match t {
            Token::Word(w) => w.value.to_ascii_uppercase(),
            Token::Eq => "=".to_string(),
            other => other.to_string(),
        })
        .collect();
    // `ENGINE [=] InnoDB` and the default row format go: the server's defaults.
    let mut out = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let mut j = i + 1;
        if words.get(j).is_some_and(|w| w == "=") {
            j += 1;
        }
        let value = words.get(j).map(String::as_str);
        let default = match words[i].as_str() {
            "ENGINE" => value == Some("INNODB"),
            "ROW_FORMAT" => matches!(value, Some("DYNAMIC" | "DEFAULT")),
            _ => false,
        };
        if default {
            i = j + 1;
            // The comma between a partition's options, if one follows.
            continue;
        }
        out.push(words[i].clone());
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{same_table_options, table_options_text};

    #[test]
    fn table_options_compare_as_the_server_reads_them() {
        assert!(same_table_options(
            "PARTITION BY RANGE (year(taken)) (PARTITION p1 VALUES LESS THAN (2024), PARTITION pmax VALUES LESS THAN MAXVALUE)",
            "PARTITION BY RANGE (year(`taken`)) (PARTITION `p1` VALUES LESS THAN (2024) ENGINE = InnoDB, PARTITION `pmax` VALUES LESS THAN MAXVALUE ENGINE = InnoDB)"
        ));
        assert!(same_table_options(
            "row_format=compressed",
            "ROW_FORMAT = COMPRESSED"
        ));
        assert!(same_table_options("ROW_FORMAT=DYNAMIC", ""));
        assert!(same_table_options("ENGINE=InnoDB ROW_FORMAT=DEFAULT", ""));
        assert!(!same_table_options("ENGINE=MyISAM", ""));
        assert!(!same_table_options(
            "ROW_FORMAT=COMPRESSED",
            "ROW_FORMAT=DYNAMIC"
        ));
        assert!(!same_table_options(
            "PARTITION BY HASH (id) PARTITIONS 4",
            "PARTITION BY HASH (id) PARTITIONS 8"
        ));
    }

    #[test]
    fn table_options_are_options_and_nothing_else() {
        assert!(table_options_text("ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8").is_ok());
        assert!(table_options_text(
            "PARTITION BY RANGE (year(created)) (PARTITION p1 VALUES LESS THAN (2024), PARTITION pmax VALUES LESS THAN MAXVALUE)"
        )
        .is_ok());
        for bad in [
            "",
            "ROW_FORMAT=DYNAMIC; DROP TABLE users",
            "ROW_FORMAT=DYNAMIC -- hidden",
            "ROW_FORMAT=DYNAMIC /* x */",
            "ROW_FORMAT=DYNAMIC\nDROP TABLE users",
            "PARTITION BY HASH (id",
            ") ; DROP TABLE users; CREATE TABLE x (",
            "'unclosed",
        ] {
            assert!(table_options_text(bad).is_err(), "{bad:?}");
        }
    }
}
