use crate::Dialect;

/// A function usable in `.mig` expressions (defaults, checks, index expressions, transforms).
///
/// Spellings are templates: `$1`, `$2`… stand for the arguments, `$*` for all of them joined
/// with commas, and `$||` for all of them as `coalesce(a, '') || coalesce(b, '')`. `None` means the dialect has no equivalent: planning for it is an error that
/// names the function.
#[derive(Debug)]
pub struct Function {
    pub name: &'static str,
    pub min_args: usize,
    /// `usize::MAX` for variadic functions.
    pub max_args: usize,
    /// Volatile functions (`now()`, `gen_uuid()`) give a different value per call: as a default
    /// of a new column they would need a table rewrite in PostgreSQL.
    pub volatile: bool,
    pub postgres: Option<&'static str>,
    pub mysql: Option<&'static str>,
    pub sqlite: Option<&'static str>,
    /// A spelling built in code for one dialect, where no template can say it; it replaces that
    /// dialect's template.
    pub built: Option<Built>,
    pub summary: &'static str,
}

/// A call spelled by code rather than a template, for one dialect.
#[derive(Debug)]
pub struct Built {
    pub dialect: Dialect,
    /// The call given its rendered arguments, or `None` when these arguments cannot be spelled.
    pub render: fn(&[String]) -> Option<String>,
    /// Which calls can be spelled, said when one cannot.
    pub limits: &'static str,
}

impl Function {
    /// The code-built spelling for `dialect`, if the function has one.
    pub fn built(&self, dialect: Dialect) -> Option<&Built> {
        self.built.as_ref().filter(|b| b.dialect == dialect)
    }

    pub fn template(&self, dialect: Dialect) -> Option<&'static str> {
        dialect.pick(self.postgres, self.mysql, self.sqlite)
    }

    /// The call spelled for a dialect, given its rendered arguments.
    pub fn render(&self, dialect: Dialect, args: &[String]) -> Option<String> {
        if let Some(b) = self.built(dialect) {
            return (b.render)(args);
        }
        let template = self.template(dialect)?;
        Some(fill(template, args))
    }
}

/// A template with its placeholders replaced, in one pass: text an argument brings in (a
/// string literal holding `$1`, say) is never read as a placeholder.
fn fill(template: &str, args: &[String]) -> String {
    let mut out =
        String::with_capacity(template.len() + args.iter().map(String::len).sum::<usize>());
    let mut rest = template;
    while let Some(at) = rest.find('$') {
        out.push_str(&rest[..at]);
        let after = &rest[at + 1..];
        if let Some(tail) = after.strip_prefix("||") {
            let concatenated: Vec<String> =
                args.iter().map(|a| format!("coalesce({a}, '')")).collect();
            out.push_str(&format!("({})", concatenated.join(" || ")));
            rest = tail;
        } else if let Some(tail) = after.strip_prefix('*') {
            out.push_str(&args.join(", "));
            rest = tail;
        } else {
            let digits = after.len() - after.trim_start_matches(|c: char| c.is_ascii_digit()).len();
            match after[..digits]
                .parse::<usize>()
                .ok()
                .and_then(|n| args.get(n.checked_sub(1)?))
            {
                Some(arg) => out.push_str(arg),
                None => out.push_str(&rest[at..at + 1 + digits]),
            }
            rest = &after[digits..];
        }
    }
    out.push_str(rest);
    out
}

macro_rules! f {
    ($name:literal, $min:expr, $max:expr, $volatile:expr, $pg:expr, $my:expr, $lite:expr, $summary:literal) => {
        Function {
            name: $name,
            min_args: $min,
            max_args: $max,
            volatile: $volatile,
            postgres: $pg,
            mysql: $my,
            sqlite: $lite,
            built: None,
            summary: $summary,
        }
    };
}

const MANY: usize = usize::MAX;

const FUNCTIONS: &[Function] = &[
    f!("abs", 1, 1, false, Some("abs($1)"), Some("abs($1)"), Some("abs($1)"), "absolute value"),
    f!("coalesce", 1, MANY, false, Some("coalesce($*)"), Some("coalesce($*)"), Some("coalesce($*)"), "first argument that is not null"),
    // SQLite has concat() only from 3.44. MySQL's concat() is null when an argument is;
    // concat_ws() skips null arguments, as PostgreSQL's concat() does.
    f!("concat", 1, MANY, false, Some("concat($*)"), Some("concat_ws('', $*)"), Some("$||"), "text concatenation that treats null as empty"),
    f!("current_date", 0, 0, true, Some("current_date"), Some("curdate()"), Some("current_date"), "today's date"),
    f!("gen_uuid", 0, 0, true, Some("gen_random_uuid()"), Some("uuid()"),
       Some("lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + (abs(random()) % 4), 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))"),
       "a random (version 4) UUID"),
    f!("greatest", 1, MANY, false, Some("greatest($*)"), Some("greatest($*)"), Some("max($*)"), "largest argument"),
    f!("least", 1, MANY, false, Some("least($*)"), Some("least($*)"), Some("min($*)"), "smallest argument"),
    f!("length", 1, 1, false, Some("length($1)"), Some("char_length($1)"), Some("length($1)"), "length in characters"),
    f!("lower", 1, 1, false, Some("lower($1)"), Some("lower($1)"), Some("lower($1)"), "lower-cased text"),
    f!("ltrim", 1, 1, false, Some("ltrim($1)"), Some("ltrim($1)"), Some("ltrim($1)"), "text without leading spaces"),
    f!("now", 0, 0, true, Some("now()"), Some("current_timestamp(6)"), Some("current_timestamp"), "the current timestamp"),
    f!("nullif", 2, 2, false, Some("nullif($1, $2)"), Some("nullif($1, $2)"), Some("nullif($1, $2)"), "null when both arguments are equal"),
    f!("replace", 3, 3, false, Some("replace($1, $2, $3)"), Some("replace($1, $2, $3)"), Some("replace($1, $2, $3)"), "text with every match replaced"),
    f!("round", 1, 2, false, Some("round($*)"), Some("round($*)"), Some("round($*)"), "rounded number"),
    f!("rtrim", 1, 1, false, Some("rtrim($1)"), Some("rtrim($1)"), Some("rtrim($1)"), "text without trailing spaces"),
    Function {
        name: "split_part",
        min_args: 3,
        max_args: 3,
        volatile: false,
        postgres: Some("split_part($1, $2, $3)"),
        mysql: Some("substring_index(substring_index($1, $2, $3), $2, -1)"),
        sqlite: None,
        built: Some(Built {
            dialect: Dialect::Sqlite,
            render: sqlite_split_part,
            limits: SPLIT_PART_LIMITS,
        }),
        summary: "the n-th field of a delimited text",
    },
    f!("substr", 2, 3, false, Some("substr($*)"), Some("substr($*)"), Some("substr($*)"), "part of a text"),
    f!("trim", 1, 1, false, Some("trim($1)"), Some("trim($1)"), Some("trim($1)"), "text without surrounding spaces"),
    f!("upper", 1, 1, false, Some("upper($1)"), Some("upper($1)"), Some("upper($1)"), "upper-cased text"),
];

/// The largest field number `split_part` is spelled for in SQLite (the spelling doubles in size
/// with each field).
pub const SQLITE_SPLIT_PART_MAX_FIELD: u32 = 5;

const SPLIT_PART_LIMITS: &str = "SQLite has no split_part: migc spells it with instr and substr, \
     for a field number written as a whole number from 1 to 5";

/// `split_part(text, delimiter, n)` for SQLite, which has no such function, with `instr` and
/// `substr`. With the delimiter appended, every field ends with one: the rest after the k-th
/// delimiter is `substr(rest, instr(rest, d) + length(d))` and the field is what comes before the
/// next delimiter of the rest. A field past the last gives `''` and a null argument null, as
/// PostgreSQL does; an empty delimiter gives the whole text as field 1, `''` otherwise.
/// Only a literal field number can be spelled (the nesting depends on it).
fn sqlite_split_part(args: &[String]) -> Option<String> {
    let [text, delimiter, field] = args else {
        return None;
    };
    let n: u32 = field
        .trim()
        .parse()
        .ok()
        .filter(|n| (1..=SQLITE_SPLIT_PART_MAX_FIELD).contains(n))?;
    let d = atom(delimiter);
    let mut rest = format!("{} || {d}", atom(text));
    for _ in 1..n {
        rest = format!("substr({rest}, instr({rest}, {d}) + length({d}))");
    }
    let split = format!("substr({rest}, 1, instr({rest}, {d}) - 1)");
    let d = delimiter.trim();
    let nonempty_literal = d.len() > 2 && d.starts_with('\'') && d.ends_with('\'') && d != "''";
    Some(if nonempty_literal {
        split
    } else {
        let empty = if n == 1 {
            format!("({text})")
        } else {
            "''".to_string()
        };
        format!("CASE WHEN ({delimiter}) = '' THEN {empty} ELSE {split} END")
    })
}

/// An argument as an operand: as it is when it is a name or a plain literal, in parentheses
/// otherwise.
fn atom(arg: &str) -> String {
    let a = arg.trim();
    let name = !a.is_empty()
        && a.chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '.' | '"'));
    let literal = a.len() >= 2
        && a.starts_with('\'')
        && a.ends_with('\'')
        && !a[1..a.len() - 1].contains('\'');
    if name || literal {
        a.to_string()
    } else {
        format!("({a})")
    }
}

/// Every function, sorted by name.
pub fn functions() -> &'static [Function] {
    FUNCTIONS
}

/// The function of that name (case-insensitive). `current_timestamp` is an accepted spelling of
/// `now`.
pub fn function(name: &str) -> Option<&'static Function> {
    let lower = name.to_ascii_lowercase();
    let lower = match lower.as_str() {
        "current_timestamp" | "localtimestamp" => "now",
        "substring" => "substr",
        "char_length" => "length",
        other => other,
    };
    FUNCTIONS.iter().find(|f| f.name == lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `concat` treats null as empty in every dialect: MySQL's own `concat()` would be null.
    #[test]
    fn concat_skips_nulls_on_mysql() {
        let f = function("concat").expect("concat is a stdlib function");
        let args = ["a".to_string(), "b".to_string()];
        assert_eq!(
            f.render(Dialect::Mysql, &args).as_deref(),
            Some("concat_ws('', a, b)")
        );
    }

    /// An argument's text is not read as a placeholder.
    #[test]
    fn templates_are_filled_in_one_pass() {
        let f = function("replace").expect("replace is a stdlib function");
        let args = ["a".to_string(), "'x'".to_string(), "'$1 $*'".to_string()];
        assert_eq!(
            f.render(Dialect::Postgres, &args).as_deref(),
            Some("replace(a, 'x', '$1 $*')")
        );
        assert_eq!(fill("f($1, $10, $)", &["a".into()]), "f(a, $10, $)");
    }

    #[test]
    fn sorted_and_unique() {
        for pair in FUNCTIONS.windows(2) {
            assert!(
                pair[0].name < pair[1].name,
                "{} before {}",
                pair[0].name,
                pair[1].name
            );
        }
    }

    /// Every function can be spelled for every dialect, or says which calls can (`built`).
    #[test]
    fn every_function_has_a_spelling_per_dialect() {
        for f in FUNCTIONS {
            for d in [Dialect::Postgres, Dialect::Mysql, Dialect::Sqlite] {
                assert!(
                    f.template(d).is_some() || f.built(d).is_some(),
                    "{} has no {d:?} spelling",
                    f.name
                );
            }
        }
    }

    #[test]
    fn renders_per_dialect() {
        let length = function("char_length").map(|f| f.render(Dialect::Mysql, &["name".into()]));
        assert_eq!(length.flatten().as_deref(), Some("char_length(name)"));
        let now = function("NOW").map(|f| f.render(Dialect::Sqlite, &[]));
        assert_eq!(now.flatten().as_deref(), Some("current_timestamp"));
        let split = |n: &str| {
            function("split_part")
                .and_then(|f| f.render(Dialect::Sqlite, &["name".into(), "' '".into(), n.into()]))
        };
        assert_eq!(
            split("1").as_deref(),
            Some("substr(name || ' ', 1, instr(name || ' ', ' ') - 1)")
        );
        assert!(split("2").is_some_and(|s| s.matches("instr").count() == 3));
        for n in ["0", "6", "-1", "id"] {
            assert_eq!(split(n), None, "{n}");
        }
        let greatest =
            function("greatest").and_then(|f| f.render(Dialect::Sqlite, &["a".into(), "b".into()]));
        assert_eq!(greatest.as_deref(), Some("max(a, b)"));
    }
}
