use serde::{Serialize, Serializer};

macro_rules! codes {
    ($( $(#[doc = $doc:literal])* $variant:ident = $code:literal, )*) => {
        /// The stable code of every kind of finding. Codes are never reused or renumbered:
        /// scripts and CI configurations match on them.
        ///
        /// `E0xxx` are syntax errors, `E1xxx`/`W1xxx` compiler findings, `E2xxx`/`W2xxx` planner
        /// findings, `E3xxx`/`W3xxx` safety lints and `E4xxx`/`W4xxx` findings of reading SQL
        /// and databases.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl Code {
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $code,)*
                }
            }

            /// The one-line description of the code, for listings (and SARIF's short
            /// description of the rule).
            pub fn description(self) -> &'static str {
                match self {
                    $(Code::$variant => concat!($($doc),*).trim_ascii(),)*
                }
            }

            /// The long description of the code, in Markdown: what it means, an example that
            /// triggers it and how to fix it (`migc explain-code CODE`). One file per code under
            /// `explain/`: a code without one does not compile.
            pub fn explanation(self) -> &'static str {
                match self {
                    $(Code::$variant => include_str!(concat!("explain/", $code, ".md")),)*
                }
            }

            /// The name of the variant (`UnknownType`), a stable identifier of the rule.
            pub fn name(self) -> &'static str {
                match self {
                    $(Code::$variant => stringify!($variant),)*
                }
            }
        }
    };
}

codes! {
    /// The text does not follow the `.mig` grammar.
    Syntax = "E0001",
    /// A string literal holds an unknown escape sequence.
    BadEscape = "E0002",
    /// The text holds a NUL character, which no database stores in a name or a text.
    NulCharacter = "E0003",

    /// Two tables, views, enums or mixins share a name.
    DuplicateItem = "E1001",
    /// A table declares the same column twice (directly or through a mixin).
    DuplicateColumn = "E1002",
    /// Two indexes or constraints share a name (names are schema-wide in PostgreSQL and MySQL).
    DuplicateConstraint = "E1003",
    /// A type name that is neither a built-in type nor an enum.
    UnknownType = "E1004",
    /// A type given the wrong arguments, such as `decimal(2, 5)` or `varchar(0)`.
    BadTypeArguments = "E1005",
    /// A table declares more than one primary key.
    MultiplePrimaryKeys = "E1006",
    /// `identity` on a column that is not an integer.
    IdentityNotInteger = "E1007",
    /// A name refers to a table that is not declared.
    UnknownTable = "E1008",
    /// A name refers to a column its table does not have.
    UnknownColumn = "E1009",
    /// A foreign key's columns and referenced columns differ in number or type.
    ForeignKeyMismatch = "E1010",
    /// A foreign key references columns that are not a primary key or unique.
    ForeignKeyNotUnique = "E1011",
    /// An SQL expression that does not parse.
    BadExpression = "E1012",
    /// An expression calls a function the standard library does not know.
    UnknownFunction = "E1013",
    /// An enum column's default is not one of the enum's values.
    NotAnEnumValue = "E1014",
    /// A name longer than the identifier limit of a supported dialect (63 bytes).
    NameTooLong = "E1015",
    /// A transition hint (`from`, `up`, `down`, `retire`, `renamed from`) that cannot work.
    BadTransition = "E1016",
    /// `use` of something the standard library does not have.
    UnknownImport = "E1017",
    /// `include` of a mixin that is not declared or not imported.
    UnknownMixin = "E1018",
    /// An enum lists the same value twice.
    DuplicateEnumValue = "E1019",
    /// An expression that must not refer to columns (a default) does.
    ColumnInDefault = "E1020",
    /// A native type or native block names a dialect migc does not know.
    UnknownDialect = "E1021",
    /// Contradicting column attributes, such as `null` with `not null` or `primary key`.
    ConflictingAttributes = "E1022",
    /// A view's query does not parse or reads a table that is not declared.
    BadView = "E1023",
    /// A declared object is also acknowledged as dropped.
    DroppedButDeclared = "E1024",
    /// A column's default is a literal its type cannot hold (`int32 default 'abc'`).
    DefaultDoesNotFit = "E1025",
    /// A storage choice the table cannot have: `autoincrement` off the table's one-column
    /// integer primary key, `without rowid` without a primary key or with `autoincrement`.
    BadStorage = "E1026",
    /// A table without a primary key: backfills and row comparisons need one.
    NoPrimaryKey = "W1001",
    /// A `use` whose item is never included.
    UnusedImport = "W1002",
    /// An attribute said twice on one column.
    RepeatedAttribute = "W1003",

    /// The changes depend on each other in a circle.
    DependencyCycle = "E2001",
    /// A change migc cannot yet carry out without breaking one of the two application versions.
    Unsupported = "E2002",
    /// A source (snapshot, directory) that cannot be planned from.
    BadSource = "E2003",
    /// A transition hint that no longer matches the deployed state.
    StaleHint = "W2001",
    /// A dropped and an added column (or table) that look like a rename.
    LooksLikeRename = "W2002",
    /// An index the target dialect builds over more rows than declared (a partial index built
    /// whole): the same lookups, a larger index.
    IndexWidened = "W2003",

    /// A table, column or enum value goes away (with its data) without acknowledgement.
    Destructive = "E3001",
    /// A column changes type without `up`/`down` saying how values convert.
    TypeChangeWithoutTransform = "E3002",
    /// A new `not null` column on an existing table with neither a default nor an `up`.
    NotNullWithoutDefault = "E3003",
    /// A constraint added to existing rows that those rows may violate.
    ValidationMayFail = "W3001",
    /// A conversion that may lose information (narrowing, precision, text to number).
    LossyCast = "W3002",
    /// A step whose rollback cannot restore what it removed.
    Irreversible = "W3003",
    /// A change the old application sees before contract.
    OldAppSeesChange = "W3004",
    /// A table both application versions use as it is while the plan rolls out (the dialect
    /// gives them no shape of their own): each sees what the other's shape adds.
    SharedShape = "W3005",

    /// SQL DDL (a `.sql` source) that cannot be parsed.
    SqlSyntax = "E4001",
    /// An object of a database or dump that migc's model does not hold (it is reported by name,
    /// kept as a `native` block where it has SQL to replay, and never dropped by a plan).
    NotImported = "W4001",
}

impl Code {
    /// The code written as `E1004` (any case), if there is one.
    pub fn parse(text: &str) -> Option<Code> {
        let text = text.trim();
        Code::ALL
            .iter()
            .copied()
            .find(|c| c.as_str().eq_ignore_ascii_case(text))
    }

    /// How a finding of this code is reported unless asked otherwise (`--deny warnings`):
    /// codes starting with `E` are errors, those starting with `W` warnings.
    pub fn default_severity(self) -> crate::Severity {
        if self.as_str().starts_with('W') {
            crate::Severity::Warning
        } else {
            crate::Severity::Error
        }
    }

    /// The first paragraph of the explanation after its title: what the code means.
    pub fn meaning(self) -> &'static str {
        let text = self.explanation();
        let body = text
            .split_once('\n')
            .map(|(title, rest)| if title.starts_with("# ") { rest } else { text })
            .unwrap_or(text)
            .trim_start();
        body.split("\n\n").next().unwrap_or(body).trim()
    }
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn codes_are_unique_and_described() {
        let mut seen = BTreeSet::new();
        for code in Code::ALL {
            assert!(seen.insert(code.as_str()), "{} twice", code.as_str());
            assert!(!code.description().is_empty());
        }
    }

    /// Every code has a long description in the same shape: a title naming the code, what it
    /// means, an example and how to fix it.
    #[test]
    fn every_code_is_explained() {
        for code in Code::ALL {
            let text = code.explanation();
            let title = format!("# {}: ", code.as_str());
            assert!(
                text.starts_with(&title),
                "explain/{code}.md does not start with `{title}`"
            );
            assert!(
                !code.meaning().is_empty() && !code.meaning().starts_with('#'),
                "explain/{code}.md says nothing before its first section"
            );
            for section in ["\n## Example\n", "\n## How to fix\n"] {
                assert!(
                    text.contains(section),
                    "explain/{code}.md has no `{}` section",
                    section.trim()
                );
            }
            assert!(
                text.contains("\n```"),
                "explain/{code}.md has no example in a code block"
            );
            assert!(text.ends_with('\n') && !text.ends_with("\n\n"));
        }
    }

    #[test]
    fn codes_parse_in_any_case() {
        assert_eq!(Code::parse("E1004"), Some(Code::UnknownType));
        assert_eq!(Code::parse("w3005"), Some(Code::SharedShape));
        assert_eq!(Code::parse(" E0001 "), Some(Code::Syntax));
        for text in ["", "E", "E9999", "1004", "E1004x", "UnknownType"] {
            assert_eq!(Code::parse(text), None, "{text}");
        }
        assert_eq!(Code::UnknownType.default_severity(), crate::Severity::Error);
        assert_eq!(
            Code::NoPrimaryKey.default_severity(),
            crate::Severity::Warning
        );
    }
}
