-- migc 0.1.0: backfill phase (up) for postgres
-- Fills the new shape for existing rows in batches; commits per batch, resumable.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 02-backfill.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- Nothing to do in this phase.
