#!/usr/bin/env python3
"""SQLite databases for the sqlite handler (tests/e2e/test_sqlite.py,
fuzz/corpus/sqlite/), written by Python's own sqlite3 module: a staff table
whose SSNs are stored as integers (no digits in the file), a BLOB column
holding a zip, an FTS5 index, a WITHOUT ROWID table, a UTF-16 database, a
WAL-mode database, a generated column, a decoy table of order numbers, and
a cut and a damaged copy.

    python3 gen_sqlite.py OUTDIR        # fixtures + expect.json
    python3 gen_sqlite.py --seed DIR    # small databases as fuzz seeds

expect.json: {file: {"coverage": "full" | "partial", "ssn": bool,
"text": [strings some line of `leaksift text` must hold]}}
"""
import io
import json
import os
import sqlite3
import sys
import zipfile

SSN = 536221874  # stored as an INTEGER: "536221874" is nowhere in the file
SSN2 = 536221876
ZIP_TEXT = "Card 4111 1111 1111 1111 on file for Jane Roe"
FTS_TEXT = "The vault passphrase is kept by payroll"
WIDE_NAME = "Ren\u00e9e M\u00fcller"


def _db(path, *statements, params=None, pragmas=()):
    if os.path.exists(path):
        os.unlink(path)
    c = sqlite3.connect(path)
    for p in pragmas:
        c.execute(p)
    for s in statements:
        c.execute(s)
    for s, args in params or ():
        c.execute(s, args)
    c.commit()
    c.close()


def attachment():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("card.txt", ZIP_TEXT)
    return buf.getvalue()


def staff(path):
    _db(path,
        "CREATE TABLE staff(id INTEGER PRIMARY KEY, name TEXT, ssn INTEGER, dob TEXT,"
        " salary REAL, photo BLOB, contract BLOB)",
        "CREATE TABLE orders(order_id INTEGER, item TEXT, qty INTEGER)",
        "CREATE VIRTUAL TABLE notes USING fts5(body)",
        "CREATE TABLE badges(code TEXT PRIMARY KEY, holder TEXT) WITHOUT ROWID",
        params=[
            ("INSERT INTO staff VALUES(1, 'Jane Roe', ?, '1975-03-14', 85000.5, ?, ?)",
             (SSN, b"\x89PNG\r\n\x1a\n" + bytes(200), attachment())),
            ("INSERT INTO staff VALUES(2, 'John Doe\tJr', ?, '1980-01-01', 1234.25, NULL,"
             " 'signed 2019')", (SSN2,)),
            ("INSERT INTO orders VALUES(?, 'stapler', 2)", (900000001,)),
            ("INSERT INTO notes VALUES(?)", (FTS_TEXT,)),
            ("INSERT INTO badges VALUES('B-7731', ?)", (WIDE_NAME,)),
        ])


def generate(out):
    os.makedirs(out, exist_ok=True)
    expect = {}
    p = os.path.join(out, "staff.db")
    staff(p)
    expect["staff.db"] = {"coverage": "full", "ssn": True,
                          "text": ["[Table: staff]", "id\tname\tssn\tdob\tsalary\tphoto\tcontract",
                                   "1\tJane Roe\t%d\t1975-03-14\t85000.5\t\t" % SSN,
                                   "2\tJohn Doe Jr\t%d\t1980-01-01\t1234.25\t\tsigned 2019" % SSN2,
                                   "ssn: %d\tdob: 1975-03-14\tsalary: 85000.5" % SSN,
                                   FTS_TEXT, "B-7731\t" + WIDE_NAME]}
    # UTF-16 text encoding: SQLite converts, the handler sees UTF-8
    p = os.path.join(out, "wide.sqlite")
    _db(p, "CREATE TABLE people(name TEXT, passport TEXT)",
        params=[("INSERT INTO people VALUES(?, 'X12345678')", (WIDE_NAME,))],
        pragmas=["PRAGMA encoding = 'UTF-16le'"])
    expect["wide.sqlite"] = {"coverage": "full", "ssn": False, "text": [WIDE_NAME + "\tX12345678"]}
    # WAL mode: the header says 2/2; the in-memory reader needs a copy
    p = os.path.join(out, "wal.sqlite3")
    c = sqlite3.connect(p)
    c.execute("PRAGMA journal_mode=WAL")
    c.execute("CREATE TABLE t(k TEXT, ssn TEXT)")
    c.execute("INSERT INTO t VALUES('Jane', ?)", (str(SSN),))
    c.commit()
    c.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    c.close()
    expect["wal.sqlite3"] = {"coverage": "full", "ssn": True, "text": ["Jane\t%d" % SSN]}
    # a generated column: its expression is never run, the stored columns are read
    p = os.path.join(out, "generated.db")
    _db(p, "CREATE TABLE g(a TEXT, ssn INTEGER, b TEXT GENERATED ALWAYS AS (upper(a)) VIRTUAL)",
        params=[("INSERT INTO g(a, ssn) VALUES('Jane', ?)", (SSN,))])
    expect["generated.db"] = {"coverage": "full", "ssn": True, "text": ["a\tssn", "Jane\t%d" % SSN]}
    # decoy: nine-digit numbers under an order-number header are not SSNs
    p = os.path.join(out, "orders.db")
    _db(p, "CREATE TABLE orders(order_id INTEGER, item TEXT, qty INTEGER)",
        params=[("INSERT INTO orders VALUES(?, 'stapler', 2)", (536221874 + i,)) for i in range(3)])
    expect["orders.db"] = {"coverage": "full", "ssn": False, "text": ["536221874\tstapler\t2"]}
    # cut: the last pages are missing
    with open(os.path.join(out, "staff.db"), "rb") as f:
        whole = f.read()
    with open(os.path.join(out, "cut.db"), "wb") as f:
        f.write(whole[:len(whole) - 4096 - 100])
    expect["cut.db"] = {"coverage": "partial", "ssn": None, "text": []}
    # damaged: a page of the staff table overwritten with junk
    junk = bytearray(whole)
    page = int.from_bytes(whole[16:18], "big") or 65536
    for i in range(page, 2 * page):
        junk[i] = (i * 37) & 0xFF
    with open(os.path.join(out, "damaged.db"), "wb") as f:
        f.write(bytes(junk))
    expect["damaged.db"] = {"coverage": "partial", "ssn": None, "text": []}
    with open(os.path.join(out, "expect.json"), "w") as f:
        json.dump(expect, f, indent=1, sort_keys=True)
    return expect


def seeds(out):
    os.makedirs(out, exist_ok=True)
    for name in ("staff.db",):
        staff(os.path.join(out, name))
    _db(os.path.join(out, "wide.sqlite"), "CREATE TABLE p(n TEXT)",
        params=[("INSERT INTO p VALUES(?)", (WIDE_NAME,))], pragmas=["PRAGMA encoding = 'UTF-16le'"])
    _db(os.path.join(out, "generated.db"),
        "CREATE TABLE g(a TEXT, b TEXT GENERATED ALWAYS AS (upper(a)) VIRTUAL)",
        params=[("INSERT INTO g(a) VALUES('x')", ())])


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--seed":
        seeds(sys.argv[2])
    elif len(sys.argv) == 2:
        generate(sys.argv[1])
    else:
        sys.exit("usage: gen_sqlite.py OUTDIR | --seed DIR")
