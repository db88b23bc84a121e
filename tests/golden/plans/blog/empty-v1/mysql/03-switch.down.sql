-- migc 0.1.0: switch phase (down) for mysql
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: mariadb DATABASE < 03-switch.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- Nothing to do in this phase.
