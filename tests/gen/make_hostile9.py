"""Tenth hostile dump with an answer key (tests/e2e/test_hostile9.py).

make_hostile9.py OUT -> OUT/dump/... and OUT/key.json

Same key format as make_hostile3.py (its docstring lists the expect
fields) and make_hostile8.py's checker (entities_only, exact). The earlier
red teams built archives, a breach layout, MIME and mail stores; this one
lays out the DATABASES and BACKUPS real breach dumps are full of (the
customer tables are the PII), each written by hand from the format's
documented layout (no server is run):

- PostgreSQL pg_dump archives, version 1.14 (PostgreSQL 12-15): custom
  format (-Fc: "PGDMP", a TOC whose entries carry the CREATE TABLE and
  COPY statements, then each table's rows as zlib-compressed chunks: the
  raw bytes show nothing of them), the same with -Z0, directory format
  (-Fd: toc.dat and NNNN.dat.gz), tar format (-Ft: toc.dat, NNNN.dat,
  restore.sql), and plain dumps with COPY escapes (\\t \\n \\N),
  --inserts and --column-inserts;
- MySQL: mysqldump with extended INSERTs and --hex-blob (a text value as
  0x...), --tab output (TABLE.sql and a header-less TABLE.txt), a MyISAM
  table (.frm, .MYD fixed rows, .MYI), an InnoDB .ibd page (text in the
  clear, an INT column in InnoDB's sign-flipped big-endian), a row-based
  binary log (a TABLE_MAP and a WRITE_ROWS event);
- MongoDB: mongodump's .bson with .metadata.json, .bson.gz, --archive
  and --archive --gzip, a collection whose SSNs and phones are int64 and
  double (no digits in the file), mongoexport JSON lines and CSV;
- Redis: an RDB file (strings over 20 bytes LZF-compressed as Redis does:
  a value cut by a literal run's control byte or a back reference, a hash
  as an LZF'd ziplist) and an AOF (RESP commands);
- Elasticsearch: a _bulk NDJSON export and elasticdump output;
- SQLite: a -wal file holding an update not yet checkpointed, a rollback
  -journal holding the rows before an update, deleted rows in freeblocks
  and a dropped table's free pages, an SQLCipher file (no header at all);
- backups: Android `adb backup` (.ab: zlib'd tar, an uncompressed one and
  an AES-256 one), an iOS backup tree (Info.plist with the phone number,
  Manifest.db, hashed-name sms.db and AddressBook.sqlitedb), a Windows
  registry hive (regf, UTF-16 values), a SQL Server .bak (Microsoft Tape
  Format descriptor blocks around 8 KB data pages with varchar and
  nvarchar columns).

Not built: an Access .mdb/.accdb (Jet's page and usage-map layout cannot be
written credibly by hand in this budget, and no stdlib tool makes one).

"gap": true marks what a careful tool finds and leaksift does not (the
report that came with this file says why); a gap that starts to hold fails
until its mark is dropped.

Python stdlib only; deterministic.
"""
import gzip
import io
import json
import os
import plistlib
import sqlite3
import struct
import sys
import tarfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_hostile3 as h3  # noqa: E402,F401
import make_hostile8 as h8  # noqa: E402  (the checker)
import hostile_common as hc  # noqa: E402

FP_KEY = b"hostile9 fingerprint key, test only"
D = hc.Dump(FP_KEY)
key, put, pl = D.key, D.put, D.pl
NAMES = ["Ada Moss", "Bob Lee", "Cy Park", "Dee Ross", "Eve Hart", "Fay Lund", "Gus Kerr", "Hal Oak"]


def person():
    """A fresh customer: dict of name, email, ssn (dashed), ssn9, phone,
    phone10, dob; SSN areas 601 up (never 666)."""
    D.n += 1
    n = D.n
    area = 600 + n if 600 + n < 666 else 601 + n
    ssn = "%03d-%02d-%04d" % (area, 10 + n % 80, 2000 + 37 * n)
    ph = "%d%d%04d" % ((212, 312, 415, 617, 713)[n % 5], 620 + n, 1000 + 97 * n)
    return {"name": NAMES[n % len(NAMES)], "email": "cust%03d@shop.example" % n, "ssn": ssn,
            "ssn9": ssn.replace("-", ""), "phone": "(%s) %s-%s" % (ph[:3], ph[3:6], ph[6:]), "phone10": ph,
            "dob": "19%02d-%02d-%02d" % (50 + n % 40, 1 + n % 12, 1 + n % 28), "id": 1000 + n}


def tar_of(members, fmt=tarfile.USTAR_FORMAT):
    b = io.BytesIO()
    with tarfile.open(fileobj=b, mode="w", format=fmt) as t:
        for name, data in members:
            ti = tarfile.TarInfo(name)
            ti.size = len(data)
            ti.mtime = 1417000000
            ti.mode = 0o600
            t.addfile(ti, io.BytesIO(data))
    return b.getvalue()


def gz(data):
    return gzip.compress(data, mtime=0)


# ---------------------------------------------------------------- PostgreSQL
def pg_int(v):
    """WriteInt: a sign byte, then intSize (4) bytes, least significant first."""
    return bytes([1 if v < 0 else 0]) + struct.pack("<I", abs(v))


def pg_str(s):
    if s is None:
        return pg_int(-1)
    b = s.encode()
    return pg_int(len(b)) + b


def pg_head(fmt, comp, vmin=14):
    """WriteHead, archive version 1.14 (pg_dump 12-15): magic, version,
    intSize, offSize, format (1 custom, 3 tar, 5 directory), compression
    level (-1: zlib's default, 0: none), creation time, database name,
    server and pg_dump versions."""
    cm = bytes([1 if comp else 0]) if vmin >= 15 else pg_int(comp)  # 1.15: an algorithm byte
    return (b"PGDMP" + bytes([1, vmin, 0, 4, 8, fmt]) + cm +
            b"".join(pg_int(v) for v in (12, 40, 3, 24, 10, 114, 0)) +
            pg_str("shopdb") + pg_str("14.9 (Ubuntu 14.9-0ubuntu0.22.04.1)") + pg_str("14.9"))


COLS = "id, full_name, email, ssn, dob"


def pg_ddl(table, ssn_type="text"):
    return ("CREATE TABLE public.%s (\n    id integer NOT NULL,\n    full_name text NOT NULL,\n"
            "    email text,\n    ssn %s,\n    dob date\n);\n" % (table, ssn_type))


def pg_copy_rows(people, dashed=True):
    return "".join("%d\t%s\t%s\t%s\t%s\n" % (p["id"], p["name"], p["email"], p["ssn"] if dashed else p["ssn9"],
                                             p["dob"]) for p in people).encode()


def pg_toc(tables, extra, vmin=14, copy=True, blobs=False):
    """WriteToc for ENCODING, STDSTRINGS, SEARCHPATH, one TABLE and one
    TABLE DATA entry per table (dump ids 3340.. for data, 210.. for
    tables); extra(te) gives the format's own bytes (WriteExtraTocPtr)."""
    ents = [(3330, 0, "ENCODING", "ENCODING", 2, "SET client_encoding = 'UTF8';\n", "", None, "", "", None),
            (3331, 0, "STDSTRINGS", "STDSTRINGS", 2, "SET standard_conforming_strings = 'on';\n", "", None, "", "",
             None),
            (3332, 0, "SEARCHPATH", "SEARCHPATH", 2,
             "SELECT pg_catalog.set_config('search_path', '', false);\n", "", None, "", "", None)]
    for i, (name, ssn_type, _rows) in enumerate(tables):
        ents.append((210 + i, 0, name, "TABLE", 2, pg_ddl(name, ssn_type), "DROP TABLE public.%s;\n" % name, None,
                     "public", "", "heap"))
    for i, (name, _t, _rows) in enumerate(tables):
        ents.append((3340 + i, 1, name, "TABLE DATA", 3, "", "",
                     "COPY public.%s (%s) FROM stdin;\n" % (name, COLS) if copy else "", "public", "", None))
    if blobs:
        ents.append((3399, 1, "BLOBS", "BLOBS", 3, "", "", None, "", "", None))
    out = pg_int(len(ents))
    for (did, dumper, tag, desc, sect, defn, drop, copy, ns, tblspc, am) in ents:
        out += pg_int(did) + pg_int(dumper) + pg_str("1259" if desc.startswith("TABLE") else "0")
        out += pg_str(str(16400 + did) if desc.startswith("TABLE") else "0")
        out += pg_str(tag) + pg_str(desc) + pg_int(sect) + pg_str(defn) + pg_str(drop) + pg_str(copy)
        out += pg_str(ns) + pg_str(tblspc) + pg_str(am) + (pg_int(ord("r")) if vmin >= 16 else b"")
        out += pg_str("shop") + pg_str("false")
        if desc == "TABLE DATA":
            out += pg_str(str(210 + did - 3340))
        out += pg_str(None)
        out += extra(did, desc)
    return out


def pg_custom(tables, comp=-1, vmin=14, copy=True, blobs=()):
    """pg_dump -Fc: header, TOC (each entry's data offset: a flag byte,
    2 = set, 3 = no data, and offSize bytes), then per table a data block:
    BLK_DATA (1), the dump id, the rows in chunks (WriteInt length, bytes)
    ended by a zero length; compressed, the chunks carry one zlib stream."""
    blocks = {}
    for i, (name, _t, rows) in enumerate(tables):
        payload = zlib.compress(rows, 6) if comp else rows
        chunks = b"".join(pg_int(len(payload[j:j + 4096])) + payload[j:j + 4096]
                          for j in range(0, len(payload), 4096))
        blocks[3340 + i] = b"\x01" + pg_int(3340 + i) + chunks + pg_int(0)
    if blobs:  # BLK_BLOBS, the dump id, then per object its OID and chunks; OID 0 ends
        b = b"\x03" + pg_int(3399)
        for loid, data in blobs:
            payload = zlib.compress(data, 6) if comp else data
            b += pg_int(loid) + pg_int(len(payload)) + payload + pg_int(0)
        blocks[3399] = b + pg_int(0)
    offs = {}

    def extra(did, desc):
        if desc not in ("TABLE DATA", "BLOBS"):
            return b"\x03" + b"\0" * 8
        return b"\x02" + struct.pack("<Q", offs.get(did, 0))
    head = pg_head(1, comp, vmin) + pg_toc(tables, extra, vmin, copy, bool(blobs))
    at = len(head)
    for did in sorted(blocks):
        offs[did] = at
        at += len(blocks[did])
    head = pg_head(1, comp, vmin) + pg_toc(tables, extra, vmin, copy, bool(blobs))
    return head + b"".join(blocks[d] for d in sorted(blocks))


def pg_toc_dat(tables, fmt):
    def extra(did, desc):
        return pg_str("%d.dat" % did if desc == "TABLE DATA" else "")
    return pg_head(fmt, -1 if fmt == 5 else 0) + pg_toc(tables, extra)


def pg_cases():
    a, b, c = person(), person(), person()
    # -Fc, zlib: the rows only inside the compressed chunks
    r = put("db/postgres/shopdb.dump", pg_custom([("customers", "text", pg_copy_rows([a, b]))]))
    key("pg_custom_zlib", r, None, planted_under=pl(a, b))
    key("pg_custom_root", r, [], coverage="full", reasons_none=["unsupported"])
    # -Fc with an SSN column of bare digits: PII by its column only
    d, e = person(), person()
    r = put("db/postgres/payroll.dump", pg_custom([("staff", "character(9)", pg_copy_rows([d, e], dashed=False))]))
    key("pg_custom_column_ssn", r, None, planted_under=pl(d, e))
    # -Z0: the same layout, rows in the clear
    f = person()
    r = put("db/postgres/shopdb_z0.dump", pg_custom([("customers", "text", pg_copy_rows([f]))], comp=0))
    key("pg_custom_z0", r, None, planted_under=pl(f))
    # archive 1.16 (pg_dump 17: a compression algorithm byte, relkind in the TOC)
    f2 = person()
    r = put("db/postgres/shopdb_pg17.dump", pg_custom([("customers", "text", pg_copy_rows([f2]))], vmin=16))
    key("pg_custom_v116", r, ["public.customers.sql"], planted=pl(f2), coverage="full")
    # -Fc --column-inserts: the data are INSERT statements, no COPY
    f3, f4 = person(), person()
    ins = "".join("INSERT INTO public.customers (id, full_name, email, ssn, dob) VALUES (%d, '%s', '%s', '%s', "
                  "'%s');\n" % (p["id"], p["name"], p["email"], p["ssn9"], p["dob"]) for p in (f3, f4))
    r = put("db/postgres/shopdb_inserts.dump", pg_custom([("customers", "text", ins.encode())], copy=False))
    key("pg_custom_inserts", r, ["public.customers.sql"], planted=pl(f3, f4), coverage="full")
    # a large object (BLK_BLOBS): a document stored with lo_import
    f5 = person()
    doc = ("Claim form\nClaimant: %s\nSSN: %s\nE-mail: %s\n" % (f5["name"], f5["ssn"], f5["email"])).encode()
    r = put("db/postgres/claims.dump", pg_custom([("claims", "text", b"")], blobs=[(16501, doc)]))
    key("pg_custom_blob", r, ["blob_16501"], planted=pl(f5), coverage="full")
    # cut inside the second table's data: the first table is whole
    f6, f7 = person(), person()
    whole = pg_custom([("customers", "text", pg_copy_rows([f6])), ("staff", "text", pg_copy_rows([f7]) * 40)])
    r = put("db/postgres/shopdb_cut.dump", whole[:-60])
    key("pg_custom_cut_first", r, ["public.customers.sql"], planted=pl(f6), coverage="full")
    key("pg_custom_cut_root", r, [], coverage="partial", reasons_all=["truncated"])
    key("pg_custom_cut_second", r, ["public.staff.sql"], coverage="partial", reasons_all=["truncated"])
    # -Fd: toc.dat + NNNN.dat.gz (the rows with no header)
    g, h = person(), person()
    tabs = [("customers", "text", pg_copy_rows([g])), ("staff", "character(9)", pg_copy_rows([h], dashed=False))]
    r = put("db/postgres/shopdb_dir/toc.dat", pg_toc_dat(tabs, 5))
    key("pg_dir_toc", r, [], no_findings=True)
    r = put("db/postgres/shopdb_dir/3340.dat.gz", gz(tabs[0][2]))
    key("pg_dir_data", r, None, planted_under=pl(g))
    # the SSN column's name is in toc.dat, the digits in 3341.dat.gz
    r = put("db/postgres/shopdb_dir/3341.dat.gz", gz(tabs[1][2]))
    # the column names are in toc.dat, the digits in 3341.dat.gz: the supervisor sends toc.dat
    # with the data file (src/pipeline/sibling.c)
    key("pg_dir_column_ssn", r, None, planted_under=pl(h, email=False))
    # -Ft: toc.dat, NNNN.dat (uncompressed), restore.sql
    i, j = person(), person()
    tabs = [("customers", "text", pg_copy_rows([i])), ("staff", "character(9)", pg_copy_rows([j], dashed=False))]
    restore = ("--\n-- PostgreSQL database dump\n--\n\n" + pg_ddl("customers") + pg_ddl("staff", "character(9)") +
               "COPY public.customers (%s) FROM stdin;\n\\.\n" % COLS +
               "COPY public.customers (%s) FROM '$$PATH$$/3340.dat';\n" % COLS +
               "COPY public.staff (%s) FROM '$$PATH$$/3341.dat';\n" % COLS).encode()
    r = put("db/postgres/shopdb.tar", tar_of([("toc.dat", pg_toc_dat(tabs, 3)), ("3340.dat", tabs[0][2] + b"\\.\n\n"),
                                              ("3341.dat", tabs[1][2] + b"\\.\n\n"), ("restore.sql", restore)]))
    key("pg_tar_data", r, ["3340.dat"], planted=pl(i), coverage="full")
    # the SSN column's name is in toc.dat, the digits in 3341.dat: the pgdump handler reads the
    # tar whole and hands 3341.dat on with its COPY statement
    key("pg_tar_column_ssn", r, None, planted_under=pl(j, email=False))
    key("pg_tar_restore", r, ["restore.sql"], no_findings=True)
    # plain: COPY escapes; --inserts; --column-inserts
    k_, l_ = person(), person()
    plain = ("--\n-- PostgreSQL database dump\n--\n\nSET client_encoding = 'UTF8';\n\n" + pg_ddl("customers") +
             "\nCOPY public.customers (id, full_name, email, ssn, dob) FROM stdin;\n"
             "%d\tMoss\\tAda\t%s\t%s\t\\N\n%d\t%s\\nline two\t%s\t%s\t%s\n\\.\n" %
             (k_["id"], k_["email"], k_["ssn9"], l_["id"], l_["name"], l_["email"], l_["ssn9"], l_["dob"]))
    r = put("db/postgres/plain_copy.sql", plain.encode())
    key("pg_plain_copy_escapes", r, [], planted=pl(k_, l_), coverage="full")
    m_, n_ = person(), person()
    ins = ("--\n-- PostgreSQL database dump\n--\n\n" + pg_ddl("customers") + "\n" +
           "".join("INSERT INTO public.customers VALUES (%d, '%s', '%s', '%s', '%s');\n" %
                   (p["id"], p["name"].replace(" ", "''"), p["email"], p["ssn9"], p["dob"]) for p in (m_, n_)))
    r = put("db/postgres/plain_inserts.sql", ins.encode())
    key("pg_plain_inserts", r, [], planted=pl(m_, n_), coverage="full")
    o_ = person()
    cins = ("--\n-- PostgreSQL database dump\n--\n\n" +
            "INSERT INTO public.customers (id, full_name, email, ssn, dob) VALUES (%d, 'O''Hara', '%s', '%s', "
            "'%s');\n" % (o_["id"], o_["email"], o_["ssn9"], o_["dob"]))
    r = put("db/postgres/plain_column_inserts.sql", cins.encode())
    key("pg_plain_column_inserts", r, [], planted=pl(o_), coverage="full")


# ---------------------------------------------------------------- MySQL
def mysql_cases():
    a, b = person(), person()
    hexnote = ("Verified by phone. SSN %s on file." % a["ssn"]).encode().hex()
    dump = ("-- MySQL dump 10.13  Distrib 8.0.35, for Linux (x86_64)\n--\n-- Host: localhost    Database: shop\n"
            "/*!40101 SET NAMES utf8mb4 */;\nDROP TABLE IF EXISTS `customers`;\nCREATE TABLE `customers` (\n"
            "  `id` int NOT NULL AUTO_INCREMENT,\n  `full_name` varchar(80) NOT NULL,\n  `email` varchar(120),\n"
            "  `ssn` char(9) DEFAULT NULL,\n  `notes` blob,\n  PRIMARY KEY (`id`)\n) ENGINE=InnoDB;\n"
            "LOCK TABLES `customers` WRITE;\n"
            "INSERT INTO `customers` VALUES (%d,'%s','%s','%s',NULL),(%d,'%s','%s','%s',0x%s);\n"
            "UNLOCK TABLES;\n" % (a["id"], a["name"], a["email"], a["ssn9"], b["id"], b["name"], b["email"], b["ssn9"],
                                  hexnote))
    r = put("db/mysql/shop.sql", dump.encode())
    key("mysqldump_extended", r, [], planted=pl(a, b), coverage="full")
    # --hex-blob: the whole text column as 0x...
    c = person()
    blob = ("Customer %s, SSN %s, mail %s" % (c["name"], c["ssn"], c["email"])).encode().hex().upper()
    dump = ("-- MySQL dump 10.13  Distrib 8.0.35, for Linux (x86_64)\n/*!40101 SET NAMES utf8mb4 */;\n"
            "CREATE TABLE `tickets` (\n  `id` int NOT NULL,\n  `body` mediumblob,\n  PRIMARY KEY (`id`)\n"
            ") ENGINE=InnoDB;\nINSERT INTO `tickets` VALUES (1,0x%s);\n" % blob)
    r = put("db/mysql/tickets_hexblob.sql", dump.encode())
    key("mysqldump_hex_blob", r, [], planted=pl(c), coverage="full")
    # --tab: TABLE.sql (the DDL) and TABLE.txt (tab-separated rows, \N)
    d, e = person(), person()
    r = put("db/mysql/tab/customers.sql", b"CREATE TABLE `customers` (\n  `id` int NOT NULL,\n"
            b"  `full_name` varchar(80),\n  `email` varchar(120),\n  `ssn` char(11),\n  `dob` date\n"
            b") ENGINE=InnoDB;\n")
    key("mysql_tab_sql", r, [], no_findings=True)
    r = put("db/mysql/tab/customers.txt", "".join("%d\t%s\t%s\t%s\t\\N\n" % (p["id"], p["name"], p["email"], p["ssn"])
                                                  for p in (d, e)).encode())
    key("mysql_tab_txt", r, [], planted=pl(d, e), coverage="full")
    f = person()
    r = put("db/mysql/tab/staff.sql", b"CREATE TABLE `staff` (\n  `id` int NOT NULL,\n  `full_name` varchar(80),\n"
            b"  `email` varchar(120),\n  `ssn` char(9)\n) ENGINE=InnoDB;\n")
    key("mysql_tab_staff_sql", r, [], no_findings=True)
    r = put("db/mysql/tab/staff.txt", ("%d\t%s\t%s\t%s\n" % (f["id"], f["name"], f["email"], f["ssn9"])).encode())
    # the column names are in staff.sql next to it (src/pipeline/sibling.c)
    key("mysql_tab_column_ssn", r, [], planted=pl(f))
    # MyISAM: .frm (column names), .MYD (fixed-length rows: a flag byte,
    # then each char column padded with spaces), .MYI (index: no text)
    g, h = person(), person()
    frm = bytearray(4096)
    frm[0:4] = b"\xfe\x01\x0a\x0c"
    cols = b"\xffid\xfffull_name\xffemail\xffssn\xff\x00"
    frm[0x2100 - 0x2000:0x2100 - 0x2000 + len(cols)] = cols
    r = put("db/mysql/data/shop/customers.frm", bytes(frm))
    key("myisam_frm", r, [], no_findings=True)
    myd = b"".join(b"\xf9" + struct.pack("<I", p["id"]) + p["name"].encode().ljust(40) + p["email"].encode().ljust(60) +
                   p["ssn"].encode().ljust(11) for p in (g, h))
    r = put("db/mysql/data/shop/customers.MYD", myd)
    key("myisam_myd", r, [], planted=pl(g, h))
    myi = bytearray(2048)
    myi[0:4] = b"\xfe\xfe\x07\x01"
    struct.pack_into(">II", myi, 1024, g["id"], h["id"])
    r = put("db/mysql/data/shop/customers.MYI", bytes(myi))
    key("myisam_myi", r, [], no_findings=True)
    # InnoDB: one 16 KiB INDEX page; varchar columns in the clear, the ssn
    # column an INT (4 bytes big-endian, sign bit flipped: no digits)
    i, j = person(), person()
    page = bytearray(16384)
    struct.pack_into(">IIIIQHQI", page, 0, 0x5a3c1e0f, 4, 0xFFFFFFFF, 0xFFFFFFFF, 0x1b2c3d, 0x45BF, 0, 7)
    page[94:102] = b"infimum\0"
    page[107:115] = b"supremum"
    at = 128
    for p in (i, j):
        vals = [p["name"].encode(), p["email"].encode(), p["ssn"].encode()]
        lens = bytes(len(v) for v in reversed(vals))
        rec = lens + b"\0" + b"\0\0\x10\0\0" + struct.pack(">I", p["id"] ^ 0x80000000) + b"\0" * 13 + b"".join(vals)
        rec += struct.pack(">I", int(p["ssn9"]) ^ 0x80000000)
        page[at:at + len(rec)] = rec
        at += len(rec) + 8
    page[16376:16384] = struct.pack(">II", 0x5a3c1e0f, 0x1b2c3d)
    r = put("db/mysql/data/shop/customers.ibd", bytes(page))
    # gap: InnoDB keeps a record's columns side by side ("Ada Mosscust..@..example630-.."): no word
    # boundary before the SSN, the address runs into the name; no InnoDB page reader
    key("innodb_ibd_text", r, [], planted=pl(i, j), gap=True)
    k_ = person()
    page2 = bytearray(page)
    rec = b"\x08\x0e\0\0\0\x10\0\0" + struct.pack(">I", k_["id"] ^ 0x80000000) + b"\0" * 13 + \
        k_["name"].encode() + b"\0" * 6 + struct.pack(">I", int(k_["ssn9"]) ^ 0x80000000)
    page2[128:128 + len(rec)] = rec
    page2[128 + len(rec):2000] = b"\0" * (2000 - 128 - len(rec))
    r = put("db/mysql/data/shop/payroll.ibd", bytes(page2))
    # gap: an INT column is 4 binary bytes (sign bit flipped): only a reader that knows the
    # table's columns (the .frm or the data dictionary) can print it
    key("innodb_ibd_int_ssn", r, None, planted_under=pl(k_, email=False), gap=True)
    # a row-based binary log: magic, FORMAT_DESCRIPTION, TABLE_MAP,
    # WRITE_ROWS v2 (varchar: a length byte and the bytes; INT: 4 bytes LE)
    m_, n_ = person(), person()

    def ev(typ, body, pos):
        size = 19 + len(body) + 4
        head = struct.pack("<IBIIIH", 1700000000, typ, 1, size, pos + size, 0)
        return head + body + struct.pack("<I", zlib.crc32(head + body))
    log = b"\xfebin"
    fde = struct.pack("<H", 4) + b"8.0.35".ljust(50, b"\0") + struct.pack("<I", 0) + bytes([19]) + bytes(40) + b"\x01"
    log += ev(15, fde, len(log))
    tm = (struct.pack("<Q", 91)[:6] + b"\x01\x00" + b"\x04shop\0" + b"\x09customers\0" + b"\x05" +
          bytes([3, 15, 15, 15, 3]) + b"\x08" + struct.pack("<HHH", 320, 480, 44) + b"\x1f")
    log += ev(19, tm, len(log))
    rows = b""
    for p in (m_, n_):
        rows += b"\x00" + struct.pack("<i", p["id"])
        for v in (p["name"], p["email"], p["ssn"]):
            rows += bytes([len(v)]) + v.encode()
        rows += struct.pack("<i", int(p["ssn9"]))
    wr = struct.pack("<Q", 91)[:6] + b"\x01\x00" + b"\x02\x00" + b"\x05" + b"\x1f" + rows
    log += ev(30, wr, len(log))
    r = put("db/mysql/binlog.000042", log)
    key("mysql_binlog", r, None, planted_under=pl(m_, n_))


# ---------------------------------------------------------------- BSON / MongoDB
def bson_el(k, v):
    kb = k.encode() + b"\0"
    if isinstance(v, bool):
        return b"\x08" + kb + (b"\x01" if v else b"\x00")
    if isinstance(v, str):
        s = v.encode() + b"\0"
        return b"\x02" + kb + struct.pack("<i", len(s)) + s
    if isinstance(v, float):
        return b"\x01" + kb + struct.pack("<d", v)
    if isinstance(v, tuple) and v[0] == "i64":
        return b"\x12" + kb + struct.pack("<q", v[1])
    if isinstance(v, tuple) and v[0] == "oid":
        return b"\x07" + kb + bytes.fromhex(v[1])
    if isinstance(v, tuple) and v[0] == "date":
        return b"\x09" + kb + struct.pack("<q", v[1])
    if isinstance(v, int):
        return b"\x10" + kb + struct.pack("<i", v)
    if isinstance(v, dict):
        return b"\x03" + kb + bson(v)
    if isinstance(v, list):
        return b"\x04" + kb + bson({str(i): x for i, x in enumerate(v)})
    raise TypeError(v)


def bson(d):
    body = b"".join(bson_el(k, v) for k, v in d.items()) + b"\0"
    return struct.pack("<i", len(body) + 4) + body


def oid(n):
    return ("oid", "65a1b2c3%016x" % (0x9d8e7f6a5b4c0000 + n))


def mongo_doc(p):
    return {"_id": oid(p["id"]), "name": p["name"], "email": p["email"], "ssn": p["ssn"],
            "address": {"street": "12 Elm St", "city": "Springfield", "zip": "62704"},
            "created": ("date", 1700000000000 + p["id"]), "vip": False}


def mongo_cases():
    a, b = person(), person()
    docs = b"".join(bson(mongo_doc(p)) for p in (a, b))
    r = put("db/mongo/dump/shop/customers.bson", docs)
    key("bson_strings", r, [], planted=pl(a, b), coverage="full", entities_only=["ssn", "email"])
    meta = json.dumps({"indexes": [{"v": {"$numberInt": "2"}, "key": {"_id": {"$numberInt": "1"}}, "name": "_id_"},
                                   {"v": {"$numberInt": "2"}, "key": {"email": {"$numberInt": "1"}},
                                    "name": "email_1", "unique": True}],
                       "uuid": "3b241101e2bb42558caf4136c566a962", "collectionName": "customers",
                       "type": "collection"}).encode()
    r = put("db/mongo/dump/shop/customers.metadata.json", meta)
    key("bson_metadata", r, [], no_findings=True, verdict="clean")
    # numbers: SSN as int64, phone as double: no digits in the file
    c, d = person(), person()
    nums = b"".join(bson({"_id": oid(p["id"]), "name": p["name"], "ssn": ("i64", int(p["ssn9"])),
                          "phone": float(p["phone10"])}) for p in (c, d))
    r = put("db/mongo/dump/shop/payroll.bson", nums)
    # an int64 and a double have no digits in the file: the bson handler prints them under their keys
    key("bson_numbers", r, [], planted=pl(c, d, email=False, phone=True), coverage="full")
    # a .bson cut inside its second document
    c2, d2 = person(), person()
    docs2 = bson(mongo_doc(c2)) + bson(mongo_doc(d2))
    r = put("db/mongo/dump/shop/customers_cut.bson", docs2[:-30])
    key("bson_cut_first", r, [], planted=pl(c2), coverage="partial", reasons_all=["truncated"])
    # .bson.gz (mongodump --gzip)
    e = person()
    r = put("db/mongo/dump_gz/shop/customers.bson.gz", gz(bson(mongo_doc(e))))
    key("bson_gz", r, None, planted_under=pl(e))
    r = put("db/mongo/dump_gz/shop/customers.metadata.json.gz", gz(meta))
    key("bson_gz_metadata", r, None, verdict="clean")
    # --archive: magic, prelude, collection headers, terminator, then
    # namespace blocks (header, documents, terminator), EOF headers
    f, g = person(), person()
    term = struct.pack("<i", -1)
    arc = struct.pack("<I", 0x8199e26d)
    arc += bson({"concurrent_collections": 4, "version": "0.1", "server_version": "6.0.12",
                 "tool_version": "100.9.4"})
    arc += bson({"db": "shop", "collection": "customers", "metadata": meta.decode(), "size": ("i64", 0),
                 "type": "collection"}) + term
    arc += bson({"db": "shop", "collection": "customers", "EOF": False, "CRC": ("i64", 0)})
    arc += bson(mongo_doc(f)) + bson(mongo_doc(g)) + term
    arc += bson({"db": "shop", "collection": "customers", "EOF": True, "CRC": ("i64", 0x1234abcd)}) + term
    r = put("db/mongo/shop.archive", arc)
    key("mongo_archive", r, [], planted=pl(f, g), coverage="full", entities_only=["ssn", "email"])
    h = person()
    arc2 = arc.replace(f["email"].encode(), h["email"].encode()).replace(f["ssn"].encode(), h["ssn"].encode())
    r = put("db/mongo/shop.archive.gz", gz(arc2))
    key("mongo_archive_gzip", r, None, planted_under=pl(h))
    # mongoexport: JSON lines (extended JSON, relaxed) and CSV
    i, j = person(), person()
    lines = "".join(json.dumps({"_id": {"$oid": oid(p["id"])[1]}, "name": p["name"], "email": p["email"],
                                "ssn": p["ssn"], "created": {"$date": "2023-11-14T22:13:20Z"}}) + "\n" for p in (i,))
    lines += json.dumps({"_id": {"$oid": oid(j["id"])[1]}, "name": j["name"], "email": j["email"],
                         "ssn": {"$numberLong": j["ssn9"]}}) + "\n"
    r = put("db/mongo/export/customers.json", lines.encode())
    # {"ssn": {"$numberLong": "..."}}: the SSN context rule reads through the
    # extended-JSON wrapper (a gap until the lead's rule change)
    key("mongoexport_json", r, None, planted_under=pl(i, j))
    k_ = person()
    r = put("db/mongo/export/customers.csv", ("_id,name,email,ssn\nObjectId(%s),%s,%s,%s\n" %
                                              (oid(k_["id"])[1], k_["name"], k_["email"], k_["ssn9"])).encode())
    key("mongoexport_csv", r, [], planted=pl(k_), coverage="full")


# ---------------------------------------------------------------- Redis
def lzf(data):
    """liblzf's lzf_compress, greedy: literal runs of up to 32 bytes
    (control byte n-1), back references of 3..264 bytes within 8 KiB
    (control: length-2 in the top 3 bits, 7 meaning a length byte
    follows, then the offset's low byte)."""
    out = bytearray()
    lit = bytearray()
    table = {}
    i = 0
    n = len(data)

    def flush():
        while lit:
            run = lit[:32]
            out.append(len(run) - 1)
            out.extend(run)
            del lit[:32]
    while i < n:
        ref = table.get(data[i:i + 3]) if i + 2 < n else None
        if i + 2 < n:
            table[data[i:i + 3]] = i
        if ref is not None and i - ref - 1 < 8192:
            ln = 3
            while i + ln < n and ln < 264 and data[ref + ln] == data[i + ln]:
                ln += 1
            flush()
            off = i - ref - 1
            if ln - 2 < 7:
                out.append(((ln - 2) << 5) | (off >> 8))
            else:
                out.append((7 << 5) | (off >> 8))
                out.append(ln - 2 - 7)
            out.append(off & 0xFF)
            for k in range(i + 1, min(i + ln, n - 2)):
                table[data[k:k + 3]] = k
            i += ln
        else:
            lit.append(data[i])
            i += 1
    flush()
    return bytes(out)


def unlzf(c):
    out = bytearray()
    i = 0
    while i < len(c):
        ctrl = c[i]
        i += 1
        if ctrl < 32:
            out += c[i:i + ctrl + 1]
            i += ctrl + 1
        else:
            ln = ctrl >> 5
            if ln == 7:
                ln += c[i]
                i += 1
            ref = len(out) - ((ctrl & 0x1f) << 8) - c[i] - 1
            i += 1
            for k in range(ln + 2):
                out.append(out[ref + k])
    return bytes(out)


def rdb_len(n):
    if n < 64:
        return bytes([n])
    if n < 16384:
        return bytes([0x40 | (n >> 8), n & 0xFF])
    return b"\x80" + struct.pack(">I", n)


def rdb_str(s):
    """rdbSaveRawString: over 20 bytes, LZF when it saves at least 4 bytes."""
    if isinstance(s, str):
        s = s.encode()
    if len(s) > 20:
        c = lzf(s)
        assert unlzf(c) == s
        if len(c) <= len(s) - 4:
            return b"\xc3" + rdb_len(len(c)) + rdb_len(len(s)) + c
    return rdb_len(len(s)) + s


def ziplist(items):
    ents = b""
    prev = 0
    for it in items:
        b = it.encode()
        e = bytes([prev]) + bytes([len(b)]) + b  # prevlen < 254, 00pppppp string
        ents += e
        prev = len(e)
    body = ents + b"\xff"
    return struct.pack("<IIH", 10 + len(body), 10 + len(ents) - prev, len(items)) + body


def redis_cases():
    a, b, c, d = person(), person(), person(), person()
    rdb = b"REDIS0009" + b"\xfa" + rdb_str("redis-ver") + rdb_str("6.2.14") + b"\xfa" + rdb_str("redis-bits") + \
        b"\xc0\x40" + b"\xfe\x00" + b"\xfb\x03\x00"
    # a cached customer list: JSON whose repeated keys and domain LZF
    # turns into back references, cutting the values
    cache = json.dumps([{"customer_id": p["id"], "full_name": p["name"], "email": p["email"], "ssn": p["ssn"],
                         "status": "active", "segment": "retail"} for p in (a, b)]).encode()
    assert a["email"].encode() not in lzf(cache) or b["email"].encode() not in lzf(cache)
    rdb += b"\x00" + rdb_str("cache:customers:page:1") + rdb_str(cache)
    # a session string
    sess = ("session:%s|user=%s|email=%s|role=customer|email_verified=%s|ssn_last_seen=%s" %
            ("9f8e" * 4, c["name"], c["email"], c["email"], c["ssn"])).encode()
    rdb += b"\x00" + rdb_str("sess:9f8e9f8e") + rdb_str(sess)
    # a hash kept as a ziplist (type 13), the blob LZF'd when it pays
    zl = ziplist(["name", d["name"], "email", d["email"], "ssn", d["ssn"], "email_backup", d["email"]])
    rdb += b"\x0d" + rdb_str("customer:%d" % d["id"]) + rdb_str(zl)
    rdb += b"\xff" + b"\0" * 8
    r = put("db/redis/dump.rdb", rdb)
    # the LZF back references and literal-run control bytes cut the values: the
    # redis handler decodes them
    key("redis_rdb_lzf_json", r, None, planted_under=pl(a, b))
    key("redis_rdb_session", r, None, planted_under=pl(c))
    # LZF over the ziplist
    key("redis_rdb_ziplist", r, None, planted_under=pl(d))
    e, f = person(), person()
    resp = b""
    for cmd in (["SELECT", "0"], ["HSET", "customer:%d" % e["id"], "name", e["name"], "email", e["email"], "ssn",
                                  e["ssn"]],
                ["SET", "user:%d:email" % f["id"], f["email"]], ["HSET", "user:%d" % f["id"], "ssn", f["ssn9"]]):
        resp += b"*%d\r\n" % len(cmd) + b"".join(b"$%d\r\n%s\r\n" % (len(x.encode()), x.encode()) for x in cmd)
    r = put("db/redis/appendonly.aof", resp)
    key("redis_aof", r, [], planted=pl(e), coverage="full")
    # RESP puts "$9\r\n" between the field name ssn and its 9 digits, so the context
    # rule does not reach them in the raw bytes; the redis handler reads HSET's pairs
    key("redis_aof_field_ssn", r, [], planted=pl(f))


# ---------------------------------------------------------------- Elasticsearch
def es_cases():
    a, b = person(), person()
    bulk = ""
    for p in (a, b):
        bulk += json.dumps({"index": {"_index": "customers", "_id": str(p["id"])}}) + "\n"
        bulk += json.dumps({"full_name": p["name"], "email": p["email"], "ssn": p["ssn"], "phone": p["phone"]}) + "\n"
    r = put("db/elastic/customers_bulk.ndjson", bulk.encode())
    key("es_bulk", r, [], planted=pl(a, b, phone=True), coverage="full")
    c, d = person(), person()
    ed = "".join(json.dumps({"_index": "customers", "_type": "_doc", "_id": str(p["id"]), "_score": 1,
                             "_source": {"full_name": p["name"], "contact": {"email": p["email"]},
                                         "ssn": p["ssn9"]}}) + "\n" for p in (c, d))
    r = put("db/elastic/customers.elasticdump.json", ed.encode())
    key("elasticdump", r, [], planted=pl(c, d), coverage="full")


# ---------------------------------------------------------------- SQLite
def sqlite_cases():
    # -wal: the update and the insert after the last checkpoint
    a, a2, b = person(), person(), person()
    base = os.path.join(D.work, "wal")
    os.makedirs(base)
    dbp = os.path.join(base, "app.db")
    con = sqlite3.connect(dbp, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA wal_autocheckpoint=0")
    con.execute("CREATE TABLE customers(id INTEGER PRIMARY KEY, full_name TEXT, email TEXT, ssn TEXT)")
    con.execute("INSERT INTO customers VALUES(?,?,?,?)", (a["id"], a["name"], a["email"], a["ssn"]))
    con.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    con.execute("UPDATE customers SET email=?, ssn=? WHERE id=?", (a2["email"], a2["ssn"], a["id"]))
    con.execute("INSERT INTO customers VALUES(?,?,?,?)", (b["id"], b["name"], b["email"], b["ssn"]))
    with open(dbp, "rb") as f:
        main = f.read()
    with open(dbp + "-wal", "rb") as f:
        wal = f.read()
    con.close()
    r = put("db/sqlite/app.db", main)
    key("sqlite_wal_main", r, [], planted=pl(a), coverage="full")
    r = put("db/sqlite/app.db-wal", wal)
    key("sqlite_wal_file", r, [], planted=pl(a2, b))
    # gap (precision): the raw bytes still give the glued runs ("Cy Parkcust0NN@shop.example" read
    # as an address): the carved rows are right, the raw scan adds wrong addresses
    key("sqlite_wal_exact", r, [], exact={"email": [a2["email"], b["email"]]}, gap=True)
    # rollback journal: the rows before an update in progress
    c, c2 = person(), person()
    base = os.path.join(D.work, "jr")
    os.makedirs(base)
    dbp = os.path.join(base, "crm.db")
    con = sqlite3.connect(dbp, isolation_level=None)
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("CREATE TABLE contacts(id INTEGER PRIMARY KEY, full_name TEXT, email TEXT, ssn TEXT)")
    con.execute("INSERT INTO contacts VALUES(?,?,?,?)", (c["id"], c["name"], c["email"], c["ssn"]))
    con.execute("BEGIN")
    con.execute("UPDATE contacts SET email=?, ssn=? WHERE id=?", (c2["email"], c2["ssn"], c["id"]))
    con.execute("PRAGMA cache_spill=1")
    with open(dbp + "-journal", "rb") as f:
        journal = f.read()
    con.execute("ROLLBACK")
    con.close()
    # copied while the transaction was open: its header is not written yet
    # (SQLite writes the magic when it syncs the journal)
    r = put("db/sqlite/crm.db-journal", journal)
    key("sqlite_journal_open", r, [], planted=pl(c))
    # a hot journal: the cache spilled (synced journal, magic set) and the
    # process died before the commit
    cs = [person() for _ in range(3)]
    dbp = os.path.join(base, "orders.db")
    con = sqlite3.connect(dbp, isolation_level=None)
    con.execute("PRAGMA journal_mode=DELETE")
    con.execute("PRAGMA cache_size=2")
    con.execute("CREATE TABLE contacts(id INTEGER PRIMARY KEY, full_name TEXT, email TEXT, ssn TEXT, pad TEXT)")
    for p in cs:
        con.execute("INSERT INTO contacts VALUES(?,?,?,?,?)", (p["id"], p["name"], p["email"], p["ssn"], "." * 3000))
    con.execute("BEGIN")
    con.execute("UPDATE contacts SET email='x', ssn='x', pad='y'")
    with open(dbp + "-journal", "rb") as f:
        journal = f.read()
    con.execute("ROLLBACK")
    con.close()
    assert journal[:4] == b"\xd9\xd5\x05\xf9", "the cache did not spill"
    r = put("db/sqlite/orders.db-journal", journal)
    key("sqlite_journal_hot", r, [], planted=pl(*cs))
    # deleted rows: a freeblock inside a live page, a dropped table's pages
    d, e, f_, g = person(), person(), person(), person()
    dbp = os.path.join(D.work, "del.db")
    con = sqlite3.connect(dbp, isolation_level=None)
    con.execute("PRAGMA secure_delete=OFF")
    con.execute("CREATE TABLE customers(id INTEGER PRIMARY KEY, full_name TEXT, email TEXT, ssn TEXT)")
    for p in (d, e):
        con.execute("INSERT INTO customers VALUES(?,?,?,?)", (p["id"], p["name"], p["email"], p["ssn"]))
    con.execute("CREATE TABLE old_orders(id INTEGER PRIMARY KEY, note TEXT)")
    con.execute("INSERT INTO old_orders VALUES(1, ?)", ("ship to %s, SSN %s, %s" % (f_["name"], f_["ssn"],
                                                                                    f_["email"]) + " " * 3000,))
    con.execute("INSERT INTO customers VALUES(?,?,?,?)", (g["id"], g["name"], g["email"], g["ssn"]))
    con.execute("DELETE FROM customers WHERE id=?", (e["id"],))
    con.execute("DROP TABLE old_orders")
    con.close()
    with open(dbp, "rb") as fh:
        r = put("db/sqlite/deleted.db", fh.read())
    key("sqlite_live", r, [], planted=pl(d, g), coverage="full")
    key("sqlite_freeblock", r, [], planted=pl(e))
    key("sqlite_free_pages", r, [], planted=pl(f_))
    # gap (precision): as for the -wal file, the raw scan reads glued columns as addresses
    key("sqlite_deleted_exact", r, [], exact={"email": [d["email"], e["email"], f_["email"], g["email"]]}, gap=True)
    # deleted rows of a table with a REAL column holding whole amounts (stored as 1-byte
    # integers) and small rowids: the freeblock's record header must be rebuilt at the right
    # place (a guess one type short, 1-3 bytes from the block's end, misaligned every value)
    rows = [person() for _ in range(6)]
    dbp = os.path.join(D.work, "orders.db")
    con = sqlite3.connect(dbp, isolation_level=None)
    con.execute("PRAGMA secure_delete=OFF")
    con.execute("CREATE TABLE orders(id INTEGER PRIMARY KEY, full_name TEXT, email TEXT, ssn TEXT, amount REAL)")
    for k, p in enumerate(rows):
        con.execute("INSERT INTO orders VALUES(?,?,?,?,?)", (40 + k, p["name"], p["email"], p["ssn"], 60.0 + k))
    for k in (1, 3, 5):
        con.execute("DELETE FROM orders WHERE id=?", (40 + k,))
    con.close()
    with open(dbp, "rb") as fh:
        r = put("db/sqlite/orders_deleted.db", fh.read())
    key("sqlite_freeblock_real", r, [], planted=pl(rows[1], rows[3], rows[5]))
    # SQLCipher: every page encrypted, not even the header in the clear
    import hashlib
    ks = b"".join(hashlib.sha256(b"h9 sqlcipher page %d" % i).digest() for i in range(4096 * 4 // 32))
    r = put("db/sqlite/secure.db", ks)
    # no header and no structure: random bytes, but named as a database (.db) and in
    # whole pages, so a careful tool says "encrypted database", not clean
    key("sqlcipher", r, [], coverage="partial", verdict_in=["incomplete"])


# ---------------------------------------------------------------- backups
def sqlite_bytes(ddl, rows):
    p = os.path.join(D.work, "tmp%d.db" % len(os.listdir(D.work)))
    con = sqlite3.connect(p)
    for stmt in ddl:
        con.execute(stmt)
    for sql, args in rows:
        con.execute(sql, args)
    con.commit()
    con.close()
    with open(p, "rb") as f:
        return f.read()


def backup_cases():
    # Android adb backup: "ANDROID BACKUP", version, compressed flag,
    # encryption, then the tar (zlib-deflated when compressed)
    a, b = person(), person()
    appdb = sqlite_bytes(["CREATE TABLE customers(_id INTEGER PRIMARY KEY, name TEXT, email TEXT, ssn TEXT)"],
                         [("INSERT INTO customers VALUES(?,?,?,?)", (1, a["name"], a["email"], a["ssn"]))])
    prefs = ("<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<map>\n"
             "    <string name=\"account_email\">%s</string>\n    <string name=\"ssn\">%s</string>\n</map>\n" %
             (b["email"], b["ssn"])).encode()
    t = tar_of([("apps/com.acme.crm/_manifest", b"1\ncom.acme.crm\n4021\n33\n0\n0\n"),
                ("apps/com.acme.crm/db/customers.db", appdb),
                ("apps/com.acme.crm/sp/com.acme.crm_preferences.xml", prefs)])
    r = put("backup/android/backup.ab", b"ANDROID BACKUP\n5\n1\nnone\n" + zlib.compress(t, 9))
    key("android_ab", r, None, planted_under=pl(a, b))
    key("android_ab_root", r, [], reasons_none=["unsupported"])
    # cut inside the compressed tar: what was inflated is still read
    b2 = person()
    t3 = tar_of([("apps/com.acme.crm/f/first.txt", ("SSN %s for %s\n" % (b2["ssn"], b2["email"])).encode()),
                 ("apps/com.acme.crm/f/second.bin", __import__("hashlib").sha256(b"x").digest() * 2000)])
    z3 = b"ANDROID BACKUP\n5\n1\nnone\n" + zlib.compress(t3, 9)
    r = put("backup/android/cut.ab", z3[:len(z3) * 2 // 3])
    key("android_ab_cut", r, None, planted_under=pl(b2))
    key("android_ab_cut_root", r, [], coverage="partial", reasons_all=["truncated"])
    # a second zlib stream after the tar's (adb writes one): hidden, handed on as hidden_data
    b3 = person()
    t4 = tar_of([("apps/com.acme.crm/f/export.txt", ("SSN %s, %s\n" % (b3["ssn"], b3["email"])).encode())])
    r = put("backup/android/two_streams.ab", b"ANDROID BACKUP\n5\n1\nnone\n" + zlib.compress(t3[:1024], 9) +
            zlib.compress(t4, 9))
    key("android_ab_hidden_stream", r, ["hidden_data", "apps/com.acme.crm/f/export.txt"], planted=pl(b3))
    c = person()
    t2 = tar_of([("apps/com.acme.notes/f/notes.txt", ("Call %s re: SSN %s, mail %s\n" % (c["name"], c["ssn"],
                                                                                            c["email"])).encode())])
    r = put("backup/android/notes_uncompressed.ab", b"ANDROID BACKUP\n5\n0\nnone\n" + t2)
    key("android_ab_stored", r, None, planted_under=pl(c))
    import hashlib
    blob = b"".join(hashlib.sha256(b"h9 ab %d" % i).digest() for i in range(256))
    enc = (b"ANDROID BACKUP\n5\n1\nAES-256\n" + blob[:64].hex().upper().encode() + b"\n" +
           blob[64:128].hex().upper().encode() + b"\n10000\n" + blob[128:144].hex().upper().encode() + b"\n" +
           blob[144:240].hex().upper().encode() + b"\n" + blob[240:])
    r = put("backup/android/encrypted.ab", enc)
    key("android_ab_encrypted", r, [], coverage_not="full", reasons_any=["encrypted", "unsupported"],
        verdict_in=["incomplete"])
    # iOS backup: Info.plist (the phone number), Manifest.plist, Status.plist,
    # Manifest.db (Files: fileID = SHA-1 of "domain-relativePath"), the files
    # under their hashed names in 2-hex-digit directories
    d, e = person(), person()
    base = "backup/ios/00008030-001A2B3C4D5E6F70/"
    info = plistlib.dumps({"Device Name": "Ada's iPhone", "Display Name": "Ada's iPhone",
                           "Phone Number": "+1 %s" % d["phone"], "Product Type": "iPhone12,1",
                           "Serial Number": "F2LZK0ABC123", "Unique Identifier": "00008030001A2B3C4D5E6F70",
                           "Last Backup Date": __import__("datetime").datetime(2024, 3, 1, 12, 0, 0)})
    r = put(base + "Info.plist", info)
    key("ios_info_plist", r, [], planted={"phone": [d["phone10"]]})
    r = put(base + "Manifest.plist", plistlib.dumps({"IsEncrypted": False, "Version": "10.0",
                                                     "SystemDomainsVersion": "24.0"}, fmt=plistlib.FMT_BINARY))
    key("ios_manifest_plist", r, [], no_findings=True)
    r = put(base + "Status.plist", plistlib.dumps({"BackupState": "new", "IsFullBackup": False,
                                                   "SnapshotState": "finished", "Version": "3.3"},
                                                  fmt=plistlib.FMT_BINARY))
    key("ios_status_plist", r, [], no_findings=True)
    files = [("HomeDomain", "Library/SMS/sms.db"), ("HomeDomain", "Library/AddressBook/AddressBook.sqlitedb")]
    ids = [hashlib.sha1(("%s-%s" % f).encode()).hexdigest() for f in files]
    mdb = sqlite_bytes(["CREATE TABLE Files (fileID TEXT PRIMARY KEY, domain TEXT, relativePath TEXT, flags INTEGER, "
                        "file BLOB)", "CREATE TABLE Properties (key TEXT PRIMARY KEY, value BLOB)"],
                       [("INSERT INTO Files VALUES(?,?,?,1,?)", (i, dm, rp, plistlib.dumps({"$version": 100000},
                                                                                        fmt=plistlib.FMT_BINARY)))
                        for i, (dm, rp) in zip(ids, files)])
    r = put(base + "Manifest.db", mdb)
    key("ios_manifest_db", r, [], no_findings=True, coverage="full")
    sms = sqlite_bytes(["CREATE TABLE message (ROWID INTEGER PRIMARY KEY, guid TEXT, text TEXT, handle_id INTEGER, "
                        "date INTEGER)", "CREATE TABLE handle (ROWID INTEGER PRIMARY KEY, id TEXT, service TEXT)"],
                       [("INSERT INTO handle VALUES(1, ?, 'iMessage')", (e["email"],)),
                        ("INSERT INTO message VALUES(1, 'A1B2', ?, 1, 700000000000000000)",
                         ("my social is %s, don't share" % e["ssn"],))])
    r = put(base + ids[0][:2] + "/" + ids[0], sms)
    key("ios_sms_db", r, [], planted=pl(e), coverage="full")
    f_ = person()
    ab = sqlite_bytes(["CREATE TABLE ABPerson (ROWID INTEGER PRIMARY KEY, First TEXT, Last TEXT)",
                       "CREATE TABLE ABMultiValue (UID INTEGER PRIMARY KEY, record_id INTEGER, property INTEGER, "
                       "label INTEGER, value TEXT)"],
                      [("INSERT INTO ABPerson VALUES(1, ?, ?)", tuple(f_["name"].split())),
                       ("INSERT INTO ABMultiValue VALUES(1, 1, 3, 1, ?)", (f_["phone"],)),
                       ("INSERT INTO ABMultiValue VALUES(2, 1, 4, 2, ?)", (f_["email"],))])
    r = put(base + ids[1][:2] + "/" + ids[1], ab)
    key("ios_addressbook", r, [], planted=pl(f_, ssn=False, phone=True), coverage="full")
    # Windows registry hive (regf): base block, one hbin, a root key, a
    # subkey, REG_SZ values in UTF-16LE
    g = person()
    r = put("backup/windows/NTUSER.DAT", regf([("Email", g["email"]), ("SSN", g["ssn"]),
                                                ("DisplayName", g["name"])]))
    key("regf_utf16", r, [], planted=pl(g))
    # SQL Server .bak: MTF descriptor blocks (TAPE, SSET, VOLB) then the
    # database's 8 KB pages; a data page's record with an int, a varchar
    # (single bytes) and two nvarchar (UTF-16LE) columns
    h, i = person(), person()
    r = put("backup/mssql/shop_full.bak", mssql_bak([h, i]))
    # gap: no Microsoft Tape Format / SQL Server page reader: the varchar address runs into the nvarchar
    # name and SSN, which the UTF-16 run reader joins into one run ("Moss6xx-xx-xxxx")
    key("mssql_bak", r, [], planted=pl(h, i), gap=True)


def regf(values):
    hb = bytearray(4096)
    hb[0:4] = b"hbin"
    struct.pack_into("<III", hb, 4, 0, 4096, 0)
    cells = bytearray()

    def cell(data):
        nonlocal cells
        off = 32 + len(cells)
        size = (len(data) + 4 + 7) & ~7
        cells += struct.pack("<i", -size) + data + b"\0" * (size - 4 - len(data))
        return off
    voffs = []
    for name, val in values:
        data = (val + "\0").encode("utf-16-le")
        doff = cell(data)
        vk = b"vk" + struct.pack("<HIIIHH", len(name), len(data), doff, 1, 1, 0) + name.encode()
        voffs.append(cell(vk))
    vlist = cell(b"".join(struct.pack("<I", o) for o in voffs))
    sub_name = b"Contact"
    nk = (b"nk" + struct.pack("<HQIIIIIIIIIIIIIIIHH", 0x20, 0x01D86A1B2C3D4E5F, 0, 0x20, 0, 0, 0xFFFFFFFF,
                              0xFFFFFFFF, len(values), vlist, 0xFFFFFFFF, 0xFFFFFFFF, 0, 0, 0, 0, 0,
                              len(sub_name), 0) + sub_name)
    sub = cell(nk)
    lf = cell(b"lf" + struct.pack("<H", 1) + struct.pack("<I", sub) + b"Cont")
    root_name = b"CMI-CreateHive{6A1C4018-979D-4291-A7DC-7AED1C75B67C}"
    rk = (b"nk" + struct.pack("<HQIIIIIIIIIIIIIIIHH", 0x2C, 0x01D86A1B2C3D4E5F, 0, 0, 1, 0, lf, 0xFFFFFFFF, 0,
                              0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0, 0, 0, 0, 0, len(root_name), 0) + root_name)
    root = cell(rk)
    hb[32:32 + len(cells)] = cells
    rest = 4096 - 32 - len(cells)
    struct.pack_into("<i", hb, 32 + len(cells), rest)
    base = bytearray(4096)
    base[0:4] = b"regf"
    struct.pack_into("<IIQIIIIII", base, 4, 7, 7, 0x01D86A1B2C3D4E5F, 1, 5, 0, 1, root, 4096)
    struct.pack_into("<I", base, 0x2C, 1)
    base[0x30:0x30 + 40] = "\\??\\C:\\Users\\ada\\ntuser.dat".encode("utf-16-le")[:40]
    x = 0
    for k in range(0, 508, 4):
        x ^= struct.unpack_from("<I", base, k)[0]
    struct.pack_into("<I", base, 508, x)
    return bytes(base) + bytes(hb)


def mssql_bak(people):
    def dblk(typ, extra=b""):
        b = bytearray(1024)
        b[0:4] = typ
        struct.pack_into("<IHH", b, 4, 0x00030000, 0x3, 0x0E)
        b[52:52 + len(extra)] = extra
        return bytes(b)
    out = dblk(b"TAPE", "Microsoft SQL Server".encode("utf-16-le")) + dblk(b"SSET", "shop".encode("utf-16-le"))
    out += dblk(b"VOLB", "SHOPSRV01".encode("utf-16-le")) + dblk(b"MSCI")
    out = out.ljust(4096, b"\0")
    page = bytearray(8192)
    page[0] = 1  # m_headerVersion
    page[1] = 1  # m_type: data page
    struct.pack_into("<H", page, 22, len(people))
    at = 96
    slots = []
    for p in people:
        name = p["name"].encode("utf-16-le")
        ssn = p["ssn"].encode("utf-16-le")
        mail = p["email"].encode()
        fixed = struct.pack("<i", p["id"])
        var = [mail, name, ssn]
        rec = bytes([0x30, 0]) + struct.pack("<H", 4 + len(fixed)) + fixed + struct.pack("<H", 4) + b"\0"
        end = len(rec) + 2 + 2 * len(var)
        offs = b""
        for v in var:
            end += len(v)
            offs += struct.pack("<H", end)
        rec += struct.pack("<H", len(var)) + offs + b"".join(var)
        slots.append(at)
        page[at:at + len(rec)] = rec
        at += len(rec)
    for k, s in enumerate(slots):
        struct.pack_into("<H", page, 8192 - 2 * (k + 1), s)
    out += b"MSDA" + b"\0" * 60 + bytes(8192 * 2) + bytes(page) + bytes(8192)
    return out + dblk(b"ESET") + dblk(b"EOTM")


# ---------------------------------------------------------------- checker
check = h8.check


def generate(out):
    """Build OUT/dump and OUT/key.json; return the key."""
    return D.generate(out, (pg_cases, mysql_cases, mongo_cases, redis_cases, es_cases, sqlite_cases,
                            backup_cases))


CORPUS = {"db/postgres/shopdb.dump": "pgdump/h9_shopdb.dump", "db/postgres/shopdb_z0.dump": "pgdump/h9_z0.dump",
          "db/postgres/shopdb_pg17.dump": "pgdump/h9_pg17.dump", "db/postgres/claims.dump": "pgdump/h9_blob.dump",
          "db/postgres/shopdb_cut.dump": "pgdump/h9_cut.dump",
          "backup/android/backup.ab": "androidbackup/h9_backup.ab",
          "backup/android/notes_uncompressed.ab": "androidbackup/h9_stored.ab",
          "backup/android/encrypted.ab": "androidbackup/h9_encrypted.ab",
          "backup/android/cut.ab": "androidbackup/h9_cut.ab",
          "backup/android/two_streams.ab": "androidbackup/h9_two_streams.ab",
          "db/sqlite/app.db-wal": "sqlitelog/h9_app.db-wal", "db/sqlite/crm.db-journal": "sqlitelog/h9_open.db-journal",
          "db/sqlite/orders.db-journal": "sqlitelog/h9_hot.db-journal", "db/sqlite/deleted.db": "sqlite/h9_deleted.db",
          "db/sqlite/orders_deleted.db": "sqlite/h9_orders_deleted.db",
          "db/mysql/tickets_hexblob.sql": "text/h9_hexblob.sql",
          "db/mongo/dump/shop/customers.bson": "bson/h9_customers.bson",
          "db/mongo/dump/shop/payroll.bson": "bson/h9_numbers.bson", "db/mongo/shop.archive": "bson/h9_shop.archive",
          "db/mongo/dump/shop/customers_cut.bson": "bson/h9_cut.bson"}


def corpus(outdir):
    """Fuzz seeds: OUTDIR/<harness>/h9_* (fuzz/corpus)."""
    hc.corpus_copy(generate, CORPUS, outdir)


if __name__ == "__main__":
    hc.main(generate, corpus)
