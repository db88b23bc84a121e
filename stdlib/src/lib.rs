//! migc's standard library: the portable types, the functions usable in expressions and the
//! mixins, each with its spelling per dialect, and each dialect's run-time [`Behaviour`].
//! Everything here is data and SQL text; the compiler looks names up, the planner asks for
//! spellings, and the crates that hold connections run what the behaviour says.

mod behaviour;
mod dialect;
mod function;
mod mixin;
pub mod pace;
mod reserved;
mod sql_text;
mod ty;

pub use behaviour::{
    mysql_version_database_head, Behaviour, RunLockKind, MYSQL_VERSION_DATABASE_DIGEST,
    MYSQL_VERSION_DATABASE_LIMIT, MYSQL_VERSION_DATABASE_ROOM,
};
pub use dialect::Dialect;
pub use function::{function, functions, Built, Function, SQLITE_SPLIT_PART_MAX_FIELD};
pub use mixin::{mixin_source, mixins, MixinSource};
pub use reserved::{is_mysql_reserved, is_plain_identifier, is_reserved};
pub use sql_text::{delimiter_for, dollar_quoted, one_line};
pub use ty::{
    builtin_type, builtin_types, is_sqlite_type_name, mysql_set_bytes, mysql_set_members,
    serial_for, serial_of, BuiltinType, MysqlValues, PortableSpelling, TypeArgs, TypeClass,
};
