#!/usr/bin/env python3
"""Microsoft Access (Jet 4, and Jet 3) databases for the mdb handler
(tests/e2e/test_mdb.py, fuzz/corpus/mdb/), written from scratch in the
file's own structure (mdbtools' HACKING.md, "MDB file format"): 4096-byte
pages (Jet 3: 2048); page 0 the database header with its RC4-masked region (code page
1252, no encoding key); page 2 the MSysObjects table definition and its
catalog rows; a page of usage maps; per table a TDEF page and a data page;
long values inline in the row, in one LVAL row, or in a chain of LVAL rows.

The staff table holds fake PII: an SSN as text and one as a Long Integer
(no digits in the file), a phone, an e-mail address, a card number in a
memo that spans two LVAL pages, a date of birth (a double: days since
1899-12-30), a Currency salary, and an OLE object holding a zip; the parts
table is a decoy (9-digit part numbers under "PartNo").

    python3 gen_mdb.py OUTDIR        # fixtures + expect.json
    python3 gen_mdb.py --seed DIR    # small databases as fuzz seeds

expect.json: {file: {"coverage": "full" | "partial", "ssn": bool,
"text": [strings some line of `leaksift text` must hold]}}
"""
import datetime
import io
import json
import os
import struct
import sys
import zipfile
import zlib

JET = {"v3": False}  # set by build(): write Jet 3 (Access 97) instead of Jet 4


def pg_size():
    return 2048 if JET["v3"] else 4096


def rco():
    """Where a data page's row count is (its row offsets follow)."""
    return 8 if JET["v3"] else 12
SSN_TEXT = "536-22-1874"
SSN_LONG = 536221875  # a Long Integer: "536221875" is nowhere in the file
PHONE = "(212) 736-5190"
EMAIL = "jane.roe@leaksift-test.org"
DOB = datetime.date(1975, 3, 14)
ZIP_TEXT = "Card 4111 1111 1111 1111 on file for Jane Roe"
PART_NO = 536221877  # decoy: a part number, not an SSN
ODBC_CONNECT = "ODBC;DRIVER=SQL Server;SERVER=hr-db01;UID=payroll_svc;PWD=Xk7pq92Lmw;DATABASE=hr"
ATTACH_CSV = "Name,SSN,Date of birth\r\nJohn Doe,536-22-1880,1980-01-01\r\n"

T_BOOL, T_BYTE, T_INT, T_LONG, T_MONEY, T_FLOAT, T_DOUBLE, T_DATE = 1, 2, 3, 4, 5, 6, 7, 8
T_TEXT, T_OLE, T_MEMO = 0x0A, 0x0B, 0x0C
FIXED_SIZE = {T_BOOL: 0, T_BYTE: 1, T_INT: 2, T_LONG: 4, T_MONEY: 8, T_FLOAT: 4,
              T_DOUBLE: 8, T_DATE: 8}


def card_number():
    """A Luhn-valid 16-digit Visa-range number that is no well-known test card."""
    body = "455673758689985"
    total = 0
    for i, ch in enumerate(reversed(body)):
        d = int(ch) * (2 if i % 2 == 0 else 1)
        total += d - 9 if d > 9 else d
    return body + str((10 - total % 10) % 10)


CARD = card_number()


def rc4(key, data):
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) & 0xFF
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for b in data:
        i = (i + 1) & 0xFF
        j = (j + s[i]) & 0xFF
        s[i], s[j] = s[j], s[i]
        out.append(b ^ s[(s[i] + s[j]) & 0xFF])
    return bytes(out)


def header_page(version=1, key=0, password=""):
    """Page 0: Jet 4 (version 1) or ACE (2: Access 2007); key: the
    encoding key (0: none); password: the database password, UCS-2 masked
    with the creation date as Access writes it."""
    p = bytearray(pg_size())
    p[0:4] = b"\x00\x01\x00\x00"
    p[4:20] = b"Standard Jet DB\x00" if version <= 1 else b"Standard ACE DB\x00"
    p[0x14] = version
    made = jet_date(datetime.date(2003, 5, 1))
    n = 126 if JET["v3"] else 128
    masked = bytearray(n)  # plain text of the region from 0x18
    struct.pack_into("<H", masked, 0x3C - 0x18, 1252)  # code page
    struct.pack_into("<I", masked, 0x3E - 0x18, key)
    if JET["v3"]:  # Jet 3: the password as it is, the sort order at 0x3A
        struct.pack_into("20s", masked, 0x42 - 0x18, password.encode("cp1252"))
        struct.pack_into("<H", masked, 0x3A - 0x18, 0x409)
    else:
        pw = ucs2(password).ljust(40, b"\x00")
        mask = struct.pack("<i", int(made))
        struct.pack_into("40s", masked, 0x42 - 0x18, bytes(b ^ mask[i % 4] for i, b in enumerate(pw)))
        struct.pack_into("<I", masked, 0x6E - 0x18, 0x409)  # sort order
        struct.pack_into("<d", masked, 0x72 - 0x18, made)
    p[0x18:0x18 + n] = rc4(b"\xC7\xDA\x39\x6B", bytes(masked))
    return bytes(p)


def jet_date(d):
    return float((d - datetime.date(1899, 12, 30)).days)


def ucs2(s):
    return s.encode("utf-16-le")


def jet_text(s, compress):
    """Jet 4 text: UTF-16LE, or 'compressed' (FF FE + one byte a character);
    Jet 3: the database's code page (1252)."""
    if JET["v3"]:
        return s.encode("cp1252")
    if compress and all(0 < ord(ch) < 256 for ch in s):
        return b"\xff\xfe" + s.encode("latin-1")
    return ucs2(s)


class Page:
    """A data page (or an LVAL page): rows packed from the end."""

    def __init__(self, owner):
        self.owner = owner  # tdef page number, or b"LVAL"
        self.rows = []

    def add(self, row):
        self.rows.append(bytes(row))
        return len(self.rows) - 1

    def free(self):
        return pg_size() - rco() - 2 - 2 * len(self.rows) - sum(len(r) for r in self.rows)

    def build(self):
        p = bytearray(pg_size())
        p[0] = 1
        p[1] = 1
        owner = self.owner if isinstance(self.owner, bytes) else struct.pack("<I", self.owner)
        p[4:8] = owner
        struct.pack_into("<H", p, rco(), len(self.rows))
        end = pg_size()
        for i, r in enumerate(self.rows):
            start = end - len(r)
            assert start >= rco() + 2 + 2 * len(self.rows), "page overflow"
            p[start:end] = r
            struct.pack_into("<H", p, rco() + 2 + 2 * i, start)
            end = start
        struct.pack_into("<H", p, 2, self.free())
        return bytes(p)


class Column:
    def __init__(self, name, typ, size=None, compress=True):
        self.name, self.typ, self.compress = name, typ, compress
        self.fixed = typ in FIXED_SIZE
        self.size = FIXED_SIZE[typ] if self.fixed else (size if size is not None else 0)


class Table:
    def __init__(self, name, columns, system=False, flags=0):
        self.name, self.columns, self.system, self.flags = name, columns, system, flags
        self.rows = []
        self.tdef_pg = self.data_pg = None


def lay_out(columns):
    """Fixed offsets and variable column numbers, in column order."""
    off = 0
    var = 0
    for c in columns:
        if c.fixed:
            c.fixed_off = off
            off += c.size
            c.var_num = 0
        else:
            c.fixed_off = 0
            c.var_num = var
            var += 1
    return off, var


def col_entry(c, i):
    """A column's entry: 25 bytes (Jet 4) or 18 (Jet 3)."""
    flags = (0x01 if c.fixed else 0) | 0x02  # fixed, nullable
    if JET["v3"]:
        e = bytearray(18)
        e[0] = c.typ
        struct.pack_into("<HHH", e, 1, i, c.var_num, i)  # number, variable place, number in the row
        if c.typ in (T_TEXT, T_MEMO):
            struct.pack_into("<HH", e, 7, 0x409, 1252)  # sort order, code page
        e[13] = flags
        struct.pack_into("<HH", e, 14, c.fixed_off, c.size)
        return bytes(e)
    e = bytearray(25)
    e[0] = c.typ
    struct.pack_into("<HHH", e, 5, i, c.var_num, i)
    if c.typ in (T_TEXT, T_MEMO):
        struct.pack_into("<H", e, 11, 0x409)  # sort order: General
    e[15] = flags
    e[16] = 0x01 if c.compress and c.typ in (T_TEXT, T_MEMO) else 0  # compressed unicode
    struct.pack_into("<HH", e, 21, c.fixed_off, c.size)
    return bytes(e)


def tdef_page(t, usage_pg_row, free_pg_row):
    """The table definition: Jet 4's 63-byte block (Jet 3: 43), the column
    entries, the column names (u16 length + UCS-2; Jet 3: u8 + code page)."""
    fixed_len, nvar = lay_out(t.columns)
    body = bytearray()
    for i, c in enumerate(t.columns):
        body += col_entry(c, i)
    for c in t.columns:
        n = jet_text(c.name, False)
        body += (struct.pack("<B", len(n)) if JET["v3"] else struct.pack("<H", len(n))) + n
    body += b"\xff\xff"  # end of the variable columns' usage maps
    p = bytearray(pg_size())
    p[0] = 2
    p[1] = 1
    if JET["v3"]:
        p[2:4] = b"VC"
        struct.pack_into("<II", p, 8, 43 + len(body), len(t.rows))
        p[20] = 0x53 if t.system else 0x4E
        struct.pack_into("<HHH", p, 21, len(t.columns), nvar, len(t.columns))
        struct.pack_into("<II", p, 27, 0, 0)  # no indexes
        struct.pack_into("<II", p, 35, usage_pg_row, free_pg_row)
        p[43:43 + len(body)] = body
        return bytes(p)
    struct.pack_into("<I", p, 8, 63 + len(body))
    struct.pack_into("<I", p, 16, len(t.rows))
    p[40] = 0x53 if t.system else 0x4E
    struct.pack_into("<HHH", p, 41, len(t.columns), nvar, len(t.columns))
    struct.pack_into("<II", p, 47, 0, 0)  # no indexes
    struct.pack_into("<II", p, 55, usage_pg_row, free_pg_row)
    p[63:63 + len(body)] = body
    struct.pack_into("<H", p, 2, pg_size() - 63 - len(body) - 8)
    return bytes(p)


def pack_row(t, values):
    """A Jet 4 row: column count, fixed area, variable data, the variable
    offset table (reversed, end-of-data first), its count, the null mask."""
    fixed_len, nvar = lay_out(t.columns)
    n = len(t.columns)
    fixed = bytearray(fixed_len)
    var_data = []
    mask = bytearray((n + 7) // 8)
    for i, c in enumerate(t.columns):
        v = values[i]
        present = v is not None
        if c.typ == T_BOOL:
            present = bool(v)
        elif present and c.fixed:
            fmt = {T_BYTE: "<B", T_INT: "<h", T_LONG: "<i", T_MONEY: "<q", T_FLOAT: "<f",
                   T_DOUBLE: "<d", T_DATE: "<d"}[c.typ]
            struct.pack_into(fmt, fixed, c.fixed_off, v)
        if not c.fixed:
            var_data.append(v if present else b"")
        if present:
            mask[i // 8] |= 1 << (i % 8)
    offs = []
    pos = (1 if JET["v3"] else 2) + fixed_len
    data = bytearray()
    for d in var_data:
        offs.append(pos)
        data += d
        pos += len(d)
    offs.append(pos)  # end of data
    if JET["v3"]:  # one-byte offsets: rows kept under 256 bytes (no jump table)
        row = bytearray(struct.pack("<B", n)) + fixed + data
        if nvar:
            row += bytes(reversed(offs)) + struct.pack("<B", nvar)
        row += mask
        assert len(row) < 256, "Jet 3 row needs a jump table"
        return bytes(row)
    row = bytearray(struct.pack("<H", n)) + fixed + data
    if nvar:
        for o in reversed(offs):
            row += struct.pack("<H", o)
        row += struct.pack("<H", nvar)
    row += mask
    return bytes(row)


def memo_inline(b):
    return struct.pack("<III", len(b) | 0x80000000, 0, 0) + b


class Db:
    def __init__(self):
        self.pages = {}
        self.lval = []  # LVAL pages, numbered when built

    def long_value(self, b, first_lval_pg, single):
        """An LVAL-stored memo/OLE value: one row (single) or a chain of
        rows of at most 3000 bytes, one LVAL page each."""
        if single:
            pg = first_lval_pg + len(self.lval)
            page = Page(b"LVAL")
            row = page.add(b)
            self.lval.append(page)
            return struct.pack("<III", len(b) | 0x40000000, pg << 8 | row, 0)
        step = pg_size() - 100
        parts = [b[i:i + step] for i in range(0, len(b), step)]
        first = first_lval_pg + len(self.lval)
        for k, part in enumerate(parts):
            page = Page(b"LVAL")
            nxt = (first + k + 1) << 8 if k + 1 < len(parts) else 0
            page.add(struct.pack("<I", nxt) + part)
            self.lval.append(page)
        return struct.pack("<III", len(b), first << 8, 0)


def ole_wrapped(native, cls):
    """An Access OLE object: the OLE header (0x1C15: its size, the object's
    type, the lengths and offsets of its name and class) and an OLE 1.0
    embedded object (version, format 2, class, topic and item names,
    native data)."""
    name = b"Attachment\x00"
    clsb = cls.encode() + b"\x00"
    hdr = struct.pack("<HHIHHHH", 0x1C15, 20 + len(name) + len(clsb), 2, len(name), len(clsb),
                      20, 20 + len(name)) + b"\xff" * 4 + name + clsb
    ole1 = struct.pack("<II", 0x0501, 2)
    for s in (clsb, b"\x00", b"\x00"):
        ole1 += struct.pack("<I", len(s)) + s
    ole1 += struct.pack("<I", len(native)) + native
    return hdr + ole1 + b"\x01\x05\x00\x00" + bytes(12)


def package(file_name, data):
    """The native data of a Packager object (a file dropped into the field):
    u16 2, the label and the source path (NUL-terminated), two u32, the
    temporary path, the file's size and bytes."""
    src = b"C:\\Users\\jroe\\Documents\\" + file_name.encode() + b"\x00"
    tmp = b"C:\\Users\\jroe\\AppData\\Local\\Temp\\" + file_name.encode() + b"\x00"
    return (struct.pack("<H", 2) + file_name.encode() + b"\x00" + src + struct.pack("<II", 0x00030000, len(tmp))
            + tmp + struct.pack("<I", len(data)) + data)


def access_attachment(data, ext):
    """An Attachment column's stored file: a wrapper (u32 1 = zlib, u32 the
    content's length) and the zlib-compressed content: a header (u32 its
    length, u32 1, u32 the extension's length with its NUL, the extension
    in UTF-16LE) and the file."""
    e = ucs2(ext + "\0")
    head = struct.pack("<III", 12 + len(e), 1, len(ext) + 1) + e
    content = head + data
    return struct.pack("<II", 1, len(content)) + zlib.compress(content, 3)


def attachment():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("card.txt", (2003, 5, 1, 9, 30, 0)), ZIP_TEXT)
    return buf.getvalue()


def build(tables_fn, version=1, key=0, password="", cipher=None):
    """The database file; version 0 is Jet 3 (2048-byte pages), 1 Jet 4,
    2 ACE (Access 2007). tables_fn() gives the tables, called once the
    version is set (their text is encoded for it)."""
    JET["v3"] = version == 0
    try:
        return _build(tables_fn(), version, key, password, cipher)
    finally:
        JET["v3"] = False


def _build(tables, version, key, password, cipher):
    """Pages: 0 header, 1 global usage map, 2 MSysObjects TDEF, 3 usage
    maps, 4 the catalog rows, then a TDEF and a data page per table, then
    LVAL pages."""
    db = Db()
    pg = 5
    for t in tables:
        t.tdef_pg, t.data_pg = pg, pg + 1
        pg += 2
    first_lval = pg
    catalog = Table("MSysObjects", [
        Column("Id", T_LONG), Column("ParentId", T_LONG), Column("Name", T_TEXT, 128),
        Column("Type", T_INT), Column("Flags", T_LONG), Column("DateCreate", T_DATE),
        Column("DateUpdate", T_DATE), Column("LvProp", T_OLE), Column("Connect", T_MEMO),
        Column("Database", T_MEMO), Column("ForeignName", T_TEXT, 510)], system=True)
    catalog.tdef_pg, catalog.data_pg = 2, None
    made = jet_date(datetime.date(2003, 5, 1))
    catalog.rows.append([2, 0x0F000002, jet_text("MSysObjects", True), 1, -2147483646, made, made, None,
                         None, None, None])
    for t in tables:
        catalog.rows.append([t.tdef_pg, 0x0F000002, jet_text(t.name, True), 1, t.flags, made, made, None,
                             None, None, None])
    # a linked ODBC table (type 4): its connection string, UTF-16 in Jet 4
    catalog.rows.append([0x0100, 0x0F000002, jet_text("Payroll_Link", True), 4, 0x100000, made, made,
                         None, memo_inline(jet_text(ODBC_CONNECT, False)), None,
                         jet_text("dbo.Payroll", True)])
    # values: callables take the Db (long values placed on LVAL pages)
    for t in tables:
        t.rows = [[v(db, first_lval) if callable(v) else v for v in r] for r in t.rows]
    maps = Page(2)
    npages = first_lval + len(db.lval)
    empty = maps.add(b"\x00" + struct.pack("<I", 0) + bytes(8))

    def usage(pages):
        bm = bytearray((npages + 7) // 8 + 1)
        for p in pages:
            bm[p // 8] |= 1 << (p % 8)
        return maps.add(b"\x00" + struct.pack("<I", 0) + bytes(bm))

    cat_data = Page(2)
    for r in catalog.rows:
        cat_data.add(pack_row(catalog, r))
    cat_data_pg = 4
    cat_usage = usage([cat_data_pg])
    out = {0: header_page(version, key, password), 1: bytes([5, 1]) + bytes(pg_size() - 2)}
    out[2] = tdef_page(catalog, 3 << 8 | cat_usage, 3 << 8 | empty)
    for t in tables:
        data = Page(t.tdef_pg)
        for r in t.rows:
            data.add(pack_row(t, r))
        out[t.tdef_pg] = tdef_page(t, 3 << 8 | usage([t.data_pg]), 3 << 8 | empty)
        out[t.data_pg] = data.build()
    for i, page in enumerate(db.lval):
        out[first_lval + i] = page.build()
    out[cat_data_pg] = cat_data.build()
    out[3] = maps.build()
    if key:
        # "encoded": every page but the header RC4'd with key ^ page number
        # (Jet 3/4), or encrypted in a way only the password opens (cipher:
        # an ACCDB's Office encryption, here any other keystream)
        for i in range(1, npages):
            k = struct.pack("<I", key ^ i)
            out[i] = rc4(cipher + k if cipher else k, out[i])
    return b"".join(out[i] for i in range(npages))


def staff_tables():
    staff = Table("Staff", [
        Column("ID", T_LONG), Column("Name", T_TEXT, 100), Column("SSN", T_TEXT, 22, compress=False),
        Column("Social Security No", T_LONG), Column("Phone", T_TEXT, 40), Column("Email", T_TEXT, 100),
        Column("DOB", T_DATE), Column("Salary", T_MONEY), Column("Active", T_BOOL),
        Column("Notes", T_MEMO), Column("Contract", T_OLE), Column("Rating", T_FLOAT),
        Column("Bonus", T_DOUBLE)])
    card_memo = ("Payroll note: corporate card %s issued to Jane. " % CARD) + "x" * 4200
    staff.rows = [
        [1, jet_text("Jane Roe", True), jet_text(SSN_TEXT, False), SSN_LONG, jet_text(PHONE, True),
         jet_text(EMAIL, True), jet_date(DOB), 85000 * 10000 + 5000, True,
         lambda db, f: db.long_value(jet_text(card_memo, False), f, single=False),
         lambda db, f: db.long_value(ole_wrapped(package("card.zip", attachment()), "Package"), f,
                                     single=True),
         1.1, 123456789.0],
        [2, jet_text("Ren\u00e9e M\u00fcller", True), None, 536221876, None,
         None, jet_date(datetime.date(1980, 1, 1)), 1234 * 10000 + 2500, False,
         memo_inline(jet_text("Prefers e-mail, no calls", True)),
         lambda db, f: db.long_value(attachment(), f, single=True), None, None],
        [3, jet_text("Zip Holder", True), None, None, None, None, None, None, False, None,
         lambda db, f: db.long_value(ole_wrapped(attachment(), "WinZip"), f, single=True), None, None],
    ]
    parts = Table("Parts", [Column("PartNo", T_LONG), Column("Item", T_TEXT, 100), Column("Qty", T_INT)])
    parts.rows = [[PART_NO, jet_text("stapler", True), 2], [PART_NO + 1, jet_text("toner", True), 40]]
    # an Attachment column's files: a hidden table (flags 0x800A0000)
    files = Table("f_5C7E0B2A91D34F0C8E6A1B2C3D4E5F60_Documents", [
        Column("FileData", T_OLE), Column("FileName", T_TEXT, 510), Column("FileType", T_TEXT, 510),
        Column("Staff_Documents", T_LONG)], flags=-2146828288)
    files.rows = [[lambda db, f: db.long_value(access_attachment(ATTACH_CSV.encode(), "csv"), f, single=True),
                   jet_text("payroll 2003/Q2.csv", True), jet_text("csv", True), 1]]
    return [staff, parts, files]


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    expect = {}
    data = build(staff_tables)
    with open(os.path.join(outdir, "staff.mdb"), "wb") as f:
        f.write(data)
    expect["staff.mdb"] = {"coverage": "full", "ssn": True, "text": [
        "[Table: Staff]",
        "ID\tName\tSSN\tSocial Security No\tPhone\tEmail\tDOB\tSalary\tActive\tNotes\tContract\tRating\tBonus",
        "1\tJane Roe\t%s\t%d\t%s\t%s\t1975-03-14\t85000.5\t1\tPayroll note: corporate card %s"
        % (SSN_TEXT, SSN_LONG, PHONE, EMAIL, CARD),
        "\t1.1\t123456789",
        "2\tRen\u00e9e M\u00fcller\t\t536221876\t\t\t1980-01-01\t1234.25\t0\tPrefers e-mail, no calls",
        "[Table: Parts]", "%d\tstapler\t2" % PART_NO,
        "[Linked table: Payroll_Link -> dbo.Payroll]\tDatabase: \tConnect: " + ODBC_CONNECT]}
    with open(os.path.join(outdir, "cut.mdb"), "wb") as f:
        f.write(data[:len(data) - 1000])  # the memo's last LVAL page is cut
    expect["cut.mdb"] = {"coverage": "partial", "ssn": None, "text": []}
    # encoded (RC4 with the header's key) and with a database password: read
    with open(os.path.join(outdir, "encoded.mdb"), "wb") as f:
        f.write(build(staff_tables, key=0x5A3C9E17, password="s3cret"))
    expect["encoded.mdb"] = {"coverage": "full", "ssn": True, "text": ["[Table: Staff]", "536221875\t"]}
    # an ACCDB encrypted with a password: nothing readable without it
    with open(os.path.join(outdir, "locked.accdb"), "wb") as f:
        f.write(build(staff_tables, version=2, key=0x2E11F0AD, cipher=b"AES-128 stand-in"))
    expect["locked.accdb"] = {"coverage": "none", "ssn": False, "text": []}
    # Microsoft Money (MSISAM): a Jet 4 variant whose pages are always encrypted
    money = bytearray(build(staff_tables, key=0x1B2C3D4E, cipher=b"MSISAM stand-in"))
    money[4:19] = b"MSISAM Database"
    with open(os.path.join(outdir, "budget.mny"), "wb") as f:
        f.write(bytes(money))
    expect["budget.mny"] = {"coverage": "none", "ssn": False, "text": []}
    # Jet 3 (Access 97): 2048-byte pages, text in the code page, one-byte row offsets
    with open(os.path.join(outdir, "staff97.mdb"), "wb") as f:
        f.write(build(lambda: staff_tables()[:2], version=0))
    expect["staff97.mdb"] = {"coverage": "full", "ssn": True, "text": expect["staff.mdb"]["text"]}
    parts_only = build(lambda: [staff_tables()[1]])
    with open(os.path.join(outdir, "parts.mdb"), "wb") as f:
        f.write(parts_only)
    expect["parts.mdb"] = {"coverage": "full", "ssn": False, "text": ["%d\ttoner\t40" % (PART_NO + 1)]}
    with open(os.path.join(outdir, "expect.json"), "w") as f:
        json.dump(expect, f, indent=1)
    return expect


def seeds(outdir):
    os.makedirs(outdir, exist_ok=True)
    with open(os.path.join(outdir, "staff.mdb"), "wb") as f:
        f.write(build(staff_tables))
    with open(os.path.join(outdir, "parts.mdb"), "wb") as f:
        f.write(build(lambda: [staff_tables()[1]]))
    with open(os.path.join(outdir, "parts97.mdb"), "wb") as f:
        f.write(build(lambda: [staff_tables()[1]], version=0))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--seed":
        seeds(sys.argv[2])
    elif len(sys.argv) == 2:
        generate(sys.argv[1])
    else:
        sys.exit(__doc__)
