#!/usr/bin/env python3
"""Crafted inputs for review8's findings in hostile9's hand-written
database readers (tests/e2e/test_review8.py): src/extract/sqlitepage.c
(the sqlitelog handler and the carving of deleted rows), src/extract/sqlite.c
(the freelist walk), src/extract/bson.c and src/extract/pgdump.c. Each file
is written from the format's layout (sqlite.org/fileformat2.html,
bsonspec.org, PostgreSQL's pg_backup_archiver.c) and bent where the review
found the reader slow, hungry or dishonest:

- wal_overlap.db-wal: a -wal file whose first frame is a table leaf page of
  1,900 cell pointers, all at one cell (a row with an SSN): the page was
  carved 1,900 times (16,000 pointers at a cell of 33,000 columns: 25 s and
  1 GB for a 64 KiB file). The second frame is an ordinary leaf page.
- freelist_cycle.db: a database whose freelist trunk page names itself as
  the next trunk and lists the table's live leaf page 300 times: every
  listed page was carved again on every turn (a 1 MB file: 16 turns of
  16,000 listings of one 64 KiB page, 15 GB of text held before the first
  byte was handed over); bounded since 9b321d3 to as many carvings as the
  file has pages, still the same page again.
- freelist_blind.db: a dropped table's free pages (a customer's row on a
  leaf) behind a trunk whose leaf list starts with 40 zero entries: with
  the walk bounded by the page count (9b321d3) the zeros used it up and
  the dropped rows were never carved, coverage full.
- deep.bson: one document whose 8 MB are 3-byte booleans under a 100-level
  key path: each wrote its path (512 bytes; since hostile9's 9b321d3 its
  last 64), and the document's line (170, now 24 times its size) was held
  whole before the text budget saw it.
- trailing.ab: an adb backup whose zlib'd tar is followed by a second
  zlib stream holding another tar (an SSN in it): Android restores the
  first stream only, and so did the reader, with coverage full and not a
  word about the rest (hostile9 hands it on as "hidden_data" since).
- encrypted.ab: an AES-256 adb backup (its key lines, then ciphertext):
  coverage was partial, as if some of it had been read; nothing but the
  header is, so it is none (as sealed and password-protected HWP files).
- decimal.bson: a collection whose SSN and card number are decimal128
  (NumberDecimal, as money and identifiers are kept): left out, no digits
  anywhere in the file.
- pgdump_bomb_first.dump: a custom-format archive (make_hostile9's
  writer) whose first table's zlib stream inflates 1000:1 (100 MiB of
  zeros) and whose second is the customer table: the bomb stopped the
  whole archive, the customers were never read.
- pgdump_toc_misses.dump: a custom-format archive of 5,000 TOC entries and
  37,000 data blocks whose dump ids the TOC lacks: each block walked the
  whole TOC (quadratic: 4 MB cost 38 s). Replayed by fuzz_pgdump too.

    gen_review8.py OUTDIR
    gen_review8.py --regress tests/regress   (the fuzz harnesses' replay inputs)
"""
import io
import json
import os
import struct
import sys
import sqlite3
import tarfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_hostile9 as h9  # noqa: E402  (its pg_dump -Fc writer)

SSN_A = "601-11-2037"
SSN_B = "602-12-2074"
EMAIL_A = "cust001@shop.example"
EMAIL_B = "cust002@shop.example"


def varint(v):
    """An SQLite varint (v < 2**56)."""
    out = [v & 0x7f]
    v >>= 7
    while v:
        out.append(0x80 | (v & 0x7f))
        v >>= 7
    return bytes(reversed(out))


def record(values):
    """A record: header size, serial types, values (ints as 1 byte, text)."""
    types, body = b"", b""
    for v in values:
        if isinstance(v, int):
            types += b"\x01"
            body += struct.pack(">b", v)
        else:
            b = v.encode()
            types += varint(13 + 2 * len(b))
            body += b
    hdr = varint(len(types) + 1) + types
    assert len(hdr) == len(types) + 1
    return hdr + body


def leaf_page(ps, cells, pointers=None):
    """A table b-tree leaf page (type 0x0D) holding cells (rowid, record)
    at its end; pointers: the cell pointer array (default: one per cell)."""
    page = bytearray(ps)
    at = ps
    offs = []
    for rowid, rec in cells:
        c = varint(len(rec)) + varint(rowid) + rec
        at -= len(c)
        page[at:at + len(c)] = c
        offs.append(at)
    ptrs = pointers(offs) if pointers else offs
    page[0] = 0x0D
    page[3:5] = struct.pack(">H", len(ptrs))
    page[5:7] = struct.pack(">H", at)
    for i, o in enumerate(ptrs):
        page[8 + 2 * i:10 + 2 * i] = struct.pack(">H", o)
    assert 8 + 2 * len(ptrs) <= at
    return bytes(page)


def wal_overlap():
    ps = 4096
    row_a = record([1, "Ada Moss", EMAIL_A, SSN_A])
    row_b = record([2, "Bob Lee", EMAIL_B, SSN_B])
    p1 = leaf_page(ps, [(1, row_a)], lambda offs: offs * 1900)
    p2 = leaf_page(ps, [(2, row_b)])
    head = struct.pack(">IIIIII", 0x377f0682, 3007000, ps, 0, 0x1234, 0x5678) + b"\0" * 8
    frames = b""
    for pno, page in ((2, p1), (3, p2)):
        frames += struct.pack(">II", pno, 3) + struct.pack(">II", 0x1234, 0x5678) + b"\0" * 8 + page
    return head + frames


def freelist_cycle(workdir):
    p = os.path.join(workdir, "cycle.tmp.db")
    con = sqlite3.connect(p)
    con.execute("PRAGMA page_size=4096")
    con.execute("CREATE TABLE customers(id INTEGER PRIMARY KEY, full_name TEXT, email TEXT, ssn TEXT)")
    con.execute("INSERT INTO customers VALUES(1, 'Ada Moss', ?, ?)", (EMAIL_A, SSN_A))
    con.commit()
    con.close()
    with open(p, "rb") as f:
        d = bytearray(f.read())
    os.unlink(p)
    ps = 4096
    trunk = len(d) // ps + 1
    leaf = 2  # the table's root: a live leaf page
    page = bytearray(ps)
    page[0:4] = struct.pack(">I", trunk)  # the next trunk: itself
    page[4:8] = struct.pack(">I", 300)
    for i in range(300):
        page[8 + 4 * i:12 + 4 * i] = struct.pack(">I", leaf)
    d += page + bytes(ps * 2)  # two more pages: the walk turned once per page of the file
    d[28:32] = struct.pack(">I", len(d) // ps)
    d[32:36] = struct.pack(">I", trunk)
    d[36:40] = struct.pack(">I", 1)
    return bytes(d)


def freelist_blind(workdir):
    p = os.path.join(workdir, "blind.tmp.db")
    con = sqlite3.connect(p)
    con.execute("PRAGMA page_size=4096")
    con.execute("PRAGMA secure_delete=OFF")
    con.execute("CREATE TABLE customers(id INTEGER PRIMARY KEY, full_name TEXT)")
    con.execute("INSERT INTO customers VALUES(1, 'Cy Park')")
    con.execute("CREATE TABLE old_orders(id INTEGER PRIMARY KEY, note TEXT)")
    for i in range(4):
        con.execute("INSERT INTO old_orders VALUES(?, ?)",
                    (i + 1, "ship to Bob Lee, SSN %s, %s" % (SSN_B, EMAIL_B) + " " * 2500))
    con.commit()
    con.execute("DROP TABLE old_orders")
    con.commit()
    con.close()
    with open(p, "rb") as f:
        d = bytearray(f.read())
    os.unlink(p)
    ps = 4096
    trunk = struct.unpack(">I", d[32:36])[0]
    t = (trunk - 1) * ps
    n = struct.unpack(">I", d[t + 4:t + 8])[0]
    assert n >= 2, n
    leaves = d[t + 8:t + 8 + 4 * n]
    d[t + 4:t + 8] = struct.pack(">I", n + 40)
    d[t + 8:t + 8 + 4 * (n + 40)] = bytes(4 * 40) + leaves
    return bytes(d)


def bson_doc(body):
    return struct.pack("<i", len(body) + 5) + body + b"\0"


def deep_bson(nbools=2700000):
    doc = bson_doc(b"\x08\x00\x01" * nbools)
    for d in range(99):
        doc = bson_doc(b"\x03" + b"k%04d" % d + b"\0" + doc)
    s = b"Ada Moss\0"
    first = (b"\x02name\0" + struct.pack("<i", len(s)) + s + b"\x12ssn\0" + struct.pack("<q", 601112037) +
             b"\x03deep\0" + doc)
    return bson_doc(first)


def decimal128(coef, exp):
    """IEEE 754-2008 decimal128, binary integer significand (< 2**64 here)."""
    return struct.pack("<QQ", coef, (exp + 6176) << 49)


def decimal_bson():
    docs = b""
    for name, ssn, card, bal in (("Ada Moss", 601112037, 4111111111111111, (123456, -2)),
                                 ("Bob Lee", 602122074, 5500000000000004, (5, -2))):
        s = name.encode() + b"\0"
        docs += bson_doc(b"\x02name\0" + struct.pack("<i", len(s)) + s + b"\x13ssn\0" + decimal128(ssn, 0) +
                         b"\x13card\0" + decimal128(card, 0) + b"\x13balance\0" + decimal128(*bal))
    return docs


def pg_int(v, size=2):
    return bytes([1 if v < 0 else 0]) + abs(v).to_bytes(size, "little")


def pg_str(s, size=2):
    return pg_int(-1, size) if s is None else pg_int(len(s), size) + s


def pgdump_toc_misses(nents=5000, nblocks=37000):
    """Archive 1.14, intSize 2: TOC entries of dump id 5, then empty data
    blocks (type 1, no chunks) of dump id 7, which no entry has."""
    head = (b"PGDMP" + bytes([1, 14, 0, 2, 1, 1]) + pg_int(0) + b"".join(pg_int(0) for _ in range(7)) +
            pg_str(b"shopdb") + pg_str(b"14.9") + pg_str(b"14.9"))
    ent = (pg_int(5) + pg_int(1) + pg_str(b"0") + pg_str(b"0") + pg_str(b"customers") + pg_str(b"TABLE DATA") +
           pg_int(3) + pg_str(b"") + pg_str(b"") + pg_str(b"COPY public.customers (id) FROM stdin;\n") +
           pg_str(b"public") + pg_str(b"") + pg_str(b"heap") + pg_str(b"shop") + pg_str(b"false") + pg_str(None) +
           b"\x03\x00")
    blk = b"\x01" + pg_int(7) + pg_int(0)
    return head + pg_int(nents) + ent * nents + blk * nblocks


def tar_of(members):
    b = io.BytesIO()
    with tarfile.open(fileobj=b, mode="w", format=tarfile.USTAR_FORMAT) as t:
        for name, data in members:
            ti = tarfile.TarInfo(name)
            ti.size = len(data)
            ti.mtime = 1417000000
            ti.mode = 0o600
            t.addfile(ti, io.BytesIO(data))
    return b.getvalue()


def trailing_ab():
    first = tar_of([("apps/com.example.notes/f/readme.txt", b"nothing to see\n")])
    second = tar_of([("apps/com.example.crm/f/export.txt", ("Employee SSN %s\n" % SSN_B).encode())])
    return b"ANDROID BACKUP\n5\n1\nnone\n" + zlib.compress(first, 9) + zlib.compress(second, 9)


def encrypted_ab():
    blob = bytes((i * 73 + 41) % 256 for i in range(4096))
    return (b"ANDROID BACKUP\n5\n1\nAES-256\n" + blob[:64].hex().upper().encode() + b"\n" +
            blob[64:128].hex().upper().encode() + b"\n10000\n" + blob[128:144].hex().upper().encode() + b"\n" +
            blob[144:240].hex().upper().encode() + b"\n" + blob[240:])


def pgdump_bomb_first():
    rows = ("1001\tAda Moss\t%s\t%s\t1970-03-04\n" % (EMAIL_A, SSN_A)).encode()
    return h9.pg_custom([("bombtab", "text", bytes(100 << 20)), ("customers", "text", rows)], comp=-1)


def generate(out):
    """Write the files; returns {name: what the test expects}."""
    os.makedirs(out, exist_ok=True)
    files = {
        "wal_overlap.db-wal": wal_overlap(),
        "freelist_cycle.db": freelist_cycle(out),
        "freelist_blind.db": freelist_blind(out),
        "deep.bson": deep_bson(),
        "trailing.ab": trailing_ab(),
        "encrypted.ab": encrypted_ab(),
        "pgdump_toc_misses.dump": pgdump_toc_misses(),
        "pgdump_bomb_first.dump": pgdump_bomb_first(),
        "decimal.bson": decimal_bson(),
    }
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    return {"ssn_a": SSN_A, "ssn_b": SSN_B, "email_a": EMAIL_A, "email_b": EMAIL_B}


def regress(root):
    """The replay inputs of tests/regress/<harness>/ (smaller where the
    e2e file is large)."""
    os.makedirs(root, exist_ok=True)
    files = {
        "sqlitelog/review8_wal_overlap.db-wal": wal_overlap(),
        "sqlite/review8_freelist_cycle.db": freelist_cycle(root),
        "sqlite/review8_freelist_blind.db": freelist_blind(root),
        "bson/review8_deep.bson": deep_bson(20000),
        "androidbackup/review8_trailing.ab": trailing_ab(),
        "pgdump/review8_toc_misses.dump": pgdump_toc_misses(2000, 12000),
    }
    for name, data in files.items():
        os.makedirs(os.path.join(root, os.path.dirname(name)), exist_ok=True)
        with open(os.path.join(root, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--regress":
        regress(sys.argv[2])
    elif len(sys.argv) == 2:
        print(json.dumps(generate(sys.argv[1]), indent=1))
    else:
        sys.exit(__doc__)
