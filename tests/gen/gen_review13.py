#!/usr/bin/env python3
"""Files for review13's findings on the fourteenth session's readers
(bplist.c: binary and XML property lists, AppleDouble; evtx.c; mdb.c);
tests/e2e/test_review13.py.

    gen_review13.py OUTDIR
    gen_review13.py --seed OUTDIR   (small versions for fuzz/corpus/<t>/)

Written from scratch with Python's standard library (all values fake):
- keyed_fanout.bplist: an NSKeyedArchiver archive whose 40,000 archived
  dictionaries all name one NS.keys/NS.objects list of 200,000 UIDs (a
  real archive gives each dictionary its own): pairing them walked 8 * 10^9
  items (a worker busy for its whole time limit on a 1.4 MB file); an
  address in $objects must still be read;
- data_fanout.bplist: a dictionary whose 3,000 keys all name one data
  object (a text of 300 bytes with an SSN): it was handed over 3,000 times,
  each child scanned again;
- ad_self.appledouble (named ._self.txt): an AppleDouble file whose Finder
  info lists 40 extended attributes, each the whole file (offset 0): each
  child is the same AppleDouble again, 40^depth objects; and ad_ok
  (._notes.txt): a normal one, whose attribute (a Finder comment holding an
  address) is still read;
- plist_cut.plist: an XML property list cut after a value, its <dict> and
  <plist> never closed: was coverage full;
- plist_deep.plist: an XML property list whose values sit below 10,000
  nested arrays, then a labelled SSN after them: the reader stopped at the
  49th level and read nothing after it;
- evtx_missing.evtx: an event log whose header counts 3 chunks, with only
  the first in the file (a copy cut at a chunk's end): was full;
- evtx_cut.evtx: an event log cut inside its chunk right after a record,
  before the chunk's free-space offset: was full;
- evtx_static.evtx: an event whose template (defined in the record) holds
  the machine's name as constant text (<Computer>WS-MKOWALSKI.corp...
  </Computer>, as Windows writes it: a value in the definition, not a
  substitution) and an address in a <Data> element's text: the reader
  walked the definition for labels only, and both were never text;
- mdb_dupcat.mdb: an Access database whose catalog lists one table twice
  (under two names): its rows were read twice, every value counted twice;
- mdb_lvloop.mdb: six tables of 150 rows whose memo values all name one
  long-value row that names itself as the next: each value followed the
  cycle once per page of the file (quadratic in the file's size: a few
  MB kept a worker busy to its time limit); a first table's plain memo
  and SSN are still read.
The key maps each file to what the test checks.
"""
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import gen_mdb  # noqa: E402
import make_hostile11  # noqa: E402

EMAIL = "marta.kowalski@leaksift-test.org"
SSN = "536-22-1874"
SSN2 = "536-41-7720"


# ---- binary property lists ----

def bp_count(hi, n):
    if n < 15:
        return bytes([hi << 4 | n])
    return bytes([hi << 4 | 0xF]) + b"\x13" + struct.pack(">Q", n)


def bp_ascii(s):
    b = s.encode("ascii")
    return bp_count(5, len(b)) + b


def bp_refs(refs, refsz):
    return b"".join(r.to_bytes(refsz, "big") for r in refs)


def bp_array(refs, refsz):
    return bp_count(0xA, len(refs)) + bp_refs(refs, refsz)


def bp_dict(keys, vals, refsz):
    return bp_count(0xD, len(keys)) + bp_refs(keys, refsz) + bp_refs(vals, refsz)


def bp_uid(u):
    return bytes([0x83]) + struct.pack(">I", u)


def bp_data(b):
    return bp_count(4, len(b)) + b


def bplist(objs, refsz, top=0):
    """bplist00, the objects, an offset table of 4-byte entries, the trailer."""
    out = bytearray(b"bplist00")
    offs = []
    for o in objs:
        offs.append(len(out))
        out += o
    table = len(out)
    for off in offs:
        out += struct.pack(">I", off)
    out += bytes(6) + bytes([4, refsz]) + struct.pack(">QQQ", len(objs), top, table)
    return bytes(out)


def keyed_fanout(ndicts=40000, nkeys=200000):
    """Objects: 0 top dict, 1 "$archiver", 2 "NSKeyedArchiver", 3
    "$objects", 4 the $objects array, 5 an integer (-1: gives no text, so
    the pairs cost time only), 6 a UID naming $objects[0],
    7 the shared UID list, 8 "NS.keys", 9 "NS.objects", 10 the address,
    11.. the dictionaries."""
    r = 4
    first = 11
    objs = [
        bp_dict([1, 3], [2, 4], r),
        bp_ascii("$archiver"),
        bp_ascii("NSKeyedArchiver"),
        bp_ascii("$objects"),
        bp_array([5, 10] + list(range(first, first + ndicts)), r),
        b"\x13" + struct.pack(">q", -1),  # a negative integer: no text
        bp_uid(0),
        bp_array([6] * nkeys, r),
        bp_ascii("NS.keys"),
        bp_ascii("NS.objects"),
        bp_ascii(EMAIL),
    ]
    one = bp_dict([8, 9], [7, 7], r)
    objs += [one] * ndicts
    return bplist(objs, r)


def data_fanout(nkeys=3000):
    """A dictionary of nkeys keys (one key string each) whose values are all
    the one data object."""
    r = 2
    note = ("Benefits enrollment note. Employee SSN: %s. " % SSN).encode() + b"x" * 250
    objs = [bp_dict(list(range(2, 2 + nkeys)), [1] * nkeys, r), bp_data(note)]
    objs += [bp_ascii("k%d" % i) for i in range(nkeys)]
    return bplist(objs, r)


# ---- AppleDouble ----

def appledouble(attrs, self_ref=0, total=None):
    """Header (magic, version 2, 16 filler bytes, 2 entries: Finder info 9
    and resource fork 2), the Finder info's 32 bytes, an ATTR header and
    attribute entries (offset, length, flags, name length, name, 4-aligned),
    then the attributes' data. self_ref: that many more attributes naming
    the whole file."""
    entries = 2
    fi_off = 26 + 12 * entries
    names = [(n, v) for n, v in attrs] + [("com.acme.loop%d" % i, None) for i in range(self_ref)]
    table = b""
    ents = []
    for n, _ in names:
        nb = n.encode() + b"\0"
        e = 11 + len(nb)
        ents.append((nb, e, (e + 3) & ~3))
    attr_hdr_off = fi_off + 32
    data_off = attr_hdr_off + 36 + sum(a for _, _, a in ents)
    data = b""
    placed = []
    for n, v in names:
        if v is None:
            placed.append(None)
        else:
            placed.append((data_off + len(data), len(v)))
            data += v
    size = data_off + len(data)
    for (nb, e, a), p in zip(ents, placed):
        off, ln = p if p else (0, size)
        table += struct.pack(">IIHB", off, ln, 0, len(nb)) + nb + bytes(a - e)
    attr_hdr = (b"ATTR" + struct.pack(">III", 0, size, data_off) + struct.pack(">I", len(data))
                + bytes(12) + struct.pack(">HH", 0, len(names)))
    fi_len = size - fi_off
    head = struct.pack(">II", 0x00051607, 0x00020000) + bytes(16) + struct.pack(">H", entries)
    head += struct.pack(">III", 9, fi_off, fi_len) + struct.pack(">III", 2, size, 0)
    out = head + bytes(32) + attr_hdr + table + data
    assert len(out) == size
    return out


def finder_comment(text):
    """A Finder comment as macOS stores it: a binary plist holding a string."""
    return bplist([bp_ascii(text)], 1)


# ---- XML property lists ----

PLIST_HEAD = ('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" '
              '"http://www.apple.com/DTDs/PropertyList-1.0.dtd">\n<plist version="1.0">\n')


def plist_cut():
    return (PLIST_HEAD + "<dict>\n\t<key>EmployeeEmail</key>\n\t<string>%s</string>\n"
            "\t<key>Benefits</key>\n\t<dict>\n\t\t<key>Plan</key>\n\t\t<string>PPO</string>\n" % EMAIL)


def plist_deep(levels=10000):
    return (PLIST_HEAD + "<dict>\n<key>Nested</key>\n" + "<array>" * levels + "<string>deep</string>"
            + "</array>" * levels + "\n<key>EmployeeSSN</key>\n<string>%s</string>\n</dict>\n</plist>\n"
            % SSN2)


# ---- event logs ----

EVENTS = [(101, [("TargetUserName", EMAIL), ("TargetDomainName", "ACME")]),
          (102, [("TargetUserName", "svc-backup"), ("TargetDomainName", "ACME")])]


STATIC_HOST = "WS-MKOWALSKI.corp.leaksift-test.org"
STATIC_NOTE = "escalate to helpdesk-lead@leaksift-test.org"


def evtx_static():
    """One record: a fragment header, a template instance whose definition
    follows in place (<Event><System><Computer>HOST</Computer></System>
    <EventData><Data Name="TargetUserName">%1</Data><Data Name="Note">
    NOTE</Data></EventData></Event>: HOST and NOTE constant value tokens
    of the definition), then the substitution array (one UTF-16 value)."""
    rec_off = 512
    out = bytearray()

    def here():
        return rec_off + 24 + len(out)

    def name(s):
        off = here() + 4
        out.extend(struct.pack("<I", off) + struct.pack("<IHH", 0, 0, len(s)) + make_hostile11.u16z(s))

    def elem(s, attrs=False):
        out.extend(b"\x41" if attrs else b"\x01")
        out.extend(struct.pack("<HI", 0xFFFF, 0))
        name(s)
        if attrs:
            out.extend(struct.pack("<I", 0))

    def value(s):
        out.extend(b"\x05\x01" + struct.pack("<H", len(s)) + make_hostile11.u16(s))

    out += b"\x0f\x01\x01\x00"
    out += b"\x0c\x01" + struct.pack("<I", 0x5EED0001)
    out += struct.pack("<I", here() + 4)
    out += struct.pack("<I", 0) + bytes(range(16)) + b"\0\0\0\0"
    size_at = len(out) - 4
    start = len(out)
    out += b"\x0f\x01\x01\x00"
    elem("Event")
    out += b"\x02"
    elem("System")
    out += b"\x02"
    elem("Computer")
    out += b"\x02"
    value(STATIC_HOST)
    out += b"\x04\x04"
    elem("EventData")
    out += b"\x02"
    elem("Data", attrs=True)
    out += b"\x06"
    name("Name")
    value("TargetUserName")
    out += b"\x02\x0e" + struct.pack("<HB", 0, 0x01) + b"\x04"
    elem("Data", attrs=True)
    out += b"\x06"
    name("Name")
    value("Note")
    out += b"\x02"
    value(STATIC_NOTE)
    out += b"\x04\x04\x04\x00"
    struct.pack_into("<I", out, size_at, len(out) - start)
    v = make_hostile11.u16("svc-backup")
    out += struct.pack("<I", 1) + struct.pack("<HBB", len(v), 0x01, 0) + v
    size = 24 + len(out) + 4
    rec = struct.pack("<IIQQ", 0x2A2A, size, 7, 0x01D0081B00000007) + out + struct.pack("<I", size)
    ch = bytearray(65536)
    ch[0:8] = b"ElfChnk\0"
    struct.pack_into("<QQQQIII", ch, 8, 7, 7, 7, 7, 128, 512, 512 + len(rec))
    ch[512:512 + len(rec)] = rec
    fh = bytearray(4096)
    fh[0:8] = b"ElfFile\0"
    struct.pack_into("<QQQIHHHH", fh, 8, 0, 0, 8, 128, 1, 3, 4096, 1)
    return bytes(fh) + bytes(ch)


def evtx_missing():
    log = bytearray(make_hostile11.evtx(EVENTS))
    struct.pack_into("<H", log, 42, 3)  # the header counts 3 chunks; one is in the file
    return bytes(log)


def evtx_cut():
    """Cut right after the first record: the chunk's free-space offset
    (48) says the second record follows."""
    log = make_hostile11.evtx(EVENTS)
    first = struct.unpack_from("<I", log, 4096 + 512 + 4)[0]
    return log[:4096 + 512 + first]


# ---- Access ----

def mdb_dupcat():
    """staff.mdb's tables plus an empty table whose catalog row is then
    pointed at the Parts table's definition page."""
    made = {}

    def tables():
        ts = gen_mdb.staff_tables()[:2]
        alias = gen_mdb.Table("Parts_Archive", [gen_mdb.Column("PartNo", gen_mdb.T_LONG)])
        made["parts"], made["alias"] = ts[1], alias
        return ts + [alias]
    data = bytearray(gen_mdb.build(tables))
    pg = gen_mdb.pg_size()
    old = struct.pack("<II", made["alias"].tdef_pg, 0x0F000002)
    new = struct.pack("<II", made["parts"].tdef_pg, 0x0F000002)
    cat = data[4 * pg:5 * pg]
    assert cat.count(old) == 1
    data[4 * pg:5 * pg] = cat.replace(old, new)
    return bytes(data)


def mdb_lvloop(ntables=6, nrows=150):
    shared = {}

    def loop(db, first_lval):
        if "hdr" not in shared:
            pg = first_lval + len(db.lval)
            page = gen_mdb.Page(b"LVAL")
            page.add(struct.pack("<I", pg << 8) + b"")  # the next row: itself
            db.lval.append(page)
            shared["hdr"] = struct.pack("<III", 5000, pg << 8, 0)  # 5,000 bytes in a chain
        return shared["hdr"]

    def tables():
        staff = gen_mdb.Table("Staff", [gen_mdb.Column("ID", gen_mdb.T_LONG),
                                        gen_mdb.Column("SSN", gen_mdb.T_TEXT, 22, compress=False),
                                        gen_mdb.Column("Notes", gen_mdb.T_MEMO)])
        staff.rows = [[1, gen_mdb.jet_text(SSN, False),
                       gen_mdb.memo_inline(gen_mdb.jet_text("Contact " + EMAIL, True))]]
        ts = [staff]
        for k in range(ntables):
            t = gen_mdb.Table("Log%d" % k, [gen_mdb.Column("ID", gen_mdb.T_LONG),
                                            gen_mdb.Column("Notes", gen_mdb.T_MEMO)])
            t.rows = [[i, loop] for i in range(nrows)]
            ts.append(t)
        return ts
    return gen_mdb.build(tables)


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    files = {
        "keyed_fanout.bplist": keyed_fanout(),
        "data_fanout.bplist": data_fanout(),
        "._self.txt": appledouble([], self_ref=40),
        "._notes.txt": appledouble([("com.apple.metadata:kMDItemFinderComment",
                                     finder_comment("Contact %s about the move" % EMAIL))]),
        "plist_cut.plist": plist_cut().encode(),
        "plist_deep.plist": plist_deep().encode(),
        "evtx_missing.evtx": evtx_missing(),
        "evtx_cut.evtx": evtx_cut(),
        "evtx_static.evtx": evtx_static(),
        "mdb_dupcat.mdb": mdb_dupcat(),
        "mdb_lvloop.mdb": mdb_lvloop(),
    }
    for name, data in files.items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)
    return {"email": EMAIL, "ssn": SSN, "ssn2": SSN2, "part_no": gen_mdb.PART_NO, "host": STATIC_HOST,
            "note": STATIC_NOTE}


def seeds(outdir):
    """Small versions of the cases for the fuzz corpora, by harness."""
    chunk = evtx_static()[4096:]
    used = 512 + struct.unpack_from("<I", chunk, 512 + 4)[0]
    files = {
        "bplist/r13_keyed_shared.bplist": keyed_fanout(ndicts=20, nkeys=40),
        "bplist/r13_data_shared.bplist": data_fanout(nkeys=20),
        "appledouble/r13_self_attrs": appledouble([], self_ref=3),
        "appledouble/r13_comment": appledouble([("com.apple.metadata:kMDItemFinderComment",
                                                 finder_comment("Contact %s" % EMAIL))]),
        "plist/r13_cut.plist": plist_cut().encode(),
        "plist/r13_deep.plist": plist_deep(levels=60).encode(),
        "evtx/r13_static_chunk.evtx": chunk[:used],
        "mdb/r13_lvloop.mdb": mdb_lvloop(ntables=1, nrows=20),
    }
    for name, data in files.items():
        path = os.path.join(outdir, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--seed":
        seeds(sys.argv[2])
    elif len(sys.argv) == 2:
        generate(sys.argv[1])
    else:
        sys.exit(__doc__)
