-- migc 0.1.0: backfill phase (up) for mysql
-- Fills the new shape for existing rows in batches; commits per batch, resumable.
-- Run as-is: mariadb DATABASE < 02-backfill.up.sql
-- Generated; the manifest holds this file's SHA-256. Safe to re-run after a failure.
SET SESSION lock_wait_timeout = 2;
SET SESSION sql_mode = 'STRICT_ALL_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_ZERO_DATE,NO_ZERO_IN_DATE,NO_ENGINE_SUBSTITUTION';
SET NAMES utf8mb4;

-- [40] copy the rows of `tasks` to its copy `tasks__migc`
--     lock: row locks (one batch of rows at a time); rewrite: yes; scan: yes; from v2/projects.mig:36:37
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE last_0 char(36);
      DECLARE upto_0 char(36);
      DECLARE last_1 char(36);
      DECLARE upto_1 char(36);
      DECLARE started INT DEFAULT 0;
      DECLARE locked_rows INT;
      DECLARE batch_rows INT;
      DECLARE batch_size INT DEFAULT COALESCE(@migc_batch_size, 1000);
      DECLARE fixed_size INT DEFAULT @migc_batch_size IS NOT NULL;
      DECLARE pause_ms INT DEFAULT @migc_pause_ms;
      DECLARE batch_began DATETIME(6);
      DECLARE batch_took DOUBLE;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      IF NOT (EXISTS (SELECT 1 FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'tasks' AND CONSTRAINT_NAME = 'tasks_estimate_minutes_check')) THEN
        SET SESSION TRANSACTION ISOLATION LEVEL READ COMMITTED;
        copy: LOOP
          SET batch_began = SYSDATE(6);
          SET upto_0 = NULL, upto_1 = NULL, batch_rows = 0;
          SELECT b.`tenant_id`, b.`id`, COUNT(*) OVER () INTO upto_0, upto_1, batch_rows
            FROM (SELECT `tenant_id`, `id` FROM `tasks` WHERE (started = 0 OR (`tenant_id`, `id`) > (last_0, last_1)) ORDER BY `tenant_id`, `id` LIMIT batch_size) AS b
            ORDER BY b.`tenant_id` DESC, b.`id` DESC LIMIT 1;
          IF batch_rows < batch_size THEN
            SET upto_0 = NULL, upto_1 = NULL;
          END IF;
          START TRANSACTION;
          IF upto_0 IS NULL THEN
            UPDATE `tasks__migc_progress` SET whole = 1;
          ELSE
            UPDATE `tasks__migc_progress` SET claimed_0 = upto_0, claimed_1 = upto_1 WHERE claimed_0 IS NULL OR (claimed_0, claimed_1) < (upto_0, upto_1);
          END IF;
          COMMIT;
          START TRANSACTION;
          SELECT COUNT(*) INTO locked_rows FROM `tasks`
            WHERE (started = 0 OR (`tenant_id`, `id`) > (last_0, last_1)) AND (upto_0 IS NULL OR (`tenant_id`, `id`) <= (upto_0, upto_1)) FOR UPDATE;
          INSERT INTO `tasks__migc` (`tenant_id`, `id`, `project_id`, `number`, `title`, `description`, `body`, `status`, `priority`, `assignee_id`, `estimate_minutes`, `estimate_hours`, `due_date`, `created_at`, `updated_at`)
            SELECT `tenant_id`, `id`, `project_id`, `number`, `title`, `description`, `body`, `status`, `priority`, `assignee_id`, `estimate_minutes`, `estimate_hours`, `due_date`, `created_at`, `updated_at` FROM `tasks` WHERE (started = 0 OR (`tenant_id`, `id`) > (last_0, last_1)) AND (upto_0 IS NULL OR (`tenant_id`, `id`) <= (upto_0, upto_1))
            ON DUPLICATE KEY UPDATE `tenant_id` = `tasks__migc`.`tenant_id`;
          COMMIT;
          IF upto_0 IS NULL THEN
            LEAVE copy;
          END IF;
          SET last_0 = upto_0, last_1 = upto_1, started = 1, attempt = 0;
          SET batch_took = TIMESTAMPDIFF(MICROSECOND, batch_began, SYSDATE(6)) / 1000000;
          IF NOT fixed_size THEN
            SET batch_size = LEAST(GREATEST(LEAST(GREATEST(ROUND(batch_size * 0.1 / GREATEST(batch_took, 0.001)), batch_size DIV 2), batch_size * 2), 100), 50000);
          END IF;
          IF pause_ms IS NOT NULL THEN
            DO SLEEP(pause_ms / 1000);
          ELSEIF batch_took > 0.4 THEN
            DO SLEEP(LEAST(batch_took, 5));
          END IF;
        END LOOP;
      END IF;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;

-- [41] backfill `state__migc_new` on `invitations`
--     lock: row locks (one batch of rows at a time); rewrite: no; scan: yes; from v2/members.mig:29:7
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE last_0 char(36);
      DECLARE max_0 char(36);
      DECLARE upto_0 char(36);
      DECLARE last_1 char(36);
      DECLARE max_1 char(36);
      DECLARE upto_1 char(36);
      DECLARE started INT DEFAULT 0;
      DECLARE batches INT DEFAULT 0;
      DECLARE batch_size INT DEFAULT COALESCE(@migc_batch_size, 1000);
      DECLARE fixed_size INT DEFAULT @migc_batch_size IS NOT NULL;
      DECLARE pause_ms INT DEFAULT @migc_pause_ms;
      DECLARE batch_began DATETIME(6);
      DECLARE batch_took DOUBLE;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_backfill = 'on';
      SELECT `tenant_id`, `id` INTO max_0, max_1 FROM `invitations` ORDER BY `tenant_id` DESC, `id` DESC LIMIT 1;
      backfill: WHILE max_0 IS NOT NULL DO
        SET batch_began = SYSDATE(6);
        SET upto_0 = NULL, upto_1 = NULL;
        SELECT b.`tenant_id`, b.`id` INTO upto_0, upto_1
          FROM (SELECT `tenant_id`, `id` FROM `invitations`
                WHERE (started = 0 OR (`tenant_id`, `id`) > (last_0, last_1)) AND (`tenant_id`, `id`) <= (max_0, max_1)
                ORDER BY `tenant_id`, `id` LIMIT batch_size) AS b
          ORDER BY b.`tenant_id` DESC, b.`id` DESC LIMIT 1;
        IF upto_0 IS NULL THEN
          LEAVE backfill;
        END IF;
        START TRANSACTION;
        UPDATE `invitations` SET `state__migc_new` = COALESCE(`invitations`.`state__migc_new`, CAST(CASE CAST(`invitations`.`state` AS CHAR) WHEN 'cancelled' THEN 'revoked' ELSE CAST(`invitations`.`state` AS CHAR) END AS CHAR))
          WHERE (started = 0 OR (`tenant_id`, `id`) > (last_0, last_1)) AND (`tenant_id`, `id`) <= (upto_0, upto_1) AND (`invitations`.`state__migc_new` IS NULL);
        COMMIT;
        SET last_0 = upto_0, last_1 = upto_1, started = 1, batches = batches + 1, attempt = 0;
        SET batch_took = TIMESTAMPDIFF(MICROSECOND, batch_began, SYSDATE(6)) / 1000000;
        IF NOT fixed_size THEN
          SET batch_size = LEAST(GREATEST(LEAST(GREATEST(ROUND(batch_size * 0.1 / GREATEST(batch_took, 0.001)), batch_size DIV 2), batch_size * 2), 100), 50000);
        END IF;
        IF pause_ms IS NOT NULL THEN
          DO SLEEP(pause_ms / 1000);
        ELSEIF batch_took > 0.4 THEN
          DO SLEEP(LEAST(batch_took, 5));
        END IF;
      END WHILE;
      SET @migc_backfill = NULL;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET @migc_backfill = NULL;

-- [42] backfill `description`, `estimate_minutes` on `tasks`
--     lock: row locks (one batch of rows at a time); rewrite: no; scan: yes; from v2/projects.mig:25:7
DROP PROCEDURE IF EXISTS migc_step;
DELIMITER //
CREATE PROCEDURE migc_step()
BEGIN
  DECLARE attempt INT DEFAULT 0;
  DECLARE done INT DEFAULT 0;
  WHILE done = 0 DO
    BEGIN
      DECLARE last_0 char(36);
      DECLARE max_0 char(36);
      DECLARE upto_0 char(36);
      DECLARE last_1 char(36);
      DECLARE max_1 char(36);
      DECLARE upto_1 char(36);
      DECLARE started INT DEFAULT 0;
      DECLARE batches INT DEFAULT 0;
      DECLARE batch_size INT DEFAULT COALESCE(@migc_batch_size, 1000);
      DECLARE fixed_size INT DEFAULT @migc_batch_size IS NOT NULL;
      DECLARE pause_ms INT DEFAULT @migc_pause_ms;
      DECLARE batch_began DATETIME(6);
      DECLARE batch_took DOUBLE;
      DECLARE EXIT HANDLER FOR 1205, 1213
      BEGIN
        SET attempt = attempt + 1;
        IF attempt >= COALESCE(@migc_lock_attempts, 10) THEN
          RESIGNAL;
        END IF;
        DO SLEEP(LEAST(0.1 * POW(2, attempt), 10) * (0.5 + RAND() / 2));
      END;
      SET @migc_backfill = 'on';
      SELECT `tenant_id`, `id` INTO max_0, max_1 FROM `tasks` ORDER BY `tenant_id` DESC, `id` DESC LIMIT 1;
      backfill: WHILE max_0 IS NOT NULL DO
        SET batch_began = SYSDATE(6);
        SET upto_0 = NULL, upto_1 = NULL;
        SELECT b.`tenant_id`, b.`id` INTO upto_0, upto_1
          FROM (SELECT `tenant_id`, `id` FROM `tasks`
                WHERE (started = 0 OR (`tenant_id`, `id`) > (last_0, last_1)) AND (`tenant_id`, `id`) <= (max_0, max_1)
                ORDER BY `tenant_id`, `id` LIMIT batch_size) AS b
          ORDER BY b.`tenant_id` DESC, b.`id` DESC LIMIT 1;
        IF upto_0 IS NULL THEN
          LEAVE backfill;
        END IF;
        START TRANSACTION;
        UPDATE `tasks` SET `description` = COALESCE(`tasks`.`description`, `tasks`.`body`), `estimate_minutes` = COALESCE(`tasks`.`estimate_minutes`, round(`tasks`.`estimate_hours` * 60))
          WHERE (started = 0 OR (`tenant_id`, `id`) > (last_0, last_1)) AND (`tenant_id`, `id`) <= (upto_0, upto_1) AND (`tasks`.`description` IS NULL OR `tasks`.`estimate_minutes` IS NULL);
        COMMIT;
        SET last_0 = upto_0, last_1 = upto_1, started = 1, batches = batches + 1, attempt = 0;
        SET batch_took = TIMESTAMPDIFF(MICROSECOND, batch_began, SYSDATE(6)) / 1000000;
        IF NOT fixed_size THEN
          SET batch_size = LEAST(GREATEST(LEAST(GREATEST(ROUND(batch_size * 0.1 / GREATEST(batch_took, 0.001)), batch_size DIV 2), batch_size * 2), 100), 50000);
        END IF;
        IF pause_ms IS NOT NULL THEN
          DO SLEEP(pause_ms / 1000);
        ELSEIF batch_took > 0.4 THEN
          DO SLEEP(LEAST(batch_took, 5));
        END IF;
      END WHILE;
      SET @migc_backfill = NULL;
      SET done = 1;
    END;
  END WHILE;
END//
DELIMITER ;
CALL migc_step();
DROP PROCEDURE migc_step;
SET @migc_backfill = NULL;
