//! The declared schema as a database stores it. A catalog gives back its own spelling of what
//! migc created: PostgreSQL rewrites view queries and checks (`BETWEEN` becomes two
//! comparisons, casts appear), MySQL qualifies every column of a view, SQLite keeps enums as
//! text with a check. Comparing a database with the declared schema as written would report
//! all of that as drift. So the declared schema is built from nothing, by the plan `migc plan`
//! writes from `empty`, on a scratch database of the same kind (beside the one compared on
//! its server, or a temporary SQLite file), and read back through the same catalog queries:
//! what reads back the same from both databases is the same.

use crate::run::{self, Options, Target};
use crate::{PlanDir, Scratch};
use migc_compiler::schema::{ColumnType, Enum, Schema, Table, View};
use migc_db::DbUrl;
use migc_import::drift::{compare, Difference};
use migc_import::Unread;
use migc_planner::{Labels, Locate};
use std::collections::BTreeSet;

/// The declared schema built on a scratch database like `server`'s and read back. `locate`
/// names the declared schema's places in the scripts' step comments.
pub fn build(declared: &Schema, server: &DbUrl, locate: Locate<'_>) -> Result<Schema, String> {
    let labels = Labels {
        from: "empty",
        to: "declared",
    };
    let plan = PlanDir::plan(
        &Schema::default(),
        declared,
        &labels,
        server.dialect(),
        false,
        locate,
        &mut Vec::new(),
    )
    .ok_or_else(|| "the declared schema does not plan from `empty`".to_string())?;
    let opts = Options {
        output: crate::report::Output::Quiet,
        pause: Some(std::time::Duration::ZERO),
        ..Options::default()
    };
    let scratch = Scratch::create(server).map_err(|e| e.to_string())?;
    let url = &scratch.url;
    let mut conn = migc_db::connect_or_create(url).map_err(|e| e.to_string())?;
    run::apply(
        url,
        conn.as_mut(),
        &plan,
        &Target::Through("contract".into()),
        &opts,
    )
    .map_err(|e| e.to_string())?;
    drop(conn);
    migc_import::read_database(url)
        .map(|i| i.schema)
        .map_err(|e| e.to_string())
}

/// The differences between the database and the declared schema that are not the catalog's
/// own spelling: those the database also shows against the declared schema as stored, in
/// the words of the declared schema where it has the object, else as stored.
pub fn drift(
    database: &Schema,
    declared: &Schema,
    stored: &Schema,
    foreign: &[String],
) -> Vec<Difference> {
    let real = compare(database, stored, foreign);
    let key = |d: &Difference| (d.object.clone(), d.what.clone());
    let real_keys: BTreeSet<(String, String)> = real.iter().map(key).collect();
    let mut out: Vec<Difference> = compare(database, declared, foreign)
        .into_iter()
        .filter(|d| real_keys.contains(&key(d)))
        .collect();
    let kept: BTreeSet<(String, String)> = out.iter().map(key).collect();
    out.extend(real.into_iter().filter(|d| !kept.contains(&key(d))));
    out
}

/// The declared schema as the database of `server` stores it, for comparing `database` (read
/// from there) with it; the objects in `foreign` that the declared native blocks made leave
/// it (they are the blocks'). When it cannot be built (no right to create a database), why:
/// the comparison is then with the declared schema as written.
pub fn for_comparison(
    declared: &Schema,
    server: &DbUrl,
    locate: Locate<'_>,
    database: &Schema,
    foreign: &mut Vec<Unread>,
) -> Result<Schema, String> {
    let (subset, held) = to_build(declared, database);
    let enums_alike = declared.enums.iter().all(|(name, e)| {
        database
            .enums
            .get(name)
            .is_some_and(|d| alike(only_enum(d), only_enum(e)))
    });
    let mut stored = if subset.tables.is_empty() && subset.views.is_empty() && enums_alike {
        Schema::default()
    } else {
        build(&subset, server, locate)?
    };
    // What the database holds alike as written, it stores as it holds it: the tables and
    // views, and the enums they use (MySQL's are its columns', named after them).
    for name in &held.tables {
        stored
            .tables
            .insert(name.clone(), database.tables[name].clone());
    }
    for name in &held.views {
        stored
            .views
            .insert(name.clone(), database.views[name].clone());
    }
    let used: BTreeSet<&str> = held
        .tables
        .iter()
        .flat_map(|t| &database.tables[t].columns)
        .filter_map(|c| match &c.ty {
            ColumnType::Enum { name, .. } => Some(name.as_str()),
            _ => None,
        })
        .collect();
    for (name, e) in &database.enums {
        let held_alike =
            used.contains(name.as_str()) || (enums_alike && declared.enums.contains_key(name));
        if held_alike && !stored.enums.contains_key(name) {
            stored.enums.insert(name.clone(), e.clone());
        }
    }
    let made = natives_made(database, &stored);
    foreign.retain(|u| !made.contains(&u.native_name()));
    Ok(stored)
}

/// The names of the declared tables and views a database holds alike as written.
#[derive(Default)]
struct Held {
    tables: BTreeSet<String>,
    views: BTreeSet<String>,
}

/// The part of the declared schema to build on a scratch database: the tables and views the
/// database does not hold alike as written, with the tables their foreign keys reference and
/// the relations their views read (transitively), and every enum; what the database holds
/// alike needs no building (built, it would read back as the database holds it). Everything
/// when the declared schema has native blocks, which may make or need any object.
fn to_build(declared: &Schema, database: &Schema) -> (Schema, Held) {
    if !declared.natives.is_empty() {
        return (declared.clone(), Held::default());
    }
    let mut tables: BTreeSet<String> = declared
        .tables
        .iter()
        .filter(|(name, t)| {
            database
                .tables
                .get(*name)
                .is_none_or(|db| !alike(only_table(db), only_table(t)))
        })
        .map(|(name, _)| name.clone())
        .collect();
    let mut views: BTreeSet<String> = declared
        .views
        .iter()
        .filter(|(name, v)| {
            database
                .views
                .get(*name)
                .is_none_or(|db| !alike(only_view(db), only_view(v)))
        })
        .map(|(name, _)| name.clone())
        .collect();
    // What they need, until nothing more is needed.
    loop {
        let mut needed: Vec<String> = Vec::new();
        for t in tables.iter().filter_map(|n| declared.tables.get(n)) {
            needed.extend(t.foreign_keys.iter().map(|f| f.ref_table.clone()));
        }
        for v in views.iter().filter_map(|n| declared.views.get(n)) {
            needed.extend(v.depends_on.iter().cloned());
        }
        let before = tables.len() + views.len();
        for n in needed {
            if declared.tables.contains_key(&n) {
                tables.insert(n);
            } else if declared.views.contains_key(&n) {
                views.insert(n);
            }
        }
        if tables.len() + views.len() == before {
            break;
        }
    }
    let held = Held {
        tables: declared
            .tables
            .keys()
            .filter(|n| !tables.contains(*n))
            .cloned()
            .collect(),
        views: declared
            .views
            .keys()
            .filter(|n| !views.contains(*n))
            .cloned()
            .collect(),
    };
    let subset = Schema {
        tables: declared
            .tables
            .iter()
            .filter(|(n, _)| tables.contains(*n))
            .map(|(n, t)| (n.clone(), t.clone()))
            .collect(),
        views: declared
            .views
            .iter()
            .filter(|(n, _)| views.contains(*n))
            .map(|(n, v)| (n.clone(), v.clone()))
            .collect(),
        ..declared.clone()
    };
    (subset, held)
}

/// The objects outside the model (read as native blocks) that the declared schema's own
/// native blocks made: those the database holds as the declared schema stored holds them.
fn natives_made(database: &Schema, stored: &Schema) -> BTreeSet<String> {
    stored
        .natives
        .iter()
        .filter(|(name, n)| {
            database
                .natives
                .get(*name)
                .is_some_and(|d| d.up == n.up && d.dialects == n.dialects)
        })
        .map(|(name, _)| name.clone())
        .collect()
}

/// Whether two schemas read alike: nothing `drift` would report.
fn alike(a: Schema, b: Schema) -> bool {
    compare(&a, &b, &[]).is_empty()
}

fn only_table(t: &Table) -> Schema {
    Schema {
        tables: [(t.name.clone(), t.clone())].into(),
        ..Schema::default()
    }
}

fn only_view(v: &View) -> Schema {
    Schema {
        views: [(v.name.clone(), v.clone())].into(),
        ..Schema::default()
    }
}

fn only_enum(e: &Enum) -> Schema {
    Schema {
        enums: [(e.name.clone(), e.clone())].into(),
        ..Schema::default()
    }
}

/// The database's schema with each table, view and enum that reads back exactly as the
/// declared one stored replaced by the declared one, so that a plan from the database sees
/// no change where there is none; likewise the declared native blocks, when the database
/// holds every object they made. Anything else is left as the database has it.
pub fn reconcile(database: &mut Schema, declared: &Schema, stored: &Schema) {
    let made = natives_made(database, stored);
    if made.len() == stored.natives.len() {
        for name in &made {
            database.natives.remove(name);
        }
        for (name, n) in &declared.natives {
            database.natives.insert(name.clone(), n.clone());
        }
    }
    for (name, t) in &declared.tables {
        let (Some(db), Some(st)) = (database.tables.get(name), stored.tables.get(name)) else {
            continue;
        };
        if alike(only_table(db), only_table(st)) {
            database.tables.insert(name.clone(), t.clone());
        } else if let Some(db) = database.tables.get_mut(name) {
            reconcile_parts(db, st, t);
        }
    }
    for (name, v) in &declared.views {
        let (Some(db), Some(st)) = (database.views.get(name), stored.views.get(name)) else {
            continue;
        };
        if alike(only_view(db), only_view(st)) {
            database.views.insert(name.clone(), v.clone());
        }
    }
    for (name, e) in &declared.enums {
        let take = match (database.enums.get(name), stored.enums.get(name)) {
            // A dialect without enum types (SQLite) stores none: its columns were compared.
            (None, None) => true,
            (Some(db), Some(st)) => alike(only_enum(db), only_enum(st)),
            _ => false,
        };
        if take {
            database.enums.insert(name.clone(), e.clone());
        }
    }
    // Enums the dialect makes of the declared ones (MySQL: one per column, named after it),
    // stored alike and no longer used by a table left as the database has it.
    let used: BTreeSet<String> = database
        .tables
        .values()
        .flat_map(|t| &t.columns)
        .filter_map(|c| match &c.ty {
            ColumnType::Enum { name, .. } => Some(name.clone()),
            _ => None,
        })
        .collect();
    let spelled: Vec<String> = database
        .enums
        .keys()
        .filter(|n| !declared.enums.contains_key(*n) && !used.contains(*n))
        .filter(|n| {
            stored
                .enums
                .get(*n)
                .is_some_and(|st| alike(only_enum(&database.enums[*n]), only_enum(st)))
        })
        .cloned()
        .collect();
    for n in spelled {
        database.enums.remove(&n);
    }
}

/// A table the database holds with changes of its own: each column, constraint and index
/// that reads back exactly as the declared one stored is taken from the declared table, and
/// what the dialect adds for a declared object (SQLite's check of an enum column), stored
/// alike, goes.
fn reconcile_parts(db: &mut Table, stored: &Table, declared: &Table) {
    let bare = |t: &Table| Table {
        columns: Vec::new(),
        primary_key: None,
        uniques: Vec::new(),
        checks: Vec::new(),
        foreign_keys: Vec::new(),
        indexes: Vec::new(),
        comment: None,
        strict: false,
        without_rowid: false,
        ..t.clone()
    };
    for c in &declared.columns {
        let (Some(i), Some(sc)) = (
            db.columns.iter().position(|x| x.name == c.name),
            stored.column(&c.name),
        ) else {
            continue;
        };
        let a = Table {
            columns: vec![db.columns[i].clone()],
            ..bare(db)
        };
        let b = Table {
            columns: vec![sc.clone()],
            ..bare(stored)
        };
        if alike(only_table(&a), only_table(&b)) {
            db.columns[i] = c.clone();
        }
    }
    // Constraints and indexes by name, one kind at a time.
    macro_rules! by_name {
        ($field:ident) => {
            let mut kept = Vec::new();
            for x in std::mem::take(&mut db.$field) {
                let in_stored = stored.$field.iter().find(|s| s.name == x.name);
                let in_declared = declared.$field.iter().find(|d| d.name == x.name);
                let alike = in_stored.is_some_and(|s| {
                    let mut a = bare(db);
                    a.$field = vec![x.clone()];
                    let mut b = bare(stored);
                    b.$field = vec![s.clone()];
                    alike(only_table(&a), only_table(&b))
                });
                match (alike, in_declared) {
                    (true, Some(d)) => kept.push(d.clone()),
                    (true, None) => {}
                    (false, _) => kept.push(x),
                }
            }
            db.$field = kept;
        };
    }
    by_name!(checks);
    by_name!(uniques);
    by_name!(foreign_keys);
    by_name!(indexes);
    if db.comment == stored.comment {
        db.comment = declared.comment.clone();
    }
}
