-- migc 0.1.0: contract phase (down) for sqlite
-- Undoes contract as far as possible; what it cannot restore is listed per step.
-- Run as-is: sqlite3 DATABASE < 04-contract.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- Nothing to do in this phase.
