#!/usr/bin/env python3
"""Statistical data files written from scratch in their real layout (all
PII fake): SAS datasets (.sas7bdat) 64-bit little-endian and 32-bit
big-endian, uncompressed (data and mix pages), SASYZCRL (RLE) and
SASYZCR2 (Ross data compression) rows, numbers cut to fewer than 8
bytes, dates by format, a cut copy, and a clean measurement table.

The layout follows the R package sas7bdat's vignette (header, pages,
subheader pointers, row size / column size / column text / column name /
column attributes / format-and-label subheaders). Usage:
gen_statdata.py OUTDIR (writes OUTDIR/stat/ and OUTDIR/key.json)."""
import json
import os
import struct
import sys

MAGIC = bytes(12) + bytes([0xC2, 0xEA, 0x81, 0x60, 0xB3, 0x14, 0x11, 0xCF, 0xBD, 0x92, 0x08, 0x00,
                           0x09, 0xC7, 0x31, 0x8C, 0x18, 0x1F, 0x10, 0x11])

SIG_ROW_SIZE = 0xF7F7F7F7
SIG_COL_SIZE = 0xF6F6F6F6
SIG_TEXT = 0xFFFFFFFD
SIG_NAME = 0xFFFFFFFF
SIG_ATTRS = 0xFFFFFFFC
SIG_FORMAT = 0xFFFFFBFE

PAGE_META, PAGE_DATA, PAGE_MIX = 0x0000, 0x0100, 0x0200


class Layout:
    def __init__(self, u64, le):
        self.u64, self.le = u64, le
        self.L = 8 if u64 else 4
        self.e = "<" if le else ">"
        self.page_hdr = 40 if u64 else 24
        self.ptr_size = 24 if u64 else 12

    def int(self, v, width=None):
        width = width or self.L
        return v.to_bytes(width, "little" if self.le else "big", signed=False)

    def u16(self, v):
        return struct.pack(self.e + "H", v)

    def u32(self, v):
        return struct.pack(self.e + "I", v)

    def sig(self, s):
        """A subheader signature: 4 bytes, 8 on 64-bit (sign-extended)."""
        if not self.u64:
            return self.u32(s)
        v = s | (0xFFFFFFFF00000000 if s & 0x80000000 and s not in (SIG_ROW_SIZE, SIG_COL_SIZE) else 0)
        return self.int(v, 8)

    def num(self, x, width=8):
        """A double cut to its width most significant bytes."""
        b = struct.pack(self.e + "d", x)
        return b[8 - width:] if self.le else b[:width]


def missing():
    return struct.unpack("<d", bytes([0, 0, 0, 0, 0, 0, 0xF2, 0xFF]))[0]  # "." as SAS writes it (a NaN)


def days(y, m, d):
    import datetime
    return (datetime.date(y, m, d) - datetime.date(1960, 1, 1)).days


class Column:
    def __init__(self, name, kind, width, label="", fmt=""):
        self.name, self.kind, self.width, self.label, self.fmt = name, kind, width, label, fmt
        self.off = 0


def build_text(lay, cols, compression):
    """The column text blob (after the signature) and each column's refs."""
    blob = bytearray(lay.u16(0) + bytes(6))
    blob += (compression or b"").ljust(8, b" ") if compression else b" " * 8
    blob += b"DATASTEP".ljust(8) + bytes(8)
    refs = []
    for c in cols:
        r = {}
        for what in ("name", "label", "fmt"):
            t = getattr(c, what).encode("utf-8")
            if not t:
                r[what] = (0, 0, 0)
                continue
            r[what] = (0, len(blob), len(t))
            blob += t
            while len(blob) % 4:
                blob += b" "
        refs.append(r)
    while (len(blob) + lay.L) % 4:
        blob += b"\0"
    blob[0:2] = lay.u16(len(blob))
    return bytes(blob), refs


def ref(lay, r):
    return lay.u16(r[0]) + lay.u16(r[1]) + lay.u16(r[2])


def meta_subheaders(lay, cols, nrows, row_len, mix_rows, compression):
    L = lay.L
    text, refs = build_text(lay, cols, compression)
    out = []
    rs = bytearray(lay.sig(SIG_ROW_SIZE) + bytes((100 if lay.u64 else 120) * L - L))
    rs[5 * L:6 * L] = lay.int(row_len)
    rs[6 * L:7 * L] = lay.int(nrows)
    rs[9 * L:10 * L] = lay.int(len(cols))
    rs[15 * L:16 * L] = lay.int(mix_rows)
    out.append(bytes(rs))
    out.append(lay.sig(SIG_COL_SIZE) + lay.int(len(cols)) + bytes(L))
    out.append(lay.sig(SIG_TEXT) + text)
    name = lay.sig(SIG_NAME) + lay.u16(8 * len(cols) + 8) + bytes(6)
    for r in refs:
        name += ref(lay, r["name"]) + bytes(2)
    out.append(name + bytes(L + 4))
    attrs = lay.sig(SIG_ATTRS) + lay.u16((L + 8) * len(cols) + 8) + bytes(6)
    for c in cols:
        attrs += lay.int(c.off) + lay.u32(c.width) + lay.u16(4 if c.name else 0) + bytes([1 if c.kind == "num" else 2, 0])
    out.append(attrs + bytes(L + 4))
    for r in refs:
        f = bytearray(lay.sig(SIG_FORMAT) + bytes((64 if lay.u64 else 52) - L))
        at = 46 if lay.u64 else 34
        f[at:at + 6] = ref(lay, r["fmt"])
        f[at + 6:at + 12] = ref(lay, r["label"])
        out.append(bytes(f))
    return out


def page(lay, size, ptype, subs, tail=b"", block=None, comp=None):
    """A page: header, subheader pointers (subheaders packed from its end),
    then tail (rows) after the pointers."""
    p = bytearray(size)
    nsub = len(subs)
    end = size
    for i, sh in enumerate(subs):
        end -= len(sh)
        end -= end % 8
        p[end:end + len(sh)] = sh
        at = lay.page_hdr + i * lay.ptr_size
        c = comp[i] if comp else (0, 0)
        p[at:at + lay.ptr_size] = (lay.int(end) + lay.int(len(sh)) + bytes(c)).ljust(lay.ptr_size, b"\0")
    h = lay.page_hdr
    p[h - 8:h - 6] = lay.u16(ptype)
    p[h - 6:h - 4] = lay.u16(block if block is not None else nsub)
    p[h - 4:h - 2] = lay.u16(nsub)
    at = h + nsub * lay.ptr_size
    if ptype == PAGE_MIX and at % 8 == 4:
        at += 4
    assert at + len(tail) <= end, "page overflow"
    p[at:at + len(tail)] = tail
    return bytes(p)


def header(lay, hdr_size, page_size, npages, encoding):
    pad = 4 if lay.u64 else 0
    h = bytearray(hdr_size)
    h[0:32] = MAGIC
    h[32] = 0x33 if lay.u64 else 0x22
    h[35] = 0x33 if lay.u64 else 0x22
    h[37] = 1 if lay.le else 0
    h[39] = ord("1")
    h[70] = encoding
    h[84:92] = b"SAS FILE"
    h[92:156] = b"STAFF".ljust(64)
    h[156:164] = b"DATA    "
    h[164 + pad:196 + pad] = struct.pack(lay.e + "dddd", 1.9e9, 1.9e9, 0.0, 0.0)
    h[196 + pad:200 + pad] = lay.u32(hdr_size)
    h[200 + pad:204 + pad] = lay.u32(page_size)
    h[204 + pad:204 + pad + lay.L] = lay.int(npages)
    rel = 204 + pad + lay.L + 8
    h[rel:rel + 8] = b"9.0401M6"
    h[rel + 8:rel + 16] = b"Linux".ljust(8)
    return bytes(h)


def layout_row(cols):
    """Numbers first, then characters (as SAS lays a row out)."""
    off = 0
    for c in [c for c in cols if c.kind == "num"] + [c for c in cols if c.kind == "chr"]:
        c.off = off
        off += c.width
    return off


def encode_row(lay, cols, values, row_len, codec="utf-8"):
    row = bytearray(row_len)
    for c, v in zip(cols, values):
        if c.kind == "num":
            row[c.off:c.off + c.width] = lay.num(missing() if v is None else float(v), c.width)
        else:
            row[c.off:c.off + c.width] = v.encode(codec)[:c.width].ljust(c.width, b" ")
    return bytes(row)


def rle(data):
    """SASYZCRL: literal runs (COPY1), blank/zero runs (INSERT_BLANK2/17,
    INSERT_ZERO2), other byte runs (INSERT_BYTE3)."""
    out = bytearray()
    i, lit = 0, bytearray()

    def flush():
        while lit:
            chunk = lit[:16]
            del lit[:16]
            out.append(0x80 | (len(chunk) - 1))
            out.extend(chunk)
    while i < len(data):
        b = data[i]
        n = 1
        while i + n < len(data) and data[i + n] == b and n < 4000:
            n += 1
        if b == 0x20 and n >= 17:
            flush()
            k = n - 17
            out += bytes([0x60 | (k >> 8), k & 0xFF])
        elif b in (0x20, 0) and n >= 2:
            n = min(n, 17)
            flush()
            out.append((0xE0 if b == 0x20 else 0xF0) | (n - 2))
        elif n >= 3:
            n = min(n, 18)
            flush()
            out += bytes([0xC0 | (n - 3), b])
        else:
            n = 1
            lit.append(b)
        i += n
    flush()
    return bytes(out)


def rdc(data):
    """SASYZCR2 (Ross data compression): literals, short and long runs,
    short and long back references, 16 items per control word."""
    items = []
    i = 0
    while i < len(data):
        b = data[i]
        n = 1
        while i + n < len(data) and data[i + n] == b and n < 4114:
            n += 1
        if n >= 19:
            k = n - 19
            items.append((1, bytes([0x10 | (k & 0xF), k >> 4, b])))
            i += n
            continue
        if n >= 3:
            items.append((1, bytes([n - 3, b])))
            i += n
            continue
        best, back = 0, 0
        for j in range(max(0, i - 4098), i):
            k = 0
            while i + k < len(data) and k < 271 and data[j + k] == data[i + k] and j + k < i:
                k += 1
            if k > best and i - j >= 3:
                best, back = k, i - j
        if best >= 16:
            o = back - 3
            items.append((1, bytes([0x20 | (o & 0xF), o >> 4, best - 16])))
            i += best
        elif best >= 3:
            o = back - 3
            items.append((1, bytes([(best << 4) | (o & 0xF), o >> 4])))
            i += best
        else:
            items.append((0, bytes([b])))
            i += 1
    out = bytearray()
    for g in range(0, len(items), 16):
        group = items[g:g + 16]
        ctl = 0
        for k, (flag, _) in enumerate(group):
            ctl |= flag << (15 - k)
        out += struct.pack(">H", ctl)
        for _, body in group:
            out += body
    return bytes(out)


def staff_columns():
    return [Column("EMPNO", "chr", 8, "Employee number"),
            Column("NAME", "chr", 40, "Full name"),
            Column("SSN", "num", 8, "SSN", "BEST12."),
            Column("DOB", "num", 8, "Date of birth", "DATE9."),
            Column("HIRED", "num", 8, "", "DATETIME20."),
            Column("SALARY", "num", 8, "Annual salary", "DOLLAR12.2"),
            Column("DEPT", "num", 3, "Department"),
            Column("EMAIL", "chr", 48, "E-mail")]


def staff_rows():
    t = 86400
    return [["E1001", "Jürgen Müller", 536221874, days(1975, 3, 14), days(2010, 1, 4) * t + 9 * 3600, 84250.5, 12,
             "j.mueller@example-corp.com"],
            ["E1002", "Aisha Patel", 412583307, days(1982, 11, 2), days(2015, 6, 1) * t, 91000, 7,
             "a.patel@example-corp.com"],
            ["E1003", "Carmen Reyes", 212447781, days(1968, 1, 2), None, 66120.25, 3, "c.reyes@example-corp.com"],
            ["E1004", "Tomasz Nowak", 601354422, days(1990, 7, 30), days(2019, 9, 16) * t, 58000, 12,
             "t.nowak@example-corp.com"]]


def sas7bdat(u64=True, le=True, compression=None, mix=False, encoding=20, cols=None, rows=None, page_size=4096):
    lay = Layout(u64, le)
    cols = cols or staff_columns()
    rows = rows or staff_rows()
    row_len = layout_row(cols)
    codec = "utf-8" if encoding == 20 else "cp1252"
    raw = [encode_row(lay, cols, r, row_len, codec) for r in rows]
    comp_name = {"rle": b"SASYZCRL", "rdc": b"SASYZCR2"}.get(compression)
    hdr_size = 8192 if u64 else 1024
    pages = []
    if compression:
        meta = meta_subheaders(lay, cols, len(rows), row_len, 0, comp_name)
        pages.append(page(lay, page_size, PAGE_META, meta))
        enc = rle if compression == "rle" else rdc
        subs = [enc(r) for r in raw]
        for s, r in zip(subs, raw):
            assert len(s) < len(r), "row did not compress"
        pages.append(page(lay, page_size, PAGE_META, subs, comp=[(4, 1)] * len(subs)))
    elif mix:
        # the first two rows on the mix page after the metadata, the rest on a data page
        meta = meta_subheaders(lay, cols, len(rows), row_len, 2, None)
        pages.append(page(lay, page_size, PAGE_MIX, meta, tail=b"".join(raw[:2])))
        pages.append(page(lay, page_size, PAGE_DATA, [], tail=b"".join(raw[2:]), block=len(raw) - 2))
    else:
        meta = meta_subheaders(lay, cols, len(rows), row_len, 0, None)
        pages.append(page(lay, page_size, PAGE_META, meta))
        pages.append(page(lay, page_size, PAGE_DATA, [], tail=b"".join(raw[:2]), block=2))
        pages.append(page(lay, page_size, PAGE_DATA, [], tail=b"".join(raw[2:]), block=len(raw) - 2))
    return header(lay, hdr_size, page_size, len(pages), encoding) + b"".join(pages)


def measures():
    cols = [Column("SUBJID", "num", 8, "Subject"), Column("VISIT", "num", 8, "Visit"),
            Column("WEIGHT", "num", 8, "Weight (kg)"), Column("HEIGHT", "num", 8, "Height (cm)"),
            Column("SITE", "chr", 12, "Site")]
    rows = [[101, 1, 72.5, 178, "North"], [101, 2, 71.9, 178, "North"], [102, 1, 64.25, 165.5, "South"],
            [103, 1, 90.1, 181, "East"]]
    return cols, rows


# ---- SPSS system files (.sav) ----

def sav_seconds(y, m, d, secs=0):
    import datetime
    return (datetime.date(y, m, d) - datetime.date(1582, 10, 14)).days * 86400 + secs


class SavVar:
    def __init__(self, name, width, label="", fmt=(5, 12, 0)):
        self.name, self.width, self.label, self.fmt = name, width, label, fmt

    def segments(self):
        """(width of each segment) as SPSS splits a very long string."""
        if self.width <= 255:
            return [self.width]
        n = (self.width + 251) // 252
        return [255] * (n - 1) + [self.width - 252 * (n - 1)]


def sav_slots(w):
    return 1 if w == 0 else (w + 7) // 8


def sav(vars_, cases, le=True, compressed=True, docs=(), long_names=None, ncases=None):
    e = "<" if le else ">"
    i32 = lambda v: struct.pack(e + "i", v)  # noqa: E731
    nslots = sum(sav_slots(w) for v in vars_ for w in v.segments())
    out = bytearray(b"$FL2" + b"@(#) SPSS DATA FILE leaksift test".ljust(60))
    out += i32(2) + i32(nslots) + i32(1 if compressed else 0) + i32(0)
    out += i32(len(cases) if ncases is None else ncases) + struct.pack(e + "d", 100.0)
    out += b"30 Nov 26" + b"18:00:00" + b"Staff survey".ljust(64) + bytes(3)
    for v in vars_:
        for k, w in enumerate(v.segments()):
            name = v.name if k == 0 else (v.name[:5] + str(k))
            fmt = (1 << 16 | max(w, 1) << 8) if w else (v.fmt[0] << 16 | v.fmt[1] << 8 | v.fmt[2])
            lab = v.label.encode("utf-8") if k == 0 else b""
            out += i32(2) + i32(w) + i32(1 if lab else 0) + i32(0) + i32(fmt) + i32(fmt)
            out += name.upper().encode()[:8].ljust(8)
            if lab:
                out += i32(len(lab)) + lab.ljust((len(lab) + 3) // 4 * 4)
            for _ in range(sav_slots(w) - 1):
                out += i32(2) + i32(-1) + i32(0) + i32(0) + i32(0x011D01) + i32(0x011D01) + b"        "
    if docs:
        out += i32(6) + i32(len(docs)) + b"".join(d.encode().ljust(80) for d in docs)
    # machine integer info (subtype 3): character code 65001
    out += i32(7) + i32(3) + i32(4) + i32(8) + b"".join(i32(x) for x in (20, 0, 0, -1, 1, 1, 2, 65001))
    if long_names:
        data = "\t".join("%s=%s" % kv for kv in long_names.items()).encode()
        out += i32(7) + i32(13) + i32(1) + i32(len(data)) + data
    vls = [v for v in vars_ if v.width > 255]
    if vls:
        data = b"".join(b"%s=%05d\0\t" % (v.name.upper().encode(), v.width) for v in vls)
        out += i32(7) + i32(14) + i32(1) + i32(len(data)) + data
    out += i32(7) + i32(20) + i32(1) + i32(5) + b"UTF-8"
    out += i32(999) + i32(0)
    elems = []
    for c in cases:
        for v, val in zip(vars_, c):
            if v.width == 0:
                elems.append(("num", val))
                continue
            raw = val.encode("utf-8")
            pos = 0
            for w in v.segments():
                take = 252 if w == 255 and v.width > 255 else w
                seg = raw[pos:pos + take]
                pos += take
                seg = seg.ljust(sav_slots(w) * 8, b" ")
                elems.extend(("str", seg[i:i + 8]) for i in range(0, len(seg), 8))
    if not compressed:
        for kind, val in elems:
            if kind == "num":
                out += struct.pack(e + "d", -1.7976931348623157e308 if val is None else float(val))
            else:
                out += val
        return bytes(out)
    codes, data = [], bytearray()
    for kind, val in elems:
        if kind == "num":
            if val is None:
                codes.append(255)
            elif float(val).is_integer() and -99 <= val <= 151:
                codes.append(int(val) + 100)
            else:
                codes.append(253)
                data += struct.pack(e + "d", float(val))
        elif val == b" " * 8:
            codes.append(254)
        else:
            codes.append(253)
            data += val
    codes.append(252)
    # blocks: 8 codes, then the 8-byte data the 253s of that block take
    di = 0
    for b in range(0, len(codes), 8):
        block = codes[b:b + 8]
        out += bytes(block).ljust(8, b"\0")
        for cd in block:
            if cd == 253:
                out += data[di:di + 8]
                di += 8
    return bytes(out)


def sav_staff(**kw):
    vars_ = [SavVar("EMPNO", 8, "Employee number"), SavVar("NAME", 40, "Full name"),
             SavVar("SSN", 0, "SSN", (5, 9, 0)), SavVar("DOB", 0, "", (20, 11, 0)),
             SavVar("HIRED", 0, "Hired", (22, 20, 0)), SavVar("SALARY", 0, "Annual salary", (5, 10, 2)),
             SavVar("DEPT", 0, "Department", (5, 3, 0)), SavVar("NOTES", 300, "Notes")]
    note = "Reviewed " + "x" * 240 + " contact j.mueller@example-corp.com"
    cases = [["E1001", "Jürgen Müller", 536221874, sav_seconds(1975, 3, 14), sav_seconds(2010, 1, 4, 9 * 3600),
              84250.5, 12, note],
             ["E1002", "Aisha Patel", 412583307, sav_seconds(1982, 11, 2), sav_seconds(2015, 6, 1), 91000, 7, ""],
             ["E1003", "Carmen Reyes", 212447781, sav_seconds(1968, 1, 2), None, 66120.25, 3, "on leave"],
             ["E1004", "Tomasz Nowak", 601354422, sav_seconds(1990, 7, 30), sav_seconds(2019, 9, 16), 58000, 12,
              ""]]
    return sav(vars_, cases, docs=("Staff survey 2026, HR use only",), long_names={"DOB": "DateOfBirth"}, **kw)


# ---- Stata datasets (.dta) ----

DTA_STAFF = [("empno", "str8", "Employee number", "%8s"), ("name", "str40", "Full name", "%40s"),
             ("ssn", "double", "SSN", "%12.0g"), ("dob", "long", "Date of birth", "%td"),
             ("hired", "double", "Hired", "%tc"), ("salary", "float", "Annual salary", "%9.2f"),
             ("dept", "byte", "Department", "%8.0g"), ("notes", "strL", "Notes", "%9s")]


def dta_rows():
    def ms(y, m, d, secs=0):
        return (days(y, m, d) * 86400 + secs) * 1000
    return [["E1001", "Jürgen Müller", 536221874, days(1975, 3, 14), ms(2010, 1, 4, 9 * 3600), 84250.5, 12,
             "contact j.mueller@example-corp.com after 6pm"],
            ["E1002", "Aisha Patel", 412583307, days(1982, 11, 2), ms(2015, 6, 1), 91000, 7, ""],
            ["E1003", "Carmen Reyes", 212447781, days(1968, 1, 2), None, 66120.25, 3, "on leave"],
            ["E1004", "Tomasz Nowak", 601354422, days(1990, 7, 30), ms(2019, 9, 16), 58000, 12, "c.reyes@example-corp.com"]]


def dta_value(e, typ, val, new, strl=None):
    if typ.startswith("str") and typ != "strL":
        w = int(typ[3:])
        return val.encode("utf-8" if new else "cp1252")[:w].ljust(w, b"\0")
    if typ == "strL":
        return strl
    miss = {"byte": struct.pack(e + "b", 101), "long": struct.pack(e + "i", 2147483621),
            "float": struct.pack(e + "I", 0x7F000000), "double": struct.pack(e + "Q", 0x7FE0000000000000)}
    if val is None:
        return miss[typ]
    return struct.pack(e + {"byte": "b", "int": "h", "long": "i", "float": "f", "double": "d"}[typ], val)


def dta118(vars_=DTA_STAFF, rows=None):
    rows = rows or dta_rows()
    e = "<"
    codes = {"double": 65526, "float": 65527, "long": 65528, "int": 65529, "byte": 65530, "strL": 32768}
    K, N = len(vars_), len(rows)
    parts, offs = [], {}

    def add(tag, body=b""):
        offs[tag] = sum(len(p) for p in parts)
        parts.append(b"<%s>" % tag.encode() + body + b"</%s>" % tag.encode())
    head = (b"<stata_dta><header><release>118</release><byteorder>LSF</byteorder><K>" + struct.pack("<H", K) +
            b"</K><N>" + struct.pack("<Q", N) + b"</N><label>" + struct.pack("<H", 12) + b"Staff extrac" +
            b"</label><timestamp>\x1130 Nov 2026 18:00</timestamp></header>")
    parts.append(head)
    map_at = len(head)
    add("map", bytes(14 * 8))
    add("variable_types", b"".join(struct.pack("<H", (codes[t] if t in codes else int(t[3:])))
                                   for _, t, _, _ in vars_))
    add("varnames", b"".join(n.encode().ljust(129, b"\0") for n, _, _, _ in vars_))
    add("sortlist", bytes(2 * (K + 1)))
    add("formats", b"".join(f.encode().ljust(57, b"\0") for _, _, _, f in vars_))
    add("value_label_names", bytes(129 * K))
    add("variable_labels", b"".join(lab.encode().ljust(321, b"\0") for _, _, lab, _ in vars_))
    add("characteristics")
    data, gso = bytearray(), bytearray()
    for r, row in enumerate(rows, 1):
        for v, (name, typ, _, _) in enumerate(vars_, 1):
            strl = None
            if typ == "strL":
                if row[v - 1]:
                    strl = struct.pack("<Q", v | (r << 16))
                    body = row[v - 1].encode() + b"\0"
                    gso += b"GSO" + struct.pack("<IQ", v, r) + bytes([130]) + struct.pack("<I", len(body)) + body
                else:
                    strl = bytes(8)
            data += dta_value(e, typ, row[v - 1], True, strl)
    add("data", bytes(data))
    add("strls", bytes(gso))
    add("value_labels")
    parts.append(b"</stata_dta>")
    out = bytearray(b"".join(parts))
    order = ["map", "variable_types", "varnames", "sortlist", "formats", "value_label_names", "variable_labels",
             "characteristics", "data", "strls", "value_labels"]
    table = [0] + [offs[t] for t in order] + [len(out) - len(b"</stata_dta>"), len(out)]
    out[map_at + 5:map_at + 5 + 14 * 8] = b"".join(struct.pack("<Q", x) for x in table)
    return bytes(out)


def dta114(vars_=None, rows=None):
    """Format 114, big-endian (HILO); strL as str80 (there were no strLs)."""
    vars_ = [(n, "str80" if t == "strL" else t, lab, f) for n, t, lab, f in (vars_ or DTA_STAFF)]
    rows = rows or dta_rows()
    e = ">"
    codes = {"byte": 251, "int": 252, "long": 253, "float": 254, "double": 255}
    K = len(vars_)
    out = bytearray([114, 1, 1, 0]) + struct.pack(">HI", K, len(rows))
    out += b"Staff extract".ljust(81, b"\0") + b"30 Nov 2026 18:00".ljust(18, b"\0")
    out += bytes((codes[t] if t in codes else int(t[3:])) for _, t, _, _ in vars_)
    out += b"".join(n.encode().ljust(33, b"\0") for n, _, _, _ in vars_)
    out += bytes(2 * (K + 1))
    out += b"".join(f.encode().ljust(49, b"\0") for _, _, _, f in vars_)
    out += bytes(33 * K)
    out += b"".join(lab.encode().ljust(81, b"\0") for _, _, lab, _ in vars_)
    out += bytes([0]) + struct.pack(">I", 0)
    for row in rows:
        for (name, typ, _, _), val in zip(vars_, row):
            out += dta_value(e, typ, val, False)
    return bytes(out)


# ---- SAS transport files (.xpt, XPORT version 5) ----

def ibm(x, width=8):
    """A double as an IBM hexadecimal float, cut to width bytes; None: '.'."""
    if x is None:
        return b"." + bytes(width - 1)
    if x == 0:
        return bytes(width)
    sign = 0x80 if x < 0 else 0
    x = abs(float(x))
    exp = 0
    while x >= 1:
        x /= 16
        exp += 1
    while x < 1 / 16:
        x *= 16
        exp -= 1
    frac = int(round(x * (1 << 56)))
    if frac >= 1 << 56:
        frac >>= 4
        exp += 1
    return (bytes([sign | (exp + 64)]) + frac.to_bytes(7, "big"))[:width]


def xpt_header(kind, rest="000000000000000000000000000000"):
    return ("HEADER RECORD*******%-8sHEADER RECORD!!!!!!!%s" % (kind, rest)).ljust(80).encode()


def xpt(cols, rows):
    out = bytearray(xpt_header("LIBRARY"))
    out += b"SAS     SAS     SASLIB  9.4     X64_10PR".ljust(64) + b"30NOV26:18:00:00"
    out += b"30NOV26:18:00:00".ljust(80)
    out += xpt_header("MEMBER", "000000000000000001600000000140")
    out += xpt_header("DSCRPTR")
    out += b"SAS     STAFF   SASDATA 9.4     X64_10PR".ljust(64) + b"30NOV26:18:00:00"
    out += b"30NOV26:18:00:00".ljust(32) + b"Staff extract".ljust(40) + b" " * 8
    out += xpt_header("NAMESTR", "000000%04d00000000000000000000" % len(cols))
    pos, names = 0, bytearray()
    for i, c in enumerate(cols, 1):
        w = c.width
        names += struct.pack(">hhhh", 1 if c.kind == "num" else 2, 0, w, i)
        names += c.name.encode().ljust(8) + c.label.encode("cp1252").ljust(40)
        fmt = c.fmt.rstrip("0123456789.")
        names += fmt.encode().ljust(8) + struct.pack(">hhh", 0, 0, 0) + bytes(2)
        names += b" " * 8 + struct.pack(">hh", 0, 0) + struct.pack(">i", pos) + bytes(52)
        c.off = pos
        pos += w
    out += names + b" " * (-len(names) % 80)
    out += xpt_header("OBS")
    obs = bytearray()
    for r in rows:
        for c, v in zip(cols, r):
            if c.kind == "num":
                obs += ibm(v, c.width)
            else:
                obs += v.encode("cp1252")[:c.width].ljust(c.width)
    out += obs + b" " * (-len(obs) % 80)
    return bytes(out)


def generate(out):
    os.makedirs(out, exist_ok=True)
    key = {}
    pii = [["ssn", "1874"], ["ssn", "3307"], ["ssn", "7781"], ["ssn", "4422"], ["dob", None], ["email", None]]

    def write(name, data, spec):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        key[name] = spec

    write("staff64.sas7bdat", sas7bdat(), {"find": pii, "coverage": "full"})
    write("staff32be.sas7bdat", sas7bdat(u64=False, le=False, mix=True, encoding=62),
          {"find": pii, "coverage": "full"})
    write("staff_rle.sas7bdat", sas7bdat(compression="rle"), {"find": pii, "coverage": "full"})
    write("staff64be_rle.sas7bdat", sas7bdat(le=False, compression="rle"), {"find": pii, "coverage": "full"})
    write("staff_rdc.sas7bdat", sas7bdat(u64=False, compression="rdc"), {"find": pii, "coverage": "full"})
    cols, rows = measures()
    write("measures.sas7bdat", sas7bdat(cols=cols, rows=rows), {"find": [], "coverage": "full"})
    # cut inside the last data page: the first page's two rows are read
    whole = sas7bdat()
    write("staff_cut.sas7bdat", whole[:len(whole) - 4096 + 100],
          {"find": [["ssn", "1874"], ["ssn", "3307"]], "coverage": "partial", "reason": "truncated"})
    write("staff.sav", sav_staff(), {"find": pii, "coverage": "full"})
    write("staff_be.sav", sav_staff(le=False, compressed=False), {"find": pii, "coverage": "full"})
    whole = sav_staff()
    write("staff_cut.sav", whole[:len(whole) - 200], {"find": [["ssn", "1874"]], "coverage": "partial",
                                                       "reason": "truncated"})
    write("staff.zsav", b"$FL3" + whole[4:], {"find": [], "coverage": "none", "reason": "unsupported"})
    write("staff118.dta", dta118(), {"find": pii, "coverage": "full"})
    write("staff114.dta", dta114(), {"find": pii, "coverage": "full"})
    whole = dta114()
    write("staff_cut.dta", whole[:len(whole) - 250], {"find": [["ssn", "1874"]], "coverage": "partial",
                                                       "reason": "truncated"})
    write("staff.xpt", xpt(staff_columns(), staff_rows()), {"find": pii, "coverage": "full"})
    cols, rows = measures()
    write("measures.xpt", xpt(cols, rows), {"find": [], "coverage": "full"})
    # two members: the second's member header follows the first's observations
    write("two_members.xpt", xpt(cols, rows) + xpt(staff_columns(), staff_rows())[240:],
          {"find": pii, "coverage": "full"})
    whole = xpt(staff_columns(), staff_rows())
    write("staff_cut.xpt", whole[:len(whole) - 150], {"find": [["ssn", "1874"]], "coverage": "partial",
                                                       "reason": "truncated"})
    return key


def main():
    out = sys.argv[1]
    key = generate(os.path.join(out, "stat"))
    with open(os.path.join(out, "key.json"), "w") as f:
        json.dump(key, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
