//! Collations and character sets as the model holds them. MySQL names a column's or a table's
//! text handling by a character set, a collation or both; the model keeps one name: the
//! character set when the collation is that set's default (`latin1` for `CHARSET=latin1
//! COLLATE=latin1_swedish_ci`, as `SHOW CREATE TABLE` prints it), else the collation. So a dump
//! that names only the character set and a catalog that names both read alike.

use sqlparser::ast::ObjectName;

/// The default collation of MySQL's and MariaDB's character sets (MySQL 8's `utf8mb4`
/// default, `utf8mb4_0900_ai_ci`, is kept as a collation).
const DEFAULTS: [(&str, &str); 18] = [
    ("armscii8", "armscii8_general_ci"),
    ("ascii", "ascii_general_ci"),
    ("big5", "big5_chinese_ci"),
    ("binary", "binary"),
    ("cp1250", "cp1250_general_ci"),
    ("cp1251", "cp1251_general_ci"),
    ("gbk", "gbk_chinese_ci"),
    ("greek", "greek_general_ci"),
    ("hebrew", "hebrew_general_ci"),
    ("latin1", "latin1_swedish_ci"),
    ("latin2", "latin2_general_ci"),
    ("sjis", "sjis_japanese_ci"),
    ("ucs2", "ucs2_general_ci"),
    ("ujis", "ujis_japanese_ci"),
    ("utf16", "utf16_general_ci"),
    ("utf32", "utf32_general_ci"),
    ("utf8mb3", "utf8mb3_general_ci"),
    ("utf8mb4", "utf8mb4_general_ci"),
];

/// The one name the model keeps for a MySQL character set and collation.
pub(crate) fn mysql(charset: Option<&str>, collation: Option<&str>) -> Option<String> {
    let charset = charset.map(|c| match c.to_ascii_lowercase().as_str() {
        // `utf8` is MariaDB's and MySQL 5's name for `utf8mb3`.
        "utf8" => "utf8mb3".to_string(),
        other => other.to_string(),
    });
    let collation = collation.map(|c| {
        let c = c.to_ascii_lowercase();
        match c.strip_prefix("utf8_") {
            Some(rest) => format!("utf8mb3_{rest}"),
            None => c,
        }
    });
    match (charset, collation) {
        (_, Some(coll)) => Some(
            DEFAULTS
                .iter()
                .find(|(_, d)| *d == coll)
                .map_or(coll, |(set, _)| set.to_string()),
        ),
        (Some(set), None) => Some(set),
        (None, None) => None,
    }
}

/// The collation's name without its schema or quotes (`pg_catalog."C"` is `C`).
pub(crate) fn name(n: &ObjectName) -> String {
    n.0.last()
        .and_then(|p| p.as_ident())
        .map_or_else(|| n.to_string(), |i| i.value.clone())
}

/// The character set and collation a MySQL table's options name
/// (`DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci`).
pub(crate) fn mysql_table(options: &str) -> Option<String> {
    let words: Vec<String> = options
        .split(|c: char| c.is_whitespace() || c == '=' || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| {
            w.trim_matches(|c| c == '`' || c == '\'' || c == '"')
                .to_string()
        })
        .collect();
    let mut charset = None;
    let mut collation = None;
    let mut i = 0;
    while i < words.len() {
        let w = words[i].to_ascii_uppercase();
        match w.as_str() {
            "CHARSET" if i + 1 < words.len() => {
                charset = Some(words[i + 1].clone());
                i += 1;
            }
            "CHARACTER" if i + 2 < words.len() && words[i + 1].eq_ignore_ascii_case("SET") => {
                charset = Some(words[i + 2].clone());
                i += 2;
            }
            "COLLATE" if i + 1 < words.len() => {
                collation = Some(words[i + 1].clone());
                i += 1;
            }
            // A comment's text is not an option.
            "COMMENT" => break,
            _ => {}
        }
        i += 1;
    }
    mysql(charset.as_deref(), collation.as_deref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_default_collation_reads_as_its_character_set() {
        assert_eq!(mysql(Some("latin1"), None).as_deref(), Some("latin1"));
        assert_eq!(
            mysql(Some("latin1"), Some("latin1_swedish_ci")).as_deref(),
            Some("latin1")
        );
        assert_eq!(
            mysql(None, Some("utf8mb4_bin")).as_deref(),
            Some("utf8mb4_bin")
        );
        assert_eq!(mysql(Some("utf8"), None).as_deref(), Some("utf8mb3"));
        assert_eq!(
            mysql(Some("utf8"), Some("utf8_unicode_ci")).as_deref(),
            Some("utf8mb3_unicode_ci")
        );
        assert_eq!(mysql(None, None), None);
    }

    #[test]
    fn table_options_name_the_collation() {
        assert_eq!(
            mysql_table("ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci")
                .as_deref(),
            Some("utf8mb4_unicode_ci")
        );
        assert_eq!(
            mysql_table("ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=latin1").as_deref(),
            Some("latin1")
        );
        assert_eq!(
            mysql_table("ENGINE = InnoDB DEFAULT CHARACTER SET = utf8mb4").as_deref(),
            Some("utf8mb4")
        );
        assert_eq!(mysql_table("ENGINE=InnoDB COMMENT='COLLATE=x'"), None);
    }
}
