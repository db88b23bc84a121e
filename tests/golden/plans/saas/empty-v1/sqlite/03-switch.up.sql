-- migc 0.1.0: switch phase (up) for sqlite
-- Tightens constraints that hold once the backfill is done; the old application still works.
-- Run as-is: sqlite3 DATABASE < 03-switch.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- Nothing to do in this phase.
