//! The applications' connections. Each version connects the way the plan says it does: a
//! connection of its own that runs the version's session statements first (the manifest's
//! `apps.<old|new>.session`, which puts the version's schema in front, e.g. a `search_path` or
//! per-connection views). A plan that names none leaves them empty, and each version then sees
//! the database as it is.

use super::plan::{App, Plan};
use super::server::Db;
use migc_db::Connection;

/// One application version's connection.
pub struct Session {
    pub app: App,
    pub conn: Box<dyn Connection>,
    setup: Vec<String>,
}

impl Session {
    /// Connects as `app` connects to a database under `plan`.
    pub fn open(db: &Db, plan: &Plan, app: App) -> Result<Session, String> {
        let mut s = Session {
            app,
            conn: db.connect(),
            setup: plan.session(app),
        };
        s.setup()?;
        Ok(s)
    }

    fn setup(&mut self) -> Result<(), String> {
        for sql in &self.setup {
            self.conn
                .execute(sql)
                .map_err(|e| format!("{}: session statement {sql}: {e}", self.app))?;
        }
        Ok(())
    }

    /// Connects again after a script changed what the session statements set up (only when
    /// there are some: a plain connection sees every change).
    pub fn refresh(&mut self, db: &Db) -> Result<(), String> {
        if self.setup.is_empty() {
            return Ok(());
        }
        self.conn = db.connect();
        self.setup()
    }

    pub fn conn(&mut self) -> &mut dyn Connection {
        &mut *self.conn
    }
}

/// Both versions' connections, open together.
pub struct Sessions {
    pub old: Session,
    pub new: Session,
}

impl Sessions {
    pub fn open(db: &Db, plan: &Plan) -> Result<Sessions, String> {
        Ok(Sessions {
            old: Session::open(db, plan, App::Old)?,
            new: Session::open(db, plan, App::New)?,
        })
    }

    pub fn refresh(&mut self, db: &Db) -> Result<(), String> {
        self.old.refresh(db)?;
        self.new.refresh(db)
    }

    pub fn get(&mut self, app: App) -> &mut Session {
        match app {
            App::Old => &mut self.old,
            App::New => &mut self.new,
        }
    }
}
