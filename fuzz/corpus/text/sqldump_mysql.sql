-- MySQL dump 10.13  Distrib 8.0.32, for Linux (x86_64)
/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
DROP TABLE IF EXISTS `employees`;
CREATE TABLE `employees` (
  `id` int NOT NULL AUTO_INCREMENT,
  `full_name` varchar(100) DEFAULT NULL COMMENT 'name, as on file',
  `ssn` char(9) DEFAULT NULL,
  `date_of_birth` date DEFAULT NULL,
  `notes` text,
  PRIMARY KEY (`id`),
  KEY `idx_ssn` (`ssn`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;
LOCK TABLES `employees` WRITE;
INSERT INTO `employees` VALUES (1,'Jane Roe','536221874','1975-03-14','It\'s ok, (really)'),(2,'John O\'Neil','536221876','1980-01-01',NULL),(3,'Max, Jr.','536221878','1990-12-31','a \\ b');
UNLOCK TABLES;
