-- migc 0.1.0: contract phase (up) for sqlite
-- Removes the old shape. Run only when every instance runs the new application: the point of no return.
-- Run as-is: sqlite3 DATABASE < 04-contract.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.

-- Nothing to do in this phase.
