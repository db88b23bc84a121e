//! A table's own options (`options(mysql: "ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8")`): written
//! after the definition when the table is made; changed on a deployed table by the online table
//! copy (`copy/`), since InnoDB rebuilds the table for a new row format, block size or engine.
//! The copy starts from `CREATE TABLE … LIKE`, which carries the table's partitioning, so a
//! change of partitioning is refused: it is a partition operation of its own (`ADD`,
//! `REORGANIZE PARTITION`), for outside the plan.

use crate::dialect::mysql::sql::*;
use crate::dialect::mysql::{Mysql, Scope, D};
use crate::dialect::{Context, Lowered};
use migc_compiler::schema::Table;
use migc_grammar::{Diagnostic, Span};
use sqlparser::dialect::MySqlDialect;
use sqlparser::tokenizer::{Token, Tokenizer};

/// The table's MySQL options, read again before they go into SQL (a schema may come from a
/// snapshot the compiler never checked).
pub(super) fn declared(table: &Table) -> Result<Option<&str>, Diagnostic> {
    let Some(o) = table.options.get(&D) else {
        return Ok(None);
    };
    checked(&table.name, o, Some(table.origin))?;
    Ok(Some(o))
}

/// The options, when they are table options only (`migc_compiler::table_options_text`).
fn checked(table: &str, options: &str, origin: Option<Span>) -> Result<(), Diagnostic> {
    migc_compiler::table_options_text(options).map_err(|why| {
        unsupported(
            format!("the table options of `{table}` cannot be used: {why}"),
            origin,
            "write them as `SHOW CREATE TABLE` prints them",
        )
    })
}

/// The options as (name, value) pairs, names in capitals, up to the partitioning (returned
/// apart, as written).
fn parts(options: &str) -> (Vec<(String, String)>, Option<String>) {
    let mut pairs = Vec::new();
    let Ok(tokens) = Tokenizer::new(&MySqlDialect {}, options).tokenize() else {
        return (pairs, None);
    };
    let tokens: Vec<Token> = tokens
        .into_iter()
        .filter(|t| !matches!(t, Token::Whitespace(_)))
        .collect();
    let mut i = 0;
    while i < tokens.len() {
        let Token::Word(w) = &tokens[i] else {
            i += 1;
            continue;
        };
        let name = w.value.to_ascii_uppercase();
        if name == "PARTITION" {
            let at = options.to_ascii_uppercase().find("PARTITION").unwrap_or(0);
            return (pairs, Some(options[at..].trim().to_string()));
        }
        i += 1;
        if matches!(tokens.get(i), Some(Token::Eq)) {
            i += 1;
        }
        let value = match tokens.get(i) {
            Some(Token::Word(v)) => v.value.clone(),
            Some(Token::Number(n, _)) => n.clone(),
            Some(Token::SingleQuotedString(s)) => s.clone(),
            _ => String::new(),
        };
        i += 1;
        pairs.push((name, value));
    }
    (pairs, None)
}

/// The names of the options, in capitals.
pub(super) fn names(options: &str) -> Vec<String> {
    parts(options).0.into_iter().map(|(n, _)| n).collect()
}

/// What puts an option the table no longer names back to the server's default.
fn reset(name: &str) -> Option<&'static str> {
    match name {
        "ROW_FORMAT" => Some("ROW_FORMAT=DEFAULT"),
        "KEY_BLOCK_SIZE" => Some("KEY_BLOCK_SIZE=0"),
        "ENGINE" => Some("ENGINE=InnoDB"),
        _ => None,
    }
}

/// Whether the table stands with `options` (and without the options of `previous` it does not
/// name), as `information_schema.TABLES` says.
fn holds(table: &str, options: &[(String, String)], previous: &[(String, String)]) -> String {
    let mut conds = Vec::new();
    for (name, value) in options {
        conds.push(match name.as_str() {
            "ROW_FORMAT" | "ENGINE" => format!("UPPER({name}) = UPPER({})", lit(value)),
            _ => format!(
                "LOWER(CREATE_OPTIONS) LIKE LOWER({})",
                lit(&format!("%{name}={value}%"))
            ),
        });
    }
    for (name, _) in previous {
        if !options.iter().any(|(n, _)| n == name) && name != "ROW_FORMAT" && name != "ENGINE" {
            conds.push(format!(
                "LOWER(CREATE_OPTIONS) NOT LIKE LOWER({})",
                lit(&format!("%{name}=%"))
            ));
        }
    }
    if conds.is_empty() {
        conds.push("TRUE".into());
    }
    format!(
        "EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = {} AND {})",
        lit(table),
        conds.join(" AND ")
    )
}

impl Mysql {
    #[allow(clippy::too_many_arguments)]
    pub(super) fn lower_table_options(
        &self,
        l: &mut Lowered,
        ctx: &Context<'_>,
        scope: &Scope<'_>,
        table: &str,
        options: Option<&str>,
        previous: Option<&str>,
        origin: Option<Span>,
    ) -> Result<(), Diagnostic> {
        for o in [options, previous].into_iter().flatten() {
            checked(table, o, origin)?;
        }
        let (new, new_partitions) = parts(options.unwrap_or(""));
        let (old, old_partitions) = parts(previous.unwrap_or(""));
        if !migc_compiler::same_table_options(
            new_partitions.as_deref().unwrap_or(""),
            old_partitions.as_deref().unwrap_or(""),
        ) {
            return Err(unsupported(
                format!("the partitioning of table `{table}` changes"),
                origin,
                "partition the table outside migc (ALTER TABLE … ADD, REORGANIZE or REMOVE PARTITIONING), then plan again from the database",
            ));
        }
        // The options as an ALTER TABLE clause: those named, and the defaults back for those
        // no longer named.
        let clause = |to: &[(String, String)], from: &[(String, String)]| -> String {
            let mut out: Vec<String> = to.iter().map(|(n, v)| format!("{n}={v}")).collect();
            for (n, _) in from {
                if !to.iter().any(|(m, _)| m == n) {
                    out.extend(reset(n).map(str::to_string));
                }
            }
            out.join(" ")
        };
        let up = clause(&new, &old);
        let down = clause(&old, &new);
        if up.is_empty() {
            return Ok(());
        }
        let synced = scope.synced.iter().any(|t| t == table);
        l.up.push(self.copy_table(
            ctx,
            scope,
            table,
            &up,
            &holds(table, &new, &old),
            synced,
            origin,
        )?);
        l.down.extend(self.copy_cleanup(ctx, scope, table, false));
        if !down.is_empty() {
            l.down.push(self.copy_table(
                ctx,
                scope,
                table,
                &down,
                &holds(table, &old, &new),
                synced,
                origin,
            )?);
        }
        crate::dialect::mysql::copy::copied(l);
        Ok(())
    }
}
