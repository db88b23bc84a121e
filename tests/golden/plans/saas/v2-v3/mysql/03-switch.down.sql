-- migc 0.1.0: switch phase (down) for mysql
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: mariadb DATABASE < 03-switch.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [43] undo: set `tasks.status__migc_new` not null
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: yes; from v3/projects.mig:36:3
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND COLUMN_NAME = 'status__migc_new') THEN
        ALTER TABLE `tasks` MODIFY COLUMN `status__migc_new` enum('todo','in_progress','blocked','done') NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [42] undo: validate that `tasks.status__migc_new` holds no null
--     lock: none; rewrite: no; scan: no; from v3/projects.mig:36:3
-- nothing to undo for tasks_status__migc_new_not_null

-- [41] undo: check `tasks.status__migc_new` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v3/projects.mig:36:3
-- tasks.status__migc_new: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [40] undo: set `audit_log.payload__migc_new` not null
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: yes; from v3/security.mig:32:3
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND COLUMN_NAME = 'payload__migc_new') THEN
        ALTER TABLE `audit_log` MODIFY COLUMN `payload__migc_new` json NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [39] undo: validate that `audit_log.payload__migc_new` holds no null
--     lock: none; rewrite: no; scan: no; from v3/security.mig:32:3
-- nothing to undo for audit_log_payload__migc_new_not_null

-- [38] undo: check `audit_log.payload__migc_new` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v3/security.mig:32:3
-- audit_log.payload__migc_new: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [37] undo: set `audit_log.target` not null
--     lock: none (rebuilt in place, writes go on); rewrite: yes; scan: yes; from v3/security.mig:28:3
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'audit_log' AND COLUMN_NAME = 'target') THEN
        ALTER TABLE `audit_log` MODIFY COLUMN `target` text NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [36] undo: validate that `audit_log.target` holds no null
--     lock: none; rewrite: no; scan: no; from v3/security.mig:28:3
-- nothing to undo for audit_log_target_not_null

-- [35] undo: check `audit_log.target` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v3/security.mig:28:3
-- audit_log.target: no check needed, SET NOT NULL checks the rows while it rebuilds in place
