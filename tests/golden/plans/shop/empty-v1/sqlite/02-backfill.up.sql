-- migc 0.1.0: backfill phase (up) for sqlite
-- Fills the new shape for existing rows in batches; commits per batch, resumable.
-- Run as-is: sqlite3 DATABASE < 02-backfill.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- Nothing to do in this phase.
