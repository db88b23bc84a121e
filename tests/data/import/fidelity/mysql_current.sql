CREATE TABLE `users` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `email` varchar(191) COLLATE utf8mb4_unicode_ci NOT NULL,
  `name` varchar(255) CHARACTER SET latin1 COLLATE latin1_swedish_ci DEFAULT NULL,
  `is_admin` tinyint(1) NOT NULL DEFAULT 0,
  `created_at` timestamp NOT NULL DEFAULT current_timestamp(),
  `updated_at` timestamp NOT NULL DEFAULT current_timestamp() ON UPDATE current_timestamp(),
  PRIMARY KEY (`id`),
  UNIQUE KEY `users_email_unique` (`email`)
) ENGINE=InnoDB AUTO_INCREMENT=42 DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `posts` (
  `id` bigint(20) unsigned NOT NULL AUTO_INCREMENT,
  `user_id` int(10) unsigned NOT NULL,
  `title` varchar(200) NOT NULL,
  `body` mediumtext NOT NULL,
  `code` varchar(50) DEFAULT NULL,
  `status` enum('draft','published') NOT NULL DEFAULT 'draft',
  `views` int(11) NOT NULL DEFAULT 0 COMMENT 'page views',
  `published_at` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `posts_user_id_foreign` (`user_id`),
  CONSTRAINT `posts_user_id_foreign` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci COMMENT='blog posts';
CREATE TABLE `settings` (
  `k` varchar(64) NOT NULL,
  `v` text DEFAULT NULL,
  `label` varchar(100) DEFAULT NULL,
  `old_code` varchar(50) DEFAULT NULL,
  PRIMARY KEY (`k`),
  KEY `settings_label_prefix` (`label`(10)),
  KEY `settings_old_code_prefix` (`old_code`(10))
) ENGINE=InnoDB DEFAULT CHARSET=latin1;
CREATE TABLE `events` (
  `id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `hits` int(10) unsigned NOT NULL DEFAULT 0,
  `payload` text DEFAULT NULL,
  `flag` tinyint(1) NOT NULL DEFAULT 0,
  `label` varchar(100) CHARACTER SET utf8 COLLATE utf8_general_ci DEFAULT NULL,
  `code` varchar(20) DEFAULT NULL,
  `touched_at` timestamp NULL DEFAULT NULL,
  `checked_at` timestamp NULL DEFAULT NULL ON UPDATE current_timestamp(),
  `country` char(2) NOT NULL DEFAULT 'US',
  `flags` set('new','sale') DEFAULT NULL,
  `bits` set('a','b','c','d','e','f','g','h') DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `events_label_index` (`label`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `drafts` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `title` varchar(100) DEFAULT NULL,
  `body` text DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `drafts_title_prefix` (`title`(20)),
  FULLTEXT KEY `drafts_body_ft` (`body`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `articles` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `title` varchar(200) NOT NULL,
  `body` text DEFAULT NULL,
  `legacy` int(11) DEFAULT NULL,
  PRIMARY KEY (`id`),
  FULLTEXT KEY `articles_ft` (`title`,`body`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `members` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `email` varchar(255) NOT NULL,
  PRIMARY KEY (`id`),
  UNIQUE KEY `members_email` (`email`(100))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `logs` (
  `id` bigint(20) NOT NULL AUTO_INCREMENT,
  `msg` text DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci ROW_FORMAT=DYNAMIC;
CREATE TABLE `readings` (
  `id` bigint(20) NOT NULL,
  `taken` date NOT NULL,
  `note` varchar(20) DEFAULT NULL,
  PRIMARY KEY (`id`,`taken`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci
/*!50100 PARTITION BY RANGE (year(`taken`))
(PARTITION p2023 VALUES LESS THAN (2024) ENGINE = InnoDB,
 PARTITION pmax VALUES LESS THAN MAXVALUE ENGINE = InnoDB) */;
CREATE TABLE `codes` (
  `id` int(10) unsigned zerofill NOT NULL AUTO_INCREMENT,
  `code` int(5) zerofill DEFAULT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE ALGORITHM=UNDEFINED DEFINER=`root`@`localhost` SQL SECURITY DEFINER VIEW `admins` AS select `users`.`id` AS `id`,`users`.`email` AS `email` from `users` where `users`.`is_admin` = 1;
CREATE VIEW `recent_users` AS SELECT `id`, `email` FROM `users` WHERE `id` > 100 WITH CHECK OPTION;
CREATE TABLE `authors` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `name` varchar(100) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `legacy_notes` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `body` varchar(200) NOT NULL,
  `code` varchar(10) COLLATE latin1_bin DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `legacy_notes_body` (`body`)
) ENGINE=InnoDB DEFAULT CHARSET=latin1 COLLATE=latin1_swedish_ci;
CREATE TABLE `reviews` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `author_id` bigint(20) DEFAULT NULL,
  `created` datetime DEFAULT NULL,
  PRIMARY KEY (`id`),
  KEY `author_id` (`author_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE TABLE `note_log` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `note_id` int(11) NOT NULL,
  PRIMARY KEY (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
DELIMITER ;;
CREATE TRIGGER `legacy_notes_ai` AFTER INSERT ON `legacy_notes` FOR EACH ROW BEGIN
  IF NEW.code IS NOT NULL THEN
    INSERT INTO note_log (note_id) VALUES (NEW.id);
  END IF;
END;;
DELIMITER ;
-- A generated column that becomes STORED, with an index on it: MariaDB turns neither kind
-- into the other in place (1907).
CREATE TABLE `gauges` (
  `id` int(11) NOT NULL AUTO_INCREMENT,
  `reading` int(11) NOT NULL,
  `doubled` int(11) GENERATED ALWAYS AS (`reading` * 2) VIRTUAL,
  PRIMARY KEY (`id`),
  KEY `gauges_doubled` (`reading`,`doubled`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
CREATE ALGORITHM=MERGE VIEW `admin_emails` AS SELECT `email` FROM `users` WHERE `is_admin` = 1;
