-- migc 0.1.0: switch phase (down) for mysql
-- Undoes this phase; keeps every row either application wrote.
-- Run as-is: mariadb DATABASE < 03-switch.down.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [49] undo: validate foreign key `tasks_assignee_fkey` on existing rows
--     lock: none (a query); rewrite: no; scan: yes; from v2/projects.mig:44:3
-- nothing to undo for tasks_assignee_fkey

-- [48] undo: validate check `tasks_estimate_minutes_check` on existing rows
--     lock: none; rewrite: no; scan: no; from v2/projects.mig:36:37
-- nothing to undo for tasks_estimate_minutes_check

-- [47] undo: set `invitations.state__migc_new` not null
--     lock: none (copied online: triggers, batches, an atomic rename); rewrite: yes; scan: yes; from v2/members.mig:36:3
DROP TRIGGER IF EXISTS `migc_sync_invitations_insert__migc`;
DROP TRIGGER IF EXISTS `migc_sync_invitations_update__migc`;
DROP TRIGGER IF EXISTS `migc_copy_invitations_insert`;
DROP TRIGGER IF EXISTS `migc_copy_invitations_update`;
DROP TRIGGER IF EXISTS `migc_copy_invitations_delete`;
DROP TABLE IF EXISTS `invitations__migc`, `invitations__migc_old`, `invitations__migc_progress`;
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
      IF EXISTS (SELECT 1 FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'invitations' AND COLUMN_NAME = 'state__migc_new') THEN
        ALTER TABLE `invitations` MODIFY COLUMN `state__migc_new` enum('pending','accepted','expired','revoked') NULL, ALGORITHM=INPLACE, LOCK=NONE;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [46] undo: validate that `invitations.state__migc_new` holds no null
--     lock: none; rewrite: no; scan: no; from v2/members.mig:36:3
-- nothing to undo for invitations_state__migc_new_not_null

-- [45] undo: check `invitations.state__migc_new` is not null, without scanning
--     lock: none; rewrite: no; scan: no; from v2/members.mig:36:3
-- invitations.state__migc_new: no check needed, SET NOT NULL checks the rows while it rebuilds in place

-- [44] undo: turn index `api_keys_tenant_name_key` into a unique constraint
--     lock: none; rewrite: no; scan: no; from v2/security.mig:15:3
-- api_keys: the unique index api_keys_tenant_name_key is the constraint in MySQL, nothing to attach

-- [43] undo: swap the copy `tasks__migc` in for `tasks`; the old table follows it until contract
--     lock: exclusive metadata lock (brief): one RENAME TABLE of three tables; rewrite: no; scan: no; from v2/projects.mig:36:37
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
      IF EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND CONSTRAINT_NAME = 'tasks_estimate_minutes_check') AND EXISTS (SELECT 1 FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks__migc_back' AND TABLE_TYPE = 'BASE TABLE') THEN
        RENAME TABLE `tasks` TO `tasks__migc_swap`, `tasks__migc_back` TO `tasks`, `tasks__migc` TO `tasks__migc_back`, `tasks__migc_swap` TO `tasks__migc`;
      END IF;
      DROP TRIGGER IF EXISTS `migc_copy_tasks_back_insert`;
      DROP TRIGGER IF EXISTS `migc_copy_tasks_back_update`;
      DROP TRIGGER IF EXISTS `migc_copy_tasks_back_delete`;
      IF NOT (EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND CONSTRAINT_NAME = 'tasks_estimate_minutes_check')) THEN
        DROP TABLE IF EXISTS `tasks__migc_back`;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET SESSION foreign_key_checks = 1;
