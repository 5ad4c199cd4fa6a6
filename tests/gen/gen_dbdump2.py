#!/usr/bin/env python3
"""Database dumps whose column names sit apart from their rows
(tests/e2e/test_dbdump2.py, fuzz/corpus/pgdump/): a value that is PII
only by its column (a nine-digit SSN, a date of birth) must be found with
that column's name.

- pg_dump -Ft (tar format): a POSIX tar of toc.dat (the archive header and
  TOC, format byte 3, each TABLE DATA entry naming its file "NNNN.dat"),
  one NNNN.dat per table (the COPY rows, tab-separated, "\\." at the end,
  no column names) and restore.sql; archive versions 1.14 (pg_dump 12-15)
  and 1.16 (pg_dump 17: a compression algorithm byte, relkind in the TOC).
  Layout from PostgreSQL's pg_backup_archiver.c (WriteHead, WriteToc) and
  pg_backup_tar.c (_WriteExtraToc, _CloseArchive), checked against the
  output of pg_dump 15.
- pg_dump -Fd (directory format) put in a tar: "DIR/" then NNNN.dat.gz
  members (gzip'd rows) and toc.dat last, as `tar cf` of the directory
  lists them in no set order; pg_dump 15 writes format byte 3 and
  compression -1 in that toc.dat too.
- both gzip'd (pg_dump -Ft | gzip; `tar czf` of the directory), and two
  databases' directory dumps in one tar (the same dump ids in each).
- pg_dump --inserts in the custom (-Fc) and tar formats: the data are
  INSERT statements without column lists (no COPY statement in the TOC);
  the columns are only in the TABLE entry's CREATE TABLE.
- decoys: a tar holding a toc.dat that is not pg_dump's, and a pg_dump tar
  with a symbolic link member (left to the archive handler, which checks
  links).
- SQL text the dump reader missed: Oracle SQL Developer's and Toad's
  exports ("Insert into T (COLS) values (...)", to_date(...)), H2's and
  HSQLDB's script files (CREATE MEMORY TABLE / CREATE CACHED TABLE, then
  INSERT INTO T VALUES(...) with no column list), a psql script's
  COPY ... FROM STDIN, a hand-written script whose INSERTs name the table
  in another case than its CREATE TABLE; MySQL dumps without mysqldump's
  marks (a later part of a split dump, Adminer's export) whose strings
  hold backslash-escaped quotes, and a dump glued from two pieces, the
  first cut inside a string.

    python3 gen_dbdump2.py OUTDIR        # fixtures + expect.json
    python3 gen_dbdump2.py --seed DIR    # small archives as fuzz seeds

expect.json: {file: {"member": member whose rows are labelled (absent:
the file itself), "ssn": [last four digits that must be found there],
"dob": dates of birth that must be found there, "handler": the root's
handler}}. All PII is fake
(SSNs in the 536-22 range the other generators use).
"""
import gzip
import io
import json
import os
import struct
import sys
import tarfile
import zlib

SSNS = ["536221874", "536221876", "536221878", "536221880"]
DOBS = ["1975-03-14", "1980-01-02", "1990-12-31", "1968-07-04"]
COLS = "id, full_name, ssn, dob, notes"


def pg_int(v):
    """WriteInt: a sign byte, then intSize (4) bytes, least significant first."""
    return bytes([1 if v < 0 else 0]) + struct.pack("<I", abs(v))


def pg_str(s):
    """WriteStr: an int length (-1 for NULL), then the bytes."""
    if s is None:
        return pg_int(-1)
    b = s.encode()
    return pg_int(len(b)) + b


def pg_head(fmt, comp, vmin):
    """WriteHead: magic, version 1.vmin.0, intSize 4, offSize 8, format,
    compression (an int level before 1.15, an algorithm byte from 1.15),
    creation time (7 ints), database name, server and pg_dump versions."""
    cm = bytes([1 if comp else 0]) if vmin >= 15 else pg_int(comp)
    return (b"PGDMP" + bytes([1, vmin, 0, 4, 8, fmt]) + cm +
            b"".join(pg_int(v) for v in (14, 14, 14, 30, 10, 126, 0)) +
            pg_str("payroll") + pg_str("15.18 (Debian 15.18-0+deb12u1)") + pg_str("15.18 (Debian 15.18-0+deb12u1)"))


def pg_ddl(table):
    return ("CREATE TABLE public.%s (\n    id integer NOT NULL,\n    full_name text,\n    ssn character(9),\n"
            "    dob date,\n    notes text\n);\n" % table)


def pg_toc(tables, vmin, first_id, inserts=False, offsets=None):
    """WriteToc: the count, then per entry its dump id, data-dumper flag,
    table OID, OID, tag, desc, section, definition, drop statement, COPY
    statement (NULL with --inserts), namespace, tablespace, table access
    method (1.14+), relkind (1.16+), owner, "false" (with OIDs),
    dependencies up to a NULL (a TABLE DATA entry's: its TABLE's dump id),
    and the format's extra: in the tar and directory formats the data's
    file name (NULL for entries without data), in the custom format
    (offsets given: {dump id: position}) a flag byte (2 set, 3 no data)
    and the offset in 8 bytes."""
    ents = [(first_id - 10, 0, "ENCODING", "ENCODING", 2, "SET client_encoding = 'UTF8';\n", None, None, None, None),
            (first_id - 9, 0, "STDSTRINGS", "STDSTRINGS", 2, "SET standard_conforming_strings = 'on';\n", None, None,
             None, None)]
    for i, (name, _rows) in enumerate(tables):
        ents.append((220 + i, 0, name, "TABLE", 2, pg_ddl(name), "DROP TABLE public.%s;\n" % name, None, "public",
                     None))
    for i, (name, _rows) in enumerate(tables):
        copy = None if inserts else "COPY public.%s (%s) FROM stdin;\n" % (name, COLS)
        ents.append((first_id + i, 1, name, "TABLE DATA", 3, "", "", copy, "public", "%d.dat" % (first_id + i)))
    out = pg_int(len(ents))
    for (did, dumper, tag, desc, sect, defn, drop, copy, ns, fname) in ents:
        table = desc.startswith("TABLE")
        out += pg_int(did) + pg_int(dumper) + pg_str("1259" if table else "0")
        out += pg_str(str(16384 + did) if table else "0")
        out += pg_str(tag) + pg_str(desc) + pg_int(sect) + pg_str(defn) + pg_str(drop) + pg_str(copy)
        out += pg_str(ns) + pg_str(None) + pg_str("heap" if desc == "TABLE" else None)
        if vmin >= 16:
            out += pg_int(ord("r") if table else 0)
        out += pg_str("postgres" if table else "") + pg_str("false")
        if desc == "TABLE DATA":
            out += pg_str(str(220 + did - first_id))
        out += pg_str(None)
        if offsets is None:
            out += pg_str(fname)
        elif desc == "TABLE DATA":
            out += b"\x02" + struct.pack("<Q", offsets.get(did, 0))
        else:
            out += b"\x03" + b"\0" * 8
    return out


def insert_rows(name, rows):
    """pg_dump --inserts: INSERT statements without column lists."""
    return "".join("INSERT INTO public.%s VALUES (%d, '%s', '%s', '%s', %s);\n" %
                   (name, i, n, ssn, dob, "NULL" if notes == "\\N" else "'%s'" % notes)
                   for (i, n, ssn, dob, notes) in rows).encode()


def pg_custom_inserts(first_id=3901):
    """pg_dump -Fc --inserts: header, TOC with offsets, then per table a data
    block (1, the dump id, the zlib'd INSERT statements in chunks of a
    length and the bytes, a zero length)."""
    tables = [("staff", staff(3))]
    blocks = {}
    for i, (name, rows) in enumerate(tables):
        z = zlib.compress(insert_rows(name, rows), 6)
        blocks[first_id + i] = b"\x01" + pg_int(first_id + i) + pg_int(len(z)) + z + pg_int(0)
    offs = {}
    head = pg_head(1, -1, 14) + pg_toc(tables, 14, first_id, True, offs)
    at = len(head)
    for did in sorted(blocks):
        offs[did] = at
        at += len(blocks[did])
    head = pg_head(1, -1, 14) + pg_toc(tables, 14, first_id, True, offs)
    return head + b"".join(blocks[d] for d in sorted(blocks)), tables


def pg_tar_inserts(first_id=4001):
    """pg_dump -Ft --inserts: the data members hold INSERT statements."""
    tables = [("staff", staff(1))]
    members = [("toc.dat", pg_head(3, 0, 14) + pg_toc(tables, 14, first_id, True))]
    members += [("%d.dat" % (first_id + i), insert_rows(n, rows)) for i, (n, rows) in enumerate(tables)]
    return tar_of(members), tables


def copy_rows(rows):
    return "".join("%d\t%s\t%s\t%s\t%s\n" % r for r in rows).encode() + b"\\.\n\n"


def restore_sql(tables, first_id):
    s = "--\n-- NOTE:\n--\n-- File paths need to be edited. Search for $$PATH$$ and\n-- replace it with the path to " \
        "the directory containing\n-- the extracted data files.\n--\n"
    for name, _rows in tables:
        s += pg_ddl(name)
    for i, (name, _rows) in enumerate(tables):
        s += "\nCOPY public.%s (%s) FROM stdin;\n\\.\n" % (name, COLS)
        s += "COPY public.%s (%s) FROM '$$PATH$$/%d.dat';\n" % (name, COLS, first_id + i)
    return s.encode()


def tar_of(members):
    """A POSIX ustar file as pg_dump's tar writer and `tar cf` make it:
    (name, bytes) regular files, (name, None) directories, (name, "->t")
    a symbolic link to t."""
    bio = io.BytesIO()
    with tarfile.open(fileobj=bio, mode="w", format=tarfile.USTAR_FORMAT) as tf:
        for name, data in members:
            ti = tarfile.TarInfo(name)
            ti.mtime = 1796220000
            ti.uname = ti.gname = "postgres"
            ti.uid = ti.gid = 999
            if data is None:
                ti.type = tarfile.DIRTYPE
                ti.mode = 0o700
                tf.addfile(ti)
            elif isinstance(data, str):
                ti.type = tarfile.SYMTYPE
                ti.linkname = data[2:]
                tf.addfile(ti)
            else:
                ti.mode = 0o600
                ti.size = len(data)
                tf.addfile(ti, io.BytesIO(data))
    return bio.getvalue()


def staff(k):
    rows = [(i + 1, "Person %c. Example" % (65 + i), SSNS[(k + i) % len(SSNS)], DOBS[(k + i) % len(DOBS)],
             "\\N" if i else "hired\\tpart time") for i in range(2)]
    return rows


def pg_tar(vmin=14, first_id=3338):
    """pg_dump -Ft: toc.dat first, the data members, restore.sql."""
    tables = [("staff", staff(0)), ("contractors", staff(2))]
    members = [("toc.dat", pg_head(3, 0, vmin) + pg_toc(tables, vmin, first_id))]
    members += [("%d.dat" % (first_id + i), copy_rows(rows)) for i, (_n, rows) in enumerate(tables)]
    members.append(("restore.sql", restore_sql(tables, first_id)))
    return tar_of(members), tables


def pg_dir_members(first_id, k=1, d="payroll_dir"):
    """pg_dump -Fd's files: gzip'd data files, toc.dat (written last)."""
    tables = [("staff", staff(k))]
    members = [("%s/%d.dat.gz" % (d, first_id + i), gzip.compress(copy_rows(rows), 6, mtime=0))
               for i, (_n, rows) in enumerate(tables)]
    members.append(("%s/toc.dat" % d, pg_head(3, -1, 14) + pg_toc(tables, 14, first_id)))
    return members, tables


def pg_dir_tar(first_id=3401):
    """pg_dump -Fd, then `tar cf`: the directory, gzip'd data files, toc.dat last."""
    members, tables = pg_dir_members(first_id)
    return tar_of([("payroll_dir/", None)] + members), tables


def pg_dirs_tar():
    """Two databases' -Fd dumps in one tar (a backup directory), their
    dump ids the same: each data file takes its own directory's toc.dat."""
    a, _ta = pg_dir_members(3401, 0, "backup/hr")
    b, tb = pg_dir_members(3401, 2, "backup/payroll")
    return tar_of([("backup/", None), ("backup/hr/", None)] + a + [("backup/payroll/", None)] + b), tb


def expect_of(member, rows, handler="pgdump"):
    e = {"ssn": sorted(r[2][-4:] for r in rows), "dob": len({r[3] for r in rows}), "handler": handler}
    if member:
        e["member"] = member
    return e


def oracle_sqldev(rows):
    """Oracle SQL Developer's "Export Data" as INSERT statements."""
    mon = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"]
    s = ("--------------------------------------------------------\n--  File created - Monday-November-30-2026\n"
         "--------------------------------------------------------\nREM INSERTING into HR.EMPLOYEES\nSET DEFINE OFF;\n")
    for (i, name, ssn, dob, _n) in rows:
        y, m, d = dob.split("-")
        s += ("Insert into HR.EMPLOYEES (EMPLOYEE_ID,FULL_NAME,SSN,BIRTH_DATE) values (%d,'%s','%s',"
              "to_date('%s-%s-%s','DD-MON-YYYY'));\n" % (100 + i, name, ssn, d, mon[int(m) - 1], y))
    return s.encode()


def toad(rows):
    """Toad's "Export Dataset" as INSERT statements (one clause a line)."""
    s = "SET DEFINE OFF;\n"
    for (i, name, ssn, dob, _n) in rows:
        y, m, d = dob.split("-")
        s += ("Insert into HR.EMPLOYEES\n   (EMPLOYEE_ID, FULL_NAME, SSN, DATE_OF_BIRTH)\n Values\n   (%d, '%s', "
              "'%s', TO_DATE('%s/%s/%s 00:00:00', 'MM/DD/YYYY HH24:MI:SS'));\n" % (100 + i, name, ssn, m, d, y))
    return (s + "COMMIT;\n").encode()


def h2_script(rows):
    """H2's SCRIPT output: CREATE MEMORY TABLE, INSERT without columns."""
    s = ("CREATE USER IF NOT EXISTS \"SA\" SALT '36e1a5b2c4d7f809' HASH '' ADMIN;\n"
         "CREATE MEMORY TABLE \"PUBLIC\".\"STAFF\"(\n    \"ID\" INTEGER NOT NULL,\n"
         "    \"FULL_NAME\" CHARACTER VARYING(100),\n    \"SSN\" CHARACTER VARYING(11),\n    \"DOB\" DATE\n);\n"
         "-- %d +/- SELECT COUNT(*) FROM PUBLIC.STAFF;\nINSERT INTO \"PUBLIC\".\"STAFF\" VALUES\n" % len(rows))
    s += ",\n".join("(%d, '%s', '%s', DATE '%s')" % (i, name, ssn, dob) for (i, name, ssn, dob, _n) in rows)
    return (s + ";\n").encode()


def hsqldb_script(rows):
    """HSQLDB's .script file: a statement a line, no semicolons."""
    s = ("SET DATABASE UNIQUE NAME HSQLDB8C2E4A6B1D\nCREATE SCHEMA PUBLIC AUTHORIZATION DBA\n"
         "CREATE CACHED TABLE PUBLIC.STAFF(ID INTEGER NOT NULL PRIMARY KEY,FULL_NAME VARCHAR(100),SSN VARCHAR(11),"
         "DOB DATE)\nSET SCHEMA PUBLIC\n")
    s += "".join("INSERT INTO STAFF VALUES(%d,'%s','%s','%s')\n" % (i, name, ssn, dob) for (i, name, ssn, dob, _n) in rows)
    return s.encode()


def handwritten(rows):
    """A hand-written script: the table created as Customers, filled as
    customers (unquoted SQL names are case-blind)."""
    s = ("CREATE TABLE Customers (\n  Id INT PRIMARY KEY,\n  FullName VARCHAR(50),\n  SSN CHAR(9),\n"
         "  BirthDate DATE\n);\n\n")
    s += "".join("INSERT INTO customers VALUES (%d, '%s', '%s', '%s');\n" % (i, name, ssn, dob)
                 for (i, name, ssn, dob, _n) in rows)
    return s.encode()


def mysql_part(rows):
    """A later piece of a mysqldump split in parts (split -l): no header,
    backquoted names, a backslash-escaped quote in a name."""
    s = ""
    for (i, name, ssn, dob, _n) in rows:
        s += ("INSERT INTO `staff` (`id`, `full_name`, `ssn`, `dob`) VALUES (%d,'%s O\\'Neil, Jr.','%s','%s');\n" %
              (i, name, ssn, dob))
    return s.encode()


def adminer(rows):
    """Adminer's MySQL export: a row a line, tab after each comma, no
    mysqldump marks; a backslash-escaped quote in the second row."""
    s = ("-- Adminer 4.8.1 MySQL 8.0.32 dump\n\nSET NAMES utf8;\nSET time_zone = '+00:00';\n\n"
         "DROP TABLE IF EXISTS `staff`;\nCREATE TABLE `staff` (\n  `id` int NOT NULL,\n"
         "  `full_name` varchar(100) NOT NULL,\n  `note` varchar(100) NOT NULL,\n  `ssn` char(9) NOT NULL,\n"
         "  `dob` date NOT NULL\n) DEFAULT CHARSET=utf8mb4;\n\n")
    s += "INSERT INTO `staff` (`id`, `full_name`, `note`, `ssn`, `dob`) VALUES\n"
    s += ",\n".join("(%d,\t'%s',\t'%s',\t'%s',\t'%s')" % (i, name, "it\\'s C:\\\\temp" if i == 2 else "-", ssn, dob)
                     for (i, name, ssn, dob, _n) in rows[:2])
    s += ";\n\nINSERT INTO `staff` (`id`, `full_name`, `note`, `ssn`, `dob`) VALUES\n"
    s += ",\n".join("(%d,\t'%s',\t'-',\t'%s',\t'%s')" % (i, name, ssn, dob) for (i, name, ssn, dob, _n) in rows[2:])
    return (s + ";\n").encode()


def cut_glued(rows):
    """Two pieces of a standard-SQL dump glued together, the first cut
    inside a string: the statement never ends; the statements after it
    are read from the next line on."""
    s = "CREATE TABLE staff (id integer, full_name text, ssn text, dob date);\n"
    (i, name, ssn, dob, _n) = rows[0]
    s += "INSERT INTO staff VALUES (%d, '%s', '%s', '%s');\n" % (i, name, ssn, dob)
    s += "INSERT INTO staff VALUES (99, 'Cut Off Mid-na\n"
    for (i, name, ssn, dob, _n) in rows[1:]:
        s += "INSERT INTO staff VALUES (%d, '%s', '%s', '%s');\n" % (i, name, ssn, dob)
    return s.encode()


def psql_copy(rows):
    """A hand-written psql script: COPY ... FROM STDIN in capitals."""
    s = "CREATE TABLE staff (id integer, full_name text, ssn text, dob date, notes text);\n"
    s += "COPY staff (%s) FROM STDIN;\n" % COLS
    return s.encode() + copy_rows(rows)


def generate(out):
    os.makedirs(out, exist_ok=True)
    exp = {}

    def put(name, data):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)

    data, tables = pg_tar()
    put("payroll_ft.tar", data)
    exp["payroll_ft.tar"] = expect_of("3339.dat", tables[1][1])
    data, tables = pg_tar(vmin=16, first_id=3501)
    put("payroll_pg17.tar", data)
    exp["payroll_pg17.tar"] = expect_of("3501.dat", tables[0][1])
    data, tables = pg_dir_tar()
    put("payroll_fd.tar", data)
    exp["payroll_fd.tar"] = expect_of("payroll_dir/3401.dat", tables[0][1])
    # --inserts: INSERT statements without column lists; the columns are in the TABLE entry
    data, tables = pg_custom_inserts()
    put("payroll_inserts.dump", data)
    exp["payroll_inserts.dump"] = expect_of("public.staff.sql", tables[0][1])
    data, tables = pg_tar_inserts()
    put("payroll_inserts.tar", data)
    exp["payroll_inserts.tar"] = expect_of("4001.dat", tables[0][1])
    data, tables = pg_dirs_tar()
    put("backups.tar", data)
    exp["backups.tar"] = expect_of("backup/payroll/3401.dat", tables[0][1])
    # gzip'd: pg_dump -Ft | gzip, and `tar czf` of the directory
    data, tables = pg_tar(first_id=3701)
    put("payroll_ft.tar.gz", gzip.compress(data, 6, mtime=0))
    exp["payroll_ft.tar.gz"] = expect_of("3702.dat", tables[1][1])
    data, tables = pg_dir_tar(first_id=3801)
    put("payroll_fd.tgz", gzip.compress(data, 6, mtime=0))
    exp["payroll_fd.tgz"] = expect_of("payroll_dir/3801.dat", tables[0][1])
    # SQL text
    for k, (name, fn) in enumerate((("oracle_sqldev.sql", oracle_sqldev), ("toad_export.sql", toad),
                                    ("h2_backup.sql", h2_script), ("app.script", hsqldb_script),
                                    ("psql_load.sql", psql_copy), ("customers_setup.sql", handwritten))):
        rows = staff(k)
        put(name, fn(rows))
        exp[name] = expect_of(None, rows, "text")
    # MySQL dumps without mysqldump's marks, and a statement that never ends
    rows = staff(0) + [(3, "Person C. Example", SSNS[2], DOBS[2], "-"), (4, "Person D. Example", SSNS[3], DOBS[3], "-")]
    for name, fn in (("staff.sql.part2", mysql_part), ("adminer_staff.sql", adminer), ("glued.sql", cut_glued)):
        put(name, fn(rows))
        exp[name] = expect_of(None, rows, "text")
    # decoys: the archive handler's (not pg_dump's toc.dat; a link member)
    put("notpg.tar", tar_of([("toc.dat", b"table of contents\n"), ("1.dat", b"1\tx\n")]))
    exp["notpg.tar"] = {"handler": "archive"}
    put("notpg.tar.gz", gzip.compress(tar_of([("toc.dat", b"table of contents\n")]), 6, mtime=0))
    exp["notpg.tar.gz"] = {"handler": "archive"}
    data, tables = pg_tar(first_id=3600)
    linked = tarfile.open(fileobj=io.BytesIO(data))
    members = [(m.name, linked.extractfile(m).read()) for m in linked.getmembers()]
    put("pg_link.tar", tar_of(members + [("latest.dat", "->3600.dat")]))
    exp["pg_link.tar"] = {"handler": "archive"}
    with open(os.path.join(out, "expect.json"), "w") as f:
        json.dump(exp, f, indent=1, sort_keys=True)
    return exp


def seeds(out):
    os.makedirs(out, exist_ok=True)
    for name, data in (("ft.tar", pg_tar()[0]), ("ft_v116.tar", pg_tar(vmin=16)[0]), ("fd.tar", pg_dir_tar()[0]),
                       ("ft.tar.gz", gzip.compress(pg_tar()[0], 6, mtime=0)), ("inserts.dump", pg_custom_inserts()[0]),
                       ("dirs.tar", pg_dirs_tar()[0])):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--seed":
        seeds(sys.argv[2])
    elif len(sys.argv) == 2:
        generate(sys.argv[1])
    else:
        sys.exit(__doc__)
