//! Support for the tests of `migc apply`, `rollback`, `status` and `verify`: the real binary
//! run and spawned, schemas and plans written to temporary directories, scratch databases on
//! the servers named by `MIGC_TEST_POSTGRES_URL` and `MIGC_TEST_MYSQL_URL` (each test makes its
//! own and drops it), and queries through `migc-db`.

#![allow(dead_code)]

use migc_db::{Connection, DbUrl};
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Output, Stdio};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::time::{Duration, Instant};

pub fn migc() -> &'static str {
    env!("CARGO_BIN_EXE_migc")
}

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `migc ARGS` to the end.
pub fn run(args: &[&str]) -> Output {
    Command::new(migc())
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run migc: {e}"))
}

pub fn text(out: &[u8]) -> String {
    String::from_utf8_lossy(out).into_owned()
}

/// The exit code, stdout and stderr of a finished run, for messages.
pub fn show(o: &Output) -> String {
    format!(
        "exit {:?}\n--- stdout\n{}--- stderr\n{}",
        o.status.code(),
        text(&o.stdout),
        text(&o.stderr)
    )
}

#[track_caller]
pub fn expect(o: &Output, code: i32) {
    assert_eq!(o.status.code(), Some(code), "{}", show(o));
}

/// The v1 and v2 schemas of the tests: v2 adds a column computed from v1's (a backfill).
pub const V1: &str = "table t {\n  id bigint primary key\n  a  text   not null\n}\n";
pub const V2: &str =
    "table t {\n  id bigint primary key\n  a  text   not null\n  b  text   null from a up (upper(a))\n}\n";
/// v1 plus an index (a step that PostgreSQL builds CONCURRENTLY, outside any transaction).
pub const V1_INDEXED: &str =
    "table t {\n  id bigint primary key\n  a  text   not null\n  index t_a_idx (a)\n}\n";

/// A temporary directory with schemas and plans.
pub struct Work {
    pub dir: tempfile::TempDir,
}

impl Work {
    pub fn new() -> Work {
        Work {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Writes `name/schema.mig`.
    pub fn schema(&self, name: &str, text: &str) -> String {
        let d = self.path(name);
        std::fs::create_dir_all(&d).expect("mkdir");
        std::fs::write(d.join("schema.mig"), text).expect("write schema");
        d.to_string_lossy().into_owned()
    }

    /// `migc plan --from FROM --to TO --dialect D --out NAME`; the plan's directory.
    pub fn plan(&self, from: &str, to: &str, dialect: &str, name: &str) -> String {
        let out = self.path(name);
        let o = run(&[
            "plan",
            "--from",
            from,
            "--to",
            to,
            "--dialect",
            dialect,
            "--out",
            &out.to_string_lossy(),
        ]);
        expect(&o, 0);
        out.to_string_lossy().into_owned()
    }
}

/// The server named by `var`, or `None` with a note; with `CI=true` a missing variable fails.
pub fn live(var: &str, test: &str) -> Option<String> {
    match std::env::var(var) {
        Ok(u) if !u.trim().is_empty() => Some(u),
        _ => {
            assert!(
                std::env::var("CI").as_deref() != Ok("true"),
                "{test}: CI=true but {var} is not set; the live tests must run in CI"
            );
            eprintln!("note: skipping {test}: set {var} to run it");
            None
        }
    }
}

pub fn connect(url: &str) -> Box<dyn Connection> {
    let parsed = DbUrl::parse(url).unwrap_or_else(|| panic!("not a URL: {url}"));
    migc_db::connect(&parsed).unwrap_or_else(|e| panic!("connect to {url}: {e}"))
}

static COUNTER: AtomicUsize = AtomicUsize::new(0);

/// A database made for one test on a server and dropped when the value goes away.
pub struct Scratch {
    pub url: String,
    pub name: String,
    admin: String,
}

impl Scratch {
    /// A new database on the server of `server_url` (PostgreSQL or MySQL/MariaDB); panics when
    /// the server cannot be reached (the variable named it).
    pub fn new(server_url: &str) -> Scratch {
        Scratch::with_suffix(server_url, "")
    }

    /// [`Scratch::new`] with `suffix` after the database's name (a long name, for instance).
    pub fn with_suffix(server_url: &str, suffix: &str) -> Scratch {
        let name = format!(
            "migc_apply_{}_{}{suffix}",
            std::process::id(),
            COUNTER.fetch_add(1, Ordering::SeqCst)
        );
        let mut admin = connect(server_url);
        // With any database beside it that a run of the same name left.
        migc_db::drop_database(&mut *admin, &name)
            .and_then(|()| admin.execute(&format!("CREATE DATABASE {name}")))
            .unwrap_or_else(|e| panic!("create database {name}: {e}"));
        Scratch {
            url: migc_db::with_database(server_url, &name),
            name,
            admin: server_url.to_string(),
        }
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        if let Some(url) = DbUrl::parse(&self.admin) {
            if let Ok(mut admin) = migc_db::connect(&url) {
                let _ = migc_db::drop_database(&mut *admin, &self.name);
            }
        }
    }
}

/// One value of a query.
pub fn value(conn: &mut dyn Connection, sql: &str) -> Option<String> {
    let rows = conn.query(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
    rows.first().and_then(|r| r.first()).cloned().flatten()
}

pub fn number(conn: &mut dyn Connection, sql: &str) -> i64 {
    value(conn, sql)
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| panic!("{sql}: not a number"))
}

/// A `migc` process running in the background, its standard error read line by line.
pub struct Spawned {
    pub child: Child,
    lines: mpsc::Receiver<String>,
    pub stderr: Vec<String>,
    stdout: Option<std::thread::JoinHandle<String>>,
}

impl Spawned {
    pub fn start(args: &[&str]) -> Spawned {
        let mut child = Command::new(migc())
            .args(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap_or_else(|e| panic!("cannot run migc: {e}"));
        let (send, lines) = mpsc::channel();
        let err = child.stderr.take().expect("stderr");
        std::thread::spawn(move || {
            for line in BufReader::new(err).lines().map_while(Result::ok) {
                if send.send(line).is_err() {
                    break;
                }
            }
        });
        let mut out = child.stdout.take().expect("stdout");
        let stdout = std::thread::spawn(move || {
            let mut s = String::new();
            let _ = std::io::Read::read_to_string(&mut out, &mut s);
            s
        });
        Spawned {
            child,
            lines,
            stderr: Vec::new(),
            stdout: Some(stdout),
        }
    }

    /// Waits (up to a minute) for a line of standard error containing `needle`.
    pub fn wait_for_line(&mut self, needle: &str) -> bool {
        let deadline = Instant::now() + Duration::from_secs(60);
        while Instant::now() < deadline {
            match self.lines.recv_timeout(Duration::from_millis(100)) {
                Ok(line) => {
                    let hit = line.contains(needle);
                    self.stderr.push(line);
                    if hit {
                        return true;
                    }
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => return false,
            }
        }
        false
    }

    /// Waits for the end: exit code, stdout, stderr.
    pub fn finish(mut self) -> (Option<i32>, String, String) {
        let status = self.child.wait().expect("wait");
        let out = self
            .stdout
            .take()
            .map(|h| h.join().unwrap_or_default())
            .unwrap_or_default();
        while let Ok(line) = self.lines.recv_timeout(Duration::from_secs(5)) {
            self.stderr.push(line);
        }
        (status.code(), out, self.stderr.join("\n"))
    }

    pub fn kill(mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Polls `probe` every 20 ms until it holds (up to a minute).
pub fn wait_until(what: &str, mut probe: impl FnMut() -> bool) {
    let deadline = Instant::now() + Duration::from_secs(60);
    while Instant::now() < deadline {
        if probe() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    panic!("timed out waiting for {what}");
}

/// The state row of a plan's step: (status, checkpoint, rows_done), if there is one.
pub fn state_of(conn: &mut dyn Connection, step: &str) -> Option<(String, Option<String>, i64)> {
    let rows = conn
        .query(&format!(
            "SELECT status, checkpoint, rows_done FROM migc_state WHERE step = '{step}'"
        ))
        .ok()?;
    let r = rows.first()?;
    Some((
        r[0].clone().unwrap_or_default(),
        r[1].clone(),
        r[2].clone().and_then(|v| v.parse().ok()).unwrap_or(0),
    ))
}

pub fn path_str(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// A batched backfill killed part-way and resumed.
pub struct KilledBackfill<'a> {
    pub plan: &'a str,
    pub url: &'a str,
    /// The step id of the backfill (`backfill.backfill.<table>`).
    pub step: &'a str,
    pub table: &'a str,
    /// The rows of the table.
    pub rows: i64,
    /// Counts that must equal the rows walked when the run is killed (rows filled, fills
    /// logged by a trigger): what committed is exactly what the checkpoint says.
    pub at_kill: &'a [&'a str],
}

/// Runs the plan's backfill phase slowly (batches of 10, 20 ms apart), kills it with SIGKILL
/// once 200 rows are walked, checks the state row (still running, the checkpoint's key is the
/// rows walked, every `at_kill` count equals them), runs the phase again and checks that it
/// resumed after that key. Returns the rows walked before the kill. `connect` opens a
/// connection (SQLite's is closed before the second run, so that it holds no lock).
pub fn kill_and_resume(k: &KilledBackfill<'_>, connect: &dyn Fn() -> Box<dyn Connection>) -> i64 {
    let args = |batch: &'static str| {
        vec![
            "apply",
            k.plan,
            "--url",
            k.url,
            "--phase",
            "backfill",
            "--batch-size",
            batch,
            "--pause-ms",
            "20",
        ]
    };
    let slow = Spawned::start(&args("10"));
    let mut c = connect();
    wait_until("a few batches", || {
        state_of(c.as_mut(), k.step).is_some_and(|(_, _, done)| done >= 200)
    });
    slow.kill();

    let (status, checkpoint, done) = state_of(c.as_mut(), k.step).expect("a state row");
    assert_eq!(status, "running");
    assert!(
        done < k.rows,
        "the backfill ended before the kill ({done} rows)"
    );
    let key: i64 = serde_json::from_str::<Vec<String>>(&checkpoint.expect("a checkpoint")).unwrap()
        [0]
    .parse()
    .unwrap();
    // The keys are 1..=rows: the checkpoint is exactly what committed.
    assert_eq!(key, done);
    for sql in k.at_kill {
        assert_eq!(number(c.as_mut(), sql), done, "{sql}");
    }
    drop(c);

    let o = run(&args("400"));
    expect(&o, 0);
    assert!(
        text(&o.stdout).contains(&format!(
            "resuming the backfill of `{}` after key ({key}), {done} rows already walked",
            k.table
        )),
        "{}",
        show(&o)
    );
    done
}
