-- migc 0.1.0: contract phase (down) for postgres
-- Undoes contract as far as possible; what it cannot restore is listed per step.
-- Run as-is: psql -v ON_ERROR_STOP=1 -f 04-contract.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET lock_timeout = '2s';
SET statement_timeout = 0;

-- Nothing to do in this phase.
