-- phpMyAdmin SQL Dump
INSERT INTO `users` (`user_id`, `email`, `ssn`, `birth_date`) VALUES
(1, 'jane@example.com', '536221874', '1975-03-14'),
(2, 'john@example.com', '536221878', '1980-01-01');
