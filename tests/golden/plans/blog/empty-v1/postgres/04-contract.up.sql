-- migc 0.1.0: contract phase (up) for postgres
-- Removes the old shape. Run only when every instance runs the new application: the point of no return.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 04-contract.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- Nothing to do in this phase.
