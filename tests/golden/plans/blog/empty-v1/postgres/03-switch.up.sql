-- migc 0.1.0: switch phase (up) for postgres
-- Tightens constraints that hold once the backfill is done; the old application still works.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 03-switch.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- Nothing to do in this phase.
