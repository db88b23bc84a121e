//! The recipe of every kind of change: which steps land in which phase, in which order, and
//! which findings the safety lint reports. No database needed.

use migc_compiler::schema::Schema;
use migc_grammar::Sources;
use migc_planner::{plan, Options, Plan};

fn schema(text: &str) -> Schema {
    let mut sources = Sources::new();
    let file = sources.add("t.mig", text);
    let compiled = migc_compiler::compile(&mut sources, &[file]);
    match compiled.schema {
        Some(s) => s,
        None => panic!("does not compile: {:#?}", compiled.diagnostics),
    }
}

fn planned(from: &str, to: &str) -> Plan {
    plan(&schema(from), &schema(to), &Options::default())
}

/// `phase: summary` per step, in execution order.
fn steps(p: &Plan) -> Vec<String> {
    p.steps
        .iter()
        .map(|s| format!("{}: {}", s.phase.name(), s.summary))
        .collect()
}

fn codes(p: &Plan) -> Vec<&'static str> {
    p.diagnostics.iter().map(|d| d.code.as_str()).collect()
}

#[track_caller]
fn case(from: &str, to: &str, expected_steps: &[&str], expected_codes: &[&str]) {
    let p = planned(from, to);
    assert_eq!(codes(&p), expected_codes, "findings: {:#?}", p.diagnostics);
    assert_eq!(steps(&p), expected_steps);
}

const USERS: &str = "table users {\n  id bigint primary key identity\n  name text not null\n}\n";

#[test]
fn identical_schemas_plan_nothing() {
    case(USERS, USERS, &[], &[]);
}

#[test]
fn new_table_with_foreign_key_cycle() {
    case(
        "",
        "table a {\n  id bigint primary key\n  b_id bigint references b(id)\n}\ntable b {\n  id bigint primary key\n  a_id bigint references a(id)\n}\n",
        &[
            "expand: create table `a`",
            "expand: create table `b`",
            "expand: add foreign key `a_b_id_fkey` on `a`",
            "expand: add foreign key `b_a_id_fkey` on `b`",
        ],
        &[],
    );
}

#[test]
fn nullable_column_is_one_expand_step() {
    case(
        USERS,
        "table users {\n  id bigint primary key identity\n  name text not null\n  nick text\n}\n",
        &["expand: add column `users.nick`"],
        &[],
    );
}

#[test]
fn not_null_column_needs_a_default() {
    let p = planned(USERS, "table users {\n  id bigint primary key identity\n  name text not null\n  nick text not null\n}\n");
    assert_eq!(codes(&p), ["E3003"]);
    assert!(p.has_errors());
}

#[test]
fn volatile_default_is_backfilled() {
    case(
        USERS,
        "table users {\n  id bigint primary key identity\n  name text not null\n  token uuid not null default gen_uuid()\n}\n",
        &[
            "expand: add column `users.token`",
            "expand: set the default of `users.token` for new rows",
            "backfill: backfill `users.token` with its default",
            "switch: check `users.token` is not null, without scanning",
            "switch: validate that `users.token` holds no null",
            "switch: set `users.token` not null",
        ],
        &[],
    );
}

#[test]
fn rename_goes_through_a_synced_column() {
    case(
        USERS,
        "table users {\n  id bigint primary key identity\n  full_name text not null renamed from name\n}\n",
        &[
            "expand: add column `users.full_name` (filled from the deployed shape)",
            "expand: install the dual-write trigger on `users`",
            "backfill: backfill `full_name` on `users`",
            "switch: check `users.full_name` is not null, without scanning",
            "switch: validate that `users.full_name` holds no null",
            "switch: set `users.full_name` not null",
            "contract: let `users.name` accept null before the dual-write trigger goes",
            "contract: remove the dual-write trigger on `users`",
            "contract: drop column `users.name`",
        ],
        &[],
    );
}

#[test]
fn split_retires_the_source_with_its_down() {
    let to = "table users {\n  id bigint primary key identity\n  first text not null from name up (split_part(name, ' ', 1))\n  last text not null from name up (split_part(name, ' ', 2))\n  retire name down (first || ' ' || last)\n}\n";
    let p = planned(USERS, to);
    assert_eq!(codes(&p), Vec::<&str>::new());
    let sync = p
        .steps
        .iter()
        .find_map(|s| match &s.op {
            migc_planner::step::Op::InstallSync { sync, .. } => Some(sync.clone()),
            _ => None,
        })
        .expect("a dual-write trigger");
    let new: Vec<&str> = sync.new_columns.iter().map(|(c, _)| c.as_str()).collect();
    assert_eq!(new, ["first", "last"]);
    assert_eq!(sync.old_columns.len(), 1);
    assert_eq!(sync.old_columns[0].0, "name");
    assert_eq!(
        sync.old_columns[0].1.as_ref().map(|e| e.sql.as_str()),
        Some("first || ' ' || last")
    );
    assert!(steps(&p).contains(&"contract: drop column `users.name`".to_string()));
}

#[test]
fn dropping_needs_acknowledgement() {
    let p = planned(
        USERS,
        "table users {\n  id bigint primary key identity\n}\n",
    );
    assert_eq!(codes(&p), ["E3001"]);
    case(
        USERS,
        "table users {\n  id bigint primary key identity\n  drop column name\n}\n",
        &[
            "expand: let `users.name` accept null (the new application does not write it)",
            "contract: drop column `users.name`",
        ],
        &["W3003", "W3004"],
    );
    let p = planned(
        &format!("{USERS}table old {{\n  id bigint primary key\n}}\n"),
        USERS,
    );
    assert_eq!(codes(&p), ["E3001"]);
    let allowed = plan(
        &schema(&format!(
            "{USERS}table old {{\n  id bigint primary key\n}}\n"
        )),
        &schema(USERS),
        &Options {
            allow_destructive: true,
            ..Default::default()
        },
    );
    assert!(!allowed.has_errors());
    assert_eq!(codes(&allowed), ["W3003"]);
    assert_eq!(
        allowed.diagnostics[0].message,
        "table `old` and its data are gone after contract"
    );
    assert_eq!(steps(&allowed), ["contract: drop table `old`"]);
}

#[test]
fn look_alike_rename_gets_a_hint() {
    let p = planned(
        USERS,
        "table users {\n  id bigint primary key identity\n  nick text not null\n}\n",
    );
    // The new column also lacks a default.
    assert_eq!(codes(&p), ["E3001", "W2002", "E3003"]);
    let help = p.diagnostics[1].help.as_deref().unwrap_or_default();
    assert_eq!(
        help,
        "if it is a rename, write `nick text renamed from name`"
    );
}

#[test]
fn type_change_needs_up_and_down() {
    let p = planned(
        USERS,
        "table users {\n  id bigint primary key identity\n  name int64 not null\n}\n",
    );
    assert_eq!(codes(&p), ["E3002"]);
}

#[test]
fn widening_happens_in_place() {
    case(
        "table t {\n  id bigint primary key\n  code varchar(10)\n}\n",
        "table t {\n  id bigint primary key\n  code varchar(20)\n}\n",
        &["expand: widen `t.code` from `varchar(10)` to `varchar(20)`"],
        &[],
    );
}

#[test]
fn type_change_with_up_uses_a_shadow_column() {
    case(
        "table t {\n  id bigint primary key\n  n int32 not null check (n >= 0)\n}\n",
        "table t {\n  id bigint primary key\n  n int64 not null check (n >= 0) up (n) down (n)\n}\n",
        &[
            "expand: add shadow column `t.n__migc_new` of type `int64` for `n`",
            "expand: add check `t_n_check__migc` on `t` for new rows",
            "expand: install the dual-write trigger on `t`",
            "backfill: backfill `n__migc_new` on `t`",
            "switch: check `t.n__migc_new` is not null, without scanning",
            "switch: validate that `t.n__migc_new` holds no null",
            "switch: set `t.n__migc_new` not null",
            "switch: validate check `t_n_check__migc` on existing rows",
            "contract: drop check `t_n_check` on `t`",
            "contract: drop column `t.n`",
            "contract: put shadow column `n__migc_new` in place of `t.n`",
            "contract: rename constraint `t_n_check__migc` to `t_n_check` on `t`",
            "contract: remove the dual-write trigger on `t`",
        ],
        &["W3004"],
    );
}

#[test]
fn constraints_on_existing_rows_are_validated_in_switch() {
    case(
        "table p {\n  id bigint primary key\n}\ntable c {\n  id bigint primary key\n  p_id bigint\n  email text\n}\n",
        "table p {\n  id bigint primary key\n}\ntable c {\n  id bigint primary key\n  p_id bigint references p(id)\n  email text unique check (length(email) > 3)\n}\n",
        &[
            "expand: create unique index `c_email_key` on `c`",
            "expand: add check `c_email_check` on `c` for new rows",
            "expand: add foreign key `c_p_id_fkey` on `c` for new rows",
            "switch: turn index `c_email_key` into a unique constraint",
            "switch: validate check `c_email_check` on existing rows",
            "switch: validate foreign key `c_p_id_fkey` on existing rows",
        ],
        &["W3001", "W3001", "W3001"],
    );
}

#[test]
fn table_rename_is_a_view_until_contract() {
    case(
        USERS,
        "table people renamed from users {\n  id bigint primary key identity\n  name text not null\n}\n",
        &[
            "expand: expose table `users` as `people` (an updatable view)",
            "contract: drop the view `people` standing for table `users`",
            "contract: rename constraint `users_pkey` to `people_pkey` on `users`",
            "contract: rename table `users` to `people`",
        ],
        &[],
    );
}

#[test]
fn enum_values() {
    case(
        "enum s { a, b }\ntable t {\n  id bigint primary key\n  s s not null\n}\n",
        "enum s { a, b, c }\ntable t {\n  id bigint primary key\n  s s not null\n}\n",
        &["expand: add value `c` to enum `s`"],
        // The old application's column accepts `c` too until contract.
        &["W3004"],
    );
    let p = planned(
        "enum s { a, b }\ntable t {\n  id bigint primary key\n  s s not null\n}\n",
        "enum s { a }\ntable t {\n  id bigint primary key\n  s s not null\n}\n",
    );
    assert_eq!(codes(&p), ["E3001"]);
    let p = planned(
        "enum s { a, b }\ntable t {\n  id bigint primary key\n  s s not null\n}\n",
        "enum s { a, drop b }\ntable t {\n  id bigint primary key\n  s s not null\n}\n",
    );
    assert!(!p.has_errors(), "{:#?}", p.diagnostics);
    let s = steps(&p);
    assert_eq!(
        s.first().map(String::as_str),
        Some("expand: create enum `s__migc`, the new shape of `s` (without `b`)")
    );
    let pos = |x: &str| {
        s.iter()
            .position(|y| y == x)
            .unwrap_or_else(|| panic!("no `{x}` in {s:#?}"))
    };
    assert!(pos("contract: drop column `t.s`") < pos("contract: give enum `s__migc` the name `s`"));
    // A renamed value: the new label is added for the overlap, the type rebuilt to map rows.
    let p = planned(
        "enum s { a, b }\ntable t {\n  id bigint primary key\n  s s not null\n}\n",
        "enum s { a, c renamed from b }\ntable t {\n  id bigint primary key\n  s s not null\n}\n",
    );
    assert_eq!(codes(&p), ["W3004"]);
    let s = steps(&p);
    assert_eq!(s[0], "expand: add value `c` to enum `s` (renamed from `b`)");
    assert!(
        s.contains(&"contract: give enum `s__migc` the name `s`".to_string()),
        "{s:#?}"
    );
}

#[test]
fn stale_hints_are_warnings() {
    let p = planned(USERS, "table users {\n  id bigint primary key identity\n  name text not null renamed from nom\n}\n");
    assert_eq!(codes(&p), ["W2001"]);
    assert_eq!(p.steps.len(), 0);
}

#[test]
fn dependent_view_is_recreated_around_a_column_drop() {
    let from = "table t {\n  id bigint primary key\n  a text\n  b text\n}\nview v as (select id, a from t)\n";
    let to = "table t {\n  id bigint primary key\n  a text\n  drop column b\n}\nview v as (select id, a from t)\n";
    let s = steps(&planned(from, to));
    let pos = |x: &str| {
        s.iter()
            .position(|y| y == x)
            .unwrap_or_else(|| panic!("no `{x}` in {s:#?}"))
    };
    assert!(
        pos("contract: drop view `v` while its tables change") < pos("contract: drop column `t.b`")
    );
    assert!(pos("contract: drop column `t.b`") < pos("contract: recreate view `v`"));
}

#[test]
fn same_input_same_plan() {
    let from = schema("table a {\n  id bigint primary key\n  x text\n}\n");
    let to = schema("table a {\n  id bigint primary key\n  y text renamed from x\n  z int32 default 1\n}\ntable b {\n  id bigint primary key\n  a_id bigint references a(id)\n}\n");
    let one = steps(&plan(&from, &to, &Options::default()));
    for _ in 0..5 {
        assert_eq!(steps(&plan(&from, &to, &Options::default())), one);
    }
}

#[test]
fn a_table_that_looks_renamed_gets_a_hint() {
    let p = planned(
        USERS,
        "table people {\n  id bigint primary key identity\n  name text not null\n}\n",
    );
    assert_eq!(codes(&p), ["E3001", "W2002"]);
    assert_eq!(
        p.diagnostics[1].help.as_deref(),
        Some("if it is a rename, write `table people renamed from users`")
    );
}

/// `migc check` refuses views that read each other (E1023); a schema read from elsewhere (a
/// snapshot) can still hold such a circle, which the planner names.
#[test]
fn a_dependency_cycle_names_its_members() {
    let mut to = schema(
        "table t {\n  id bigint primary key\n}\nview a as (select id from t)\nview b as (select id from a)\n",
    );
    to.views.get_mut("a").expect("view a").depends_on = vec!["b".to_string()];
    let p = plan(
        &schema("table t {\n  id bigint primary key\n}\n"),
        &to,
        &Options::default(),
    );
    assert_eq!(codes(&p), ["E2001"]);
    assert_eq!(
        p.diagnostics[0].message,
        "the changes depend on each other in a circle: create view `a`; create view `b`"
    );
}

/// A check added to a deployed table: where the dialect adds it only by copying the table
/// (MySQL), the planner places the copy's four steps in their phases, named after the check,
/// the copy made after what expand does to the table and the steps on the table at switch and
/// contract after the copy's; where it adds it `NOT VALID` (PostgreSQL), no copy.
#[test]
fn a_check_on_a_deployed_table_is_copied_in_phases_where_the_dialect_needs_a_copy() {
    let from = "table items {\n  id bigint primary key\n  qty int not null\n}\n";
    let to = "table items {\n  id bigint primary key\n  qty int not null\n  note text null\n  check items_qty_positive (qty > 0)\n}\n";
    let (old, new) = (schema(from), schema(to));
    let p = plan(&old, &new, &Options::default());
    let labels = migc_planner::Labels {
        from: "from",
        to: "to",
    };
    let steps = |dialect| {
        let files = migc_planner::render(&p, &old, &new, dialect, &labels, &|_| None)
            .unwrap_or_else(|e| panic!("renders: {e:#?}"));
        let m = migc_planner::manifest::from_json(&files.files["manifest.json"]).expect("manifest");
        m.phases
            .iter()
            .flat_map(|ph| ph.steps.iter().map(|s| (s.id.clone(), s.after.clone())))
            .collect::<Vec<_>>()
    };
    let mysql = steps(migc_stdlib::Dialect::Mysql);
    // The table gains a column: each version is shown it in its shape (a view in a database of
    // its own), made after the rest of expand and dropped at contract for the old version.
    let (views, ids): (Vec<&str>, Vec<&str>) = mysql
        .iter()
        .map(|(id, _)| id.as_str())
        .partition(|id| id.contains("version_view"));
    assert_eq!(
        views,
        [
            "expand.create_version_view.items.old",
            "expand.create_version_view.items.new",
            "contract.drop_version_view.items.old",
        ]
    );
    assert_eq!(
        ids,
        [
            "expand.add_column.items.note",
            "expand.add_check.items.items_qty_positive",
            "expand.copy_create.add_check.items.items_qty_positive",
            "backfill.copy_fill.add_check.items.items_qty_positive",
            "switch.copy_swap.add_check.items.items_qty_positive",
            "switch.validate_constraint.items.items_qty_positive",
            "contract.copy_drop_old.add_check.items.items_qty_positive",
        ]
    );
    let after = |id: &str| {
        mysql.iter().find(|(i, _)| i == id).map(|(_, a)| {
            a.iter()
                .filter(|x| !x.contains("version_view"))
                .cloned()
                .collect::<Vec<_>>()
        })
    };
    assert_eq!(
        after("expand.copy_create.add_check.items.items_qty_positive"),
        Some(vec![
            "expand.add_column.items.note".to_string(),
            "expand.add_check.items.items_qty_positive".to_string(),
        ])
    );
    assert_eq!(
        after("switch.validate_constraint.items.items_qty_positive"),
        Some(vec![
            "switch.copy_swap.add_check.items.items_qty_positive".to_string()
        ])
    );
    let postgres = steps(migc_stdlib::Dialect::Postgres);
    assert!(
        postgres.iter().all(|(id, _)| !id.contains(".copy_")),
        "{postgres:?}"
    );
}

#[track_caller]
fn case_for_mysql(from: &str, to: &str, expected_steps: &[&str], expected_codes: &[&str]) {
    let options = Options::for_dialect(migc_stdlib::Dialect::Mysql, false);
    let p = plan(&schema(from), &schema(to), &options);
    assert_eq!(codes(&p), expected_codes, "findings: {:#?}", p.diagnostics);
    assert_eq!(steps(&p), expected_steps);
}

#[test]
fn mysql_changes_a_key_columns_type_in_place_and_others_refuse_it() {
    let from = "table t {\n  id native(mysql: \"int(10) unsigned\") primary key identity\n}\n";
    let to = "table t {\n  id native(mysql: \"bigint(20) unsigned\") primary key identity\n}\n";
    case_for_mysql(
        from,
        to,
        &["expand: widen `t.id` from `native(mysql: \"int(10) unsigned\")` to `native(mysql: \"bigint(20) unsigned\")`"],
        &[],
    );
    let p = planned(
        "table t {\n  id int32 primary key identity\n}\n",
        "table t {\n  id int64 primary key identity\n}\n",
    );
    assert_eq!(codes(&p), ["E2002"]);
    // Signed to unsigned is no widening.
    let p = planned(
        "table t {\n  id bigint primary key\n  n native(mysql: \"bigint\")\n}\n",
        "table t {\n  id bigint primary key\n  n native(mysql: \"bigint unsigned\")\n}\n",
    );
    assert_eq!(codes(&p), ["E3002"]);
}

#[test]
fn mysql_collations_and_update_times_change_on_deployed_columns() {
    case_for_mysql(
        "table t {\n  id bigint primary key\n  a text collate(mysql: \"utf8mb4_unicode_ci\")\n  at timestamp\n  gone timestamp on update now()\n}\n",
        "table t {\n  id bigint primary key\n  a text collate(mysql: \"utf8mb4_bin\")\n  at timestamp on update now()\n  gone timestamp\n}\n",
        &[
            "expand: change the collation of `t.a`",
            "expand: add `on update now()` to `t.at`",
            "contract: remove `on update now()` from `t.gone`",
        ],
        &[],
    );
    // PostgreSQL rebuilds the column's indexes under a lock: refused.
    let p = plan(
        &schema("table t {\n  id bigint primary key\n  a text collate(postgres: \"C\")\n}\n"),
        &schema("table t {\n  id bigint primary key\n  a text collate(postgres: \"POSIX\")\n}\n"),
        &Options::for_dialect(migc_stdlib::Dialect::Postgres, false),
    );
    assert_eq!(codes(&p), ["E2002"]);
}

#[test]
fn mysql_moves_deployed_columns_into_the_declared_order() {
    case_for_mysql(
        "table t {\n  a int32\n  b int32\n  c int32\n}\n",
        "table t {\n  c int32\n  n int32\n  a int32\n  b int32\n}\n",
        &[
            "expand: add column `t.n`",
            "expand: move `t.c` first",
            "expand: move `t.n` after `c`",
        ],
        &[],
    );
    // Elsewhere the order of deployed columns is not planned.
    case(
        "table t {\n  a int32\n  b int32\n}\n",
        "table t {\n  b int32\n  a int32\n}\n",
        &[],
        &[],
    );
}
