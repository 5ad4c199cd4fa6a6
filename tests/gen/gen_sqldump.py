#!/usr/bin/env python3
"""SQL dumps for the text handler's dump reader (tests/e2e/test_sqldump.py,
fuzz/corpus/text/): the shapes mysqldump, pg_dump, phpMyAdmin, SQL Server's
"Generate Scripts" (UTF-16) and `sqlite3 .dump` write (the last one by Python's own sqlite3 module,
Connection.iterdump), with PII that is PII only by its column: nine-digit
SSNs and dates of birth without a label on the line. Decoys: the same
numbers under order and invoice columns.

    python3 gen_sqldump.py OUTDIR        # fixtures + expect.json
    python3 gen_sqldump.py --seed DIR    # small dumps as fuzz seeds

expect.json: {file: {"ssn": [last four digits of each SSN that must be
found], "dob": count of dates of birth that must be found, "clean": bool}}
"""
import json
import os
import sqlite3
import sys

SSNS = ["536221874", "536221876", "536221878"]


def mysqldump():
    return "\n".join([
        "-- MySQL dump 10.13  Distrib 8.0.32, for Linux (x86_64)",
        "/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;",
        "DROP TABLE IF EXISTS `employees`;",
        "CREATE TABLE `employees` (",
        "  `id` int NOT NULL AUTO_INCREMENT,",
        "  `full_name` varchar(100) DEFAULT NULL COMMENT 'name, as on file',",
        "  `ssn` char(9) DEFAULT NULL,",
        "  `date_of_birth` date DEFAULT NULL,",
        "  `notes` text,",
        "  PRIMARY KEY (`id`),",
        "  KEY `idx_ssn` (`ssn`)",
        ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;",
        "LOCK TABLES `employees` WRITE;",
        # one extended INSERT: escaped quotes, commas and parentheses inside strings
        "INSERT INTO `employees` VALUES (1,'Jane Roe','%s','1975-03-14','It\\'s ok, (really)'),"
        "(2,'John O\\'Neil','%s','1980-01-01',NULL),(3,'Max, Jr.','%s','1990-12-31','a \\\\ b');"
        % tuple(SSNS),
        "UNLOCK TABLES;",
        "",
    ])


def pgdump():
    return "\n".join([
        "--",
        "-- PostgreSQL database dump",
        "--",
        "SET standard_conforming_strings = on;",
        "CREATE TABLE public.customers (",
        "    id integer NOT NULL,",
        "    name text,",
        "    social_security_number text,",
        "    dob date",
        ");",
        "COPY public.customers (id, name, social_security_number, dob) FROM stdin;",
        "1\tJane Roe\t%s\t1975-03-14" % SSNS[0],
        "2\tC:\\\\temp\t\\N\t1980-01-01",
        "\\.",
        # standard strings: a backslash before the closing quote is just a backslash
        "INSERT INTO public.customers VALUES (3, 'C:\\', '%s', '1999-09-09'::date);" % SSNS[1],
        "",
    ])


def phpmyadmin():
    return "\n".join([
        "-- phpMyAdmin SQL Dump",
        "INSERT INTO `users` (`user_id`, `email`, `ssn`, `birth_date`) VALUES",
        "(1, 'jane@example.com', '%s', '1975-03-14')," % SSNS[0],
        "(2, 'john@example.com', '%s', '1980-01-01');" % SSNS[2],
        "",
    ])


def sqlite_dump():
    c = sqlite3.connect(":memory:")
    c.execute("CREATE TABLE staff(id INTEGER PRIMARY KEY, name TEXT, ssn INTEGER, dob TEXT)")
    c.execute("INSERT INTO staff VALUES(1, 'Jane Roe', ?, '1975-03-14')", (int(SSNS[0]),))
    c.execute("INSERT INTO staff VALUES(2, 'John Doe', ?, '1980-01-01')", (int(SSNS[1]),))
    c.commit()
    return "\n".join(c.iterdump()) + "\n"


def ssms():
    """SQL Server Management Studio's "Generate Scripts" (schema and data):
    UTF-16LE with a BOM, CRLF, bracketed names, INSERT without INTO,
    N'' strings and CAST(N'...' AS Date)."""
    text = "\r\n".join([
        "SET ANSI_NULLS ON",
        "GO",
        "CREATE TABLE [dbo].[Employees](",
        "\t[ID] [int] NOT NULL,",
        "\t[FullName] [nvarchar](100) NULL,",
        "\t[SSN] [nvarchar](11) NULL,",
        "\t[DateOfBirth] [date] NULL",
        ") ON [PRIMARY]",
        "GO",
        "INSERT [dbo].[Employees] ([ID], [FullName], [SSN], [DateOfBirth]) VALUES "
        "(1, N'Jane Roe', N'%s', CAST(N'1975-03-14' AS Date))" % SSNS[0],
        "GO",
        "INSERT [dbo].[Employees] ([ID], [FullName], [SSN], [DateOfBirth]) VALUES "
        "(2, N'John O''Neil', N'%s', CAST(N'1980-01-01' AS Date))" % SSNS[2],
        "GO",
        "",
    ])
    return b"\xff\xfe" + text.encode("utf-16-le")


def decoys():
    return "\n".join([
        "CREATE TABLE orders (order_id bigint, invoice_no varchar(20), placed date);",
        "INSERT INTO orders (order_id, invoice_no, placed) VALUES (%s, '%s', '2021-05-05');"
        % (SSNS[0], SSNS[1]),
        "",
    ])


FILES = {
    "mysql.sql": (mysqldump, {"ssn": [s[-4:] for s in SSNS], "dob": 3, "clean": False}),
    "pg_dump.sql": (pgdump, {"ssn": [SSNS[0][-4:], SSNS[1][-4:]], "dob": 3, "clean": False}),
    "phpmyadmin.sql": (phpmyadmin, {"ssn": [SSNS[0][-4:], SSNS[2][-4:]], "dob": 2, "clean": False}),
    "sqlite_dump.sql": (sqlite_dump, {"ssn": [SSNS[0][-4:], SSNS[1][-4:]], "dob": 2, "clean": False}),
    "orders.sql": (decoys, {"ssn": [], "dob": 0, "clean": True}),
    "ssms_script.sql": (ssms, {"ssn": [SSNS[0][-4:], SSNS[2][-4:]], "dob": 2, "clean": False}),
}


def generate(out):
    os.makedirs(out, exist_ok=True)
    expect = {}
    for name, (make, exp) in FILES.items():
        data = make()
        with open(os.path.join(out, name), "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode("utf-8"))
        expect[name] = exp
    with open(os.path.join(out, "expect.json"), "w") as f:
        json.dump(expect, f, indent=1, sort_keys=True)
    return expect


def seeds(out):
    os.makedirs(out, exist_ok=True)
    for name, (make, _) in FILES.items():
        if name != "orders.sql":
            data = make()
            with open(os.path.join(out, "sqldump_" + name), "wb") as f:
                f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--seed":
        seeds(sys.argv[2])
    elif len(sys.argv) == 2:
        generate(sys.argv[1])
    else:
        sys.exit("usage: gen_sqldump.py OUTDIR | --seed DIR")
