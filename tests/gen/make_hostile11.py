#!/usr/bin/env python3
"""Twelfth hostile dump with an answer key (tests/e2e/test_hostile11.py).

make_hostile11.py OUT -> OUT/dump/... and OUT/key.json

Same key format as make_hostile3.py (its docstring lists the expect
fields) and make_hostile8.py's checker (entities_only, exact); the shared
helpers are tests/gen/hostile_common.py. The earlier red teams built
archives, a breach layout, MIME, mail stores, databases, collaboration
exports and e-discovery productions; this one lays out what leaks when a
USER'S WORKSTATION or its backup is dumped file by file, each file written
by hand from the format's documented layout, with fake PII:

- Windows: .lnk shortcuts (MS-SHLLINK: LinkInfo's ANSI base path, UTF-16
  StringData, the tracker block's machine id), desktop.ini (UTF-16 with a
  BOM), Thumbs.db (a CFB: Catalog of UTF-16 names, one stream per JPEG
  thumbnail), .url shortcuts (a percent-encoded address), PowerShell's
  ConsoleHost_history.txt (passwords on command lines), Sticky Notes'
  plum.sqlite, an NTUSER.DAT hive (regf: TypedPaths, RunMRU, a
  RecentDocs binary value of UTF-16 names), a Security .evtx (ElfFile,
  ElfChnk, binary XML with UTF-16 substitution values), Outlook .nk2 and
  Stream_Autocomplete (UTF-16 addresses), an .ost cut after its header;
- Mac: AppleDouble ._ files (a Finder comment as a binary plist in the
  extended attributes) and __MACOSX/ in a zip, .DS_Store (Bud1: UTF-16BE
  names and Finder comments), binary plists (recent items, a contact with
  non-ASCII strings stored UTF-16BE), a Time Machine layout, a .webarchive
  (binary plist holding the page's HTML as data), Safari and Chrome
  History databases, iMessage chat.db (text, and a message whose text is
  only in the attributedBody typedstream);
- phones: an iTunes/Finder iPhone backup (Manifest.db, files named by
  SHA-1 without extensions: AddressBook.sqlitedb, sms.db, NoteStore.sqlite
  whose note bodies are gzip'd protobuf, Info.plist), an Android adb
  backup (shared_prefs XML with an account token);
- office leftovers: Word owner files (~$name.docx), an .asd autosave and a
  .wbk backup (Word 97 binaries), an Excel .xlk backup (BIFF8), a OneNote
  section (UTF-16 text in a binary), Visio .vsdx, Publisher .pub, Works
  .wps, a Notepad++ session backup, mail-merge data sources (tab text and
  a docx table), a print-to-file .prn (PostScript), .xps and .oxps;
- names that lie: a .jpg that is a docx, a .txt in UTF-16 without a BOM
  (and one in UTF-16BE), a file without an extension, archive.pst that is
  a zip, and one memo in three formats;
- more of the same machine: a jump list, Windows 7 StickyNotes.snt, a
  Recycle Bin $I/$R pair, Notepad's TabState, Firefox form history, iOS
  CallHistory (numbers as BLOBs), an NSKeyedArchiver profile and the
  binary Manifest.plist of the iPhone backup, XML plists (preferences,
  a .mobileconfig), encrypted stores that must not read as clean (Signal's
  SQLCipher database, WhatsApp's msgstore.db.crypt14).

The readers this dump brought: src/extract/bplist.c (bplist, plist,
appledouble) and src/extract/evtx.c.

Decoys a careful responder must not flag: SIDs, GUIDs, file-record
numbers, SHA-1 file names, thumbnail bytes, FILETIMEs.

"gap": true marks what a careful tool finds and leaksift does not (the
report that came with this file says why); a gap that starts to hold fails
until its mark is dropped.

Python stdlib only; deterministic.
"""
import gzip
import hashlib
import io
import os
import plistlib
import struct
import sys
import tarfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import hostile_common as hc  # noqa: E402
from hostile_common import u16, u16z  # noqa: E402
from cfb_writer import CFBWriter  # noqa: E402
import gen_ole2 as go  # noqa: E402  (Word 97 streams, BIFF records)

FP_KEY = b"hostile11 fingerprint key, test only"
D = hc.Dump(FP_KEY, domain="acme-corp.test", ssn_base=300)
key, put, person, pl = D.key, D.put, D.person, D.pl
check = hc.check
NOSENSE = hc.NOSENSE
USERS = "Users/amoss"
PROFILE = "Laptop-ACME-0417/C/" + USERS


# ---------------------------------------------------------------- writers
def lnk(target_ansi, name=None, relpath=None, workdir=None, args=None, machine="ACME-LT-0417"):
    """An MS-SHLLINK shortcut: header, LinkInfo (VolumeID + LocalBasePath in
    the ANSI code page), StringData (UTF-16, counted), a TrackerDataBlock."""
    flags = 0x02 | 0x80  # HasLinkInfo | IsUnicode
    strings = b""
    for bit, s in ((0x04, name), (0x08, relpath), (0x10, workdir), (0x20, args)):
        if s is not None:
            flags |= bit
            strings += struct.pack("<H", len(s)) + u16(s)
    hdr = struct.pack("<I16sIIQQQIiIHHII", 0x4C, bytes.fromhex("0114020000000000c000000000000046"), flags,
                      0x20, 0x01CFFB2E5A1C3000, 0x01CFFB2E5A1C3000, 0x01D0081B00000000, 48213, 0, 1, 0, 0, 0, 0)
    assert len(hdr) == 76
    vol = struct.pack("<IIII", 16 + 12, 3, 0x5A3C9E01, 16) + b"OS\0"
    vol = struct.pack("<I", len(vol)) + vol[4:]
    base = target_ansi.encode("cp1252") + b"\0"
    li_hdr = 28
    vol_off = li_hdr
    base_off = vol_off + len(vol)
    suffix_off = base_off + len(base)
    li = struct.pack("<IIIIIII", 0, li_hdr, 1, vol_off, base_off, 0, suffix_off) + vol + base + b"\0"
    li = struct.pack("<I", len(li)) + li[4:]
    mid = machine.encode().ljust(16, b"\0")
    tracker = struct.pack("<IIII", 0x60, 0xA0000003, 0x58, 0) + mid + bytes(range(16, 48)) + bytes(range(48, 80))
    return hdr + li + strings + tracker + b"\0\0\0\0"


def regf_key_tree(keys):
    """A regf hive: keys = [(path components, [(value name, type, bytes)])],
    all under one root; one hbin. Cells as Windows writes them (negative
    size when used); the header's checksum is the XOR of its first 508 bytes."""
    cells = bytearray()

    def cell(data):
        nonlocal cells
        off = 32 + len(cells)
        size = (len(data) + 4 + 7) & ~7
        cells += struct.pack("<i", -size) + data + b"\0" * (size - 4 - len(data))
        return off

    def nk(name, parent, subs, values, root=False):
        vlist = 0xFFFFFFFF
        if values:
            voffs = []
            for vn, typ, data in values:
                if len(data) <= 4:
                    vk = b"vk" + struct.pack("<HIIIHH", len(vn), len(data) | 0x80000000,
                                             struct.unpack("<I", data.ljust(4, b"\0"))[0], typ, 1, 0) + vn.encode()
                else:
                    doff = cell(data)
                    vk = b"vk" + struct.pack("<HIIIHH", len(vn), len(data), doff, typ, 1, 0) + vn.encode()
                voffs.append(cell(vk))
            vlist = cell(b"".join(struct.pack("<I", o) for o in voffs))
        lf = 0xFFFFFFFF
        if subs:
            lf = cell(b"lf" + struct.pack("<H", len(subs)) +
                      b"".join(struct.pack("<I", o) + n.encode()[:4].ljust(4, b"\0") for n, o in subs))
        return cell(b"nk" + struct.pack("<HQIIIIIIIIIIIIIIIHH", 0x2C if root else 0x20, 0x01D0081B00000000, 0,
                                        parent, len(subs), 0, lf, 0xFFFFFFFF, len(values), vlist, 0xFFFFFFFF,
                                        0xFFFFFFFF, 0, 0, 0, 0, 0, len(name), 0) + name.encode())

    # build bottom-up: a chain per key path (no shared parents but the root)
    tops = []
    for path, values in keys:
        off = nk(path[-1], 0, [], values)
        for comp in reversed(path[:-1]):
            off = nk(comp, 0, [(path[path.index(comp) + 1], off)], [])
        tops.append((path[0], off))
    root = nk("CsiTool-CreateHive-{00000000-0000-0000-0000-000000000000}", 0, tops, [], root=True)
    hb_size = (32 + len(cells) + 4 + 4095) & ~4095
    hb = bytearray(hb_size)
    hb[0:4] = b"hbin"
    struct.pack_into("<III", hb, 4, 0, hb_size, 0)
    hb[32:32 + len(cells)] = cells
    struct.pack_into("<i", hb, 32 + len(cells), hb_size - 32 - len(cells))
    base = bytearray(4096)
    base[0:4] = b"regf"
    struct.pack_into("<IIQIIIIII", base, 4, 9, 9, 0x01D0081B00000000, 1, 5, 0, 1, root, hb_size)
    struct.pack_into("<I", base, 0x2C, 1)
    base[0x30:0x30 + 64] = u16("\\??\\C:\\Users\\amoss\\ntuser.dat")[:64]
    x = 0
    for k in range(0, 508, 4):
        x ^= struct.unpack_from("<I", base, k)[0]
    struct.pack_into("<I", base, 508, x)
    return bytes(base) + bytes(hb)


def evtx(events):
    """A Windows XML event log: a 4096-byte file header, one 64 KiB ElfChnk,
    records (magic, size, id, FILETIME, binary XML, size). Each event:
    (record id, [(Data Name, UTF-16 value)]), written as MS-EVEN6 does: a
    fragment header, then a template instance whose definition (inline,
    its first use in the chunk) is <Event><EventData><Data Name="...">
    with a substitution in each element, then the substitution array
    (count, (size, type 0x01) pairs, the UTF-16 values back to back,
    unterminated). Names are chunk offsets, inline where first used."""
    def name_hash(s):
        h = 0
        for ch in s:
            h = (h * 65599 + ord(ch)) & 0xFFFFFFFF
        return h & 0xFFFF

    recs = bytearray()
    defined = {}  # Data names -> (template id, definition offset): a template is defined once per chunk
    for rid, fields in events:
        rec_off = 512 + len(recs)
        out = bytearray()
        names = tuple(nm for nm, _ in fields)

        def here():
            return rec_off + 24 + len(out)

        def name(s):
            off = here() + 4
            out.extend(struct.pack("<I", off) + struct.pack("<IHH", 0, name_hash(s), len(s)) + u16z(s))

        def elem(s, attrs=False):
            out.extend(b"\x41" if attrs else b"\x01")
            out.extend(struct.pack("<HI", 0xFFFF, 0))
            name(s)
            if attrs:
                out.extend(struct.pack("<I", 0))
        out += b"\x0f\x01\x01\x00"
        if names in defined:
            out += b"\x0c\x01" + struct.pack("<II", *defined[names])
        else:
            defined[names] = (0x1F2E3D00 + rid, here() + 10)
            out += b"\x0c\x01" + struct.pack("<I", 0x1F2E3D00 + rid)
            out += struct.pack("<I", here() + 4)
            out += struct.pack("<I", 0) + hashlib.md5(b"tmpl%d" % rid).digest() + b"\0\0\0\0"
            size_at = len(out) - 4
            data_start = len(out)
            out += b"\x0f\x01\x01\x00"
            elem("Event")
            out += b"\x02"
            elem("EventData")
            out += b"\x02"
            for i, nm in enumerate(names):
                elem("Data", attrs=True)
                out += b"\x06"
                name("Name")
                out += b"\x05\x01" + struct.pack("<H", len(nm)) + u16(nm)
                out += b"\x02" + b"\x0e" + struct.pack("<HB", i, 0x01) + b"\x04"
            out += b"\x04\x04\x00"
            struct.pack_into("<I", out, size_at, len(out) - data_start)
        vals = [u16(v) for _, v in fields]
        out += struct.pack("<I", len(vals)) + b"".join(struct.pack("<HBB", len(v), 0x01, 0) for v in vals)
        out += b"".join(vals)
        size = 24 + len(out) + 4
        recs += struct.pack("<IIQQ", 0x2A2A, size, rid, 0x01D0081B00000000 + rid) + out + struct.pack("<I", size)
    first, last = events[0][0], events[-1][0]
    ch = bytearray(65536)
    ch[0:8] = b"ElfChnk\0"
    struct.pack_into("<QQQQIII", ch, 8, first, last, first, last, 128, 512 + len(recs) - size, 512 + len(recs))
    ch[512:512 + len(recs)] = recs
    struct.pack_into("<I", ch, 52, zlib.crc32(recs))
    struct.pack_into("<I", ch, 124, zlib.crc32(bytes(ch[0:120]) + bytes(ch[128:512])))
    fh = bytearray(4096)
    fh[0:8] = b"ElfFile\0"
    struct.pack_into("<QQQIHHHH", fh, 8, 0, 0, last + 1, 128, 1, 3, 4096, 1)
    struct.pack_into("<I", fh, 124, zlib.crc32(bytes(fh[0:120])))
    return bytes(fh) + bytes(ch)


def nk2(rows):
    """An Outlook .nk2 autocomplete cache (and Stream_Autocomplete): magic
    0xBAADF00D, version, row count, then per row its MAPI properties
    (PT_UNICODE values: a byte count and UTF-16LE), a zero footer."""
    out = struct.pack("<IIII", 0xBAADF00D, 10, 0, len(rows))
    for props in rows:
        out += struct.pack("<I", len(props))
        for tag, val in props:
            out += struct.pack("<HHIQ", 0x001F, tag, 0, 0)
        for tag, val in props:
            b = u16z(val)
            out += struct.pack("<I", len(b)) + b
    return out + b"\0" * 12


def appledouble(entries):
    """An AppleDouble header file (RFC 1740) as macOS's copyfile writes it:
    magic 0x00051607, version 2, 16 filler bytes, entries (id, data). An
    entry's data may be a function of its offset in the file (the Finder
    info's extended attributes count their offsets from the file's start)."""
    hdr = struct.pack(">II16sH", 0x00051607, 0x00020000, b"Mac OS X        ", len(entries))
    off = len(hdr) + 12 * len(entries)
    descs, data = b"", b""
    for eid, d in entries:
        at = off + len(data)
        d = d(at) if callable(d) else d
        descs += struct.pack(">III", eid, at, len(d))
        data += d
    return hdr + descs + data


def finder_info_attr(xattrs):
    """The Finder info entry (id 9): 32 bytes of Finder info, then the
    "ATTR" block of extended attributes (apple's attr_header: magic, debug
    tag, total size, data start, data length, 3 reserved, flags, count;
    then entries of offset, length, flags, name length, name, 4-aligned)
    with offsets from the start of the file. -> function(entry offset)."""
    def build(at):
        fi = b"TEXTttxt" + b"\0" * 24
        ents_len = sum((11 + len(n) + 1 + 3) & ~3 for n, _ in xattrs)
        data_off = at + len(fi) + 36 + ents_len
        ents, datas = b"", b""
        for n, v in xattrs:
            e = struct.pack(">IIHB", data_off + len(datas), len(v), 0, len(n) + 1) + n.encode() + b"\0"
            ents += e + b"\0" * (-len(e) % 4)
            datas += v
        total = data_off + len(datas)
        attr = b"ATTR" + struct.pack(">IIIIIIIHH", 0x0A1B2C3D, total, data_off, len(datas), 0, 0, 0, 0, len(xattrs))
        return fi + attr + ents + datas
    return build


def ds_store(records):
    """A .DS_Store (Bud1): header, buddy-allocator root block, the DSDB
    B-tree's one leaf node. records: (file name, code, type, payload):
    'ustr' payloads are UTF-16BE with a character count, names too."""
    leaf = struct.pack(">II", 0, len(records))
    for name, code, typ, val in records:
        leaf += struct.pack(">I", len(name)) + name.encode("utf-16-be") + code + typ
        if typ == b"ustr":
            leaf += struct.pack(">I", len(val)) + val.encode("utf-16-be")
        elif typ == b"bool":
            leaf += bytes([val])
        else:
            leaf += struct.pack(">I", val)
    leaf_off, dsdb_off, root_off = 0x1000, 0x2000, 0x800
    dsdb = struct.pack(">IIIII", 3, 0, len(records), 1, 0x1000)
    root = struct.pack(">II", 3, 0) + struct.pack(">III", root_off | 11, dsdb_off | 5, leaf_off | 12) + b"\0" * 244
    root += struct.pack(">I", 1) + b"\x04DSDB" + struct.pack(">I", 1)
    root += b"".join(struct.pack(">I", 0) for _ in range(32))
    buf = bytearray(0x3000)
    buf[0:4] = b"\0\0\0\1"
    buf[4:36] = b"Bud1" + struct.pack(">III", root_off, len(root), root_off) + bytes(16)
    buf[4 + root_off:4 + root_off + len(root)] = root
    buf[4 + dsdb_off:4 + dsdb_off + len(dsdb)] = dsdb
    buf[4 + leaf_off:4 + leaf_off + len(leaf)] = leaf
    return bytes(buf)


def typedstream(text):
    """An NSAttributedString archived by NSArchiver (the "streamtyped"
    typedstream iMessage keeps in attributedBody)."""
    t = text.encode()
    n = bytes([len(t)]) if len(t) < 128 else b"\x81" + struct.pack("<H", len(t))
    return (b"\x04\x0bstreamtyped\x81\xe8\x03\x84\x01@\x84\x84\x84\x12NSAttributedString\x00\x84\x84\x08NSObject"
            b"\x00\x85\x92\x84\x84\x84\x08NSString\x01\x94\x84\x01+" + n + t +
            b"\x86\x84\x02iI\x01" + bytes([len(text)]) + b"\x92\x84\x84\x84\x0cNSDictionary\x00\x94\x84\x01i\x01"
            b"\x92\x84\x96\x96\x1d__kIMMessagePartAttributeName\x86\x92\x84\x84\x84\x08NSNumber\x00\x84\x84"
            b"\x07NSValue\x00\x94\x84\x01*\x84\x99\x99\x00\x86\x86\x86")


def docx(paras=(), table=None):
    """A minimal WordprocessingML package: paragraphs, then a table."""
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    body = "".join("<w:p><w:r><w:t xml:space=\"preserve\">%s</w:t></w:r></w:p>" % p for p in paras)
    if table:
        body += "<w:tbl>" + "".join("<w:tr>" + "".join("<w:tc><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:tc>" % c
                                                        for c in row) + "</w:tr>" for row in table) + "</w:tbl>"
    doc = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document %s><w:body>%s</w:body></w:document>' % (
        ns, body)
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/'
          'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package'
          '.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/'
          'document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+'
          'xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxml'
            'formats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            '</Relationships>')
    return hc.zipb([("[Content_Types].xml", ct.encode()), ("_rels/.rels", rels.encode()),
                    ("word/document.xml", doc.encode())])


def word97(text):
    w = CFBWriter()
    wd, tbl = go.word_streams(text, "")
    w.add_stream("WordDocument", wd)
    w.add_stream("1Table", tbl)
    w.add_stream("\x05SummaryInformation", go.summary_info("Draft", "amoss"))
    return w.build()[0]


# ---------------------------------------------------------------- Windows
def windows_cases():
    a, b, c = person(), person(), person()
    # a shortcut in Recent: the target's name holds an SSN; the tracker
    # block names the machine; StringData is UTF-16
    r = put(PROFILE + "/AppData/Roaming/Microsoft/Windows/Recent/W2 2013 %s.lnk" % a["name"],
            lnk("C:\\Users\\amoss\\Documents\\HR\\W2 2013 %s SSN %s.pdf" % (a["name"], a["ssn"]),
                name="W-2 for %s (%s)" % (a["name"], a["email"]),
                relpath="..\\..\\..\\..\\..\\Documents\\HR\\W2 2013 %s SSN %s.pdf" % (a["name"], a["ssn"]),
                workdir="C:\\Users\\amoss\\Documents\\HR"))
    key("lnk_target_ssn", r, [], planted={"ssn": [a["ssn9"]]})
    key("lnk_unicode_name_email", r, [], planted={"email": [a["email"]]})
    # a plain shortcut to Notepad: machine id, FILETIMEs, GUIDs: nothing
    r = put(PROFILE + "/AppData/Roaming/Microsoft/Windows/Start Menu/Programs/Accessories/Notepad.lnk",
            lnk("C:\\Windows\\System32\\notepad.exe", workdir="%HOMEDRIVE%%HOMEPATH%"))
    key("lnk_clean", r, [], no_findings=True)
    # desktop.ini as Explorer writes it: UTF-16LE with a BOM
    r = put(PROFILE + "/Documents/desktop.ini", b"\xff\xfe" + u16(
        "\r\n[.ShellClassInfo]\r\nLocalizedResourceName=@%SystemRoot%\\system32\\shell32.dll,-21770\r\n"
        "IconResource=%SystemRoot%\\system32\\imageres.dll,-112\r\nIconFile=%SystemRoot%\\system32\\shell32.dll\r\n"
        "IconIndex=-235\r\n"))
    key("desktop_ini_clean", r, [], no_findings=True)
    r = put(PROFILE + "/Documents/HR/desktop.ini", b"\xff\xfe" + u16(
        "[.ShellClassInfo]\r\nInfoTip=Payroll files - questions to %s or %s\r\n" % (b["email"], b["phone"])))
    key("desktop_ini_infotip", r, [], planted={"email": [b["email"]], "phone": [b["phone10"]]})
    # Thumbs.db: a CFB whose Catalog names the pictures (UTF-16) and whose
    # numbered streams hold a 12-byte header and a JPEG
    cat = struct.pack("<HHI", 16, 7, 2)
    names = ["passport scan %s.jpg" % c["name"], "DL %s %s.jpg" % (c["name"], c["ssn"])]
    for i, nm in enumerate(names):
        e = struct.pack("<II", 0, i + 1) + struct.pack("<Q", 0x01D0081B00000000) + u16z(nm)
        cat += struct.pack("<I", len(e) + 4) + e
    w = CFBWriter()
    w.add_stream("Catalog", cat)
    jpeg = (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xdb\x00\x43\x00" +
            bytes(range(1, 65)) + b"\xff\xc0\x00\x0b\x08\x00\x10\x00\x10\x01\x01\x11\x00\xff\xda\x00\x08\x01\x01"
            b"\x00\x00\x3f\x00" + bytes((i * 37) & 0x7F for i in range(400)) + b"\xff\xd9")
    for i in range(2):
        w.add_stream(str(i + 1)[::-1], struct.pack("<III", 12, i + 1, len(jpeg)) + jpeg)
    r = put(PROFILE + "/Pictures/Scans/Thumbs.db", w.build()[0])
    key("thumbs_catalog_ssn", r, None, planted_under={"ssn": [c["ssn9"]]})
    key("thumbs_root_not_crash", r, [], coverage_not="none")
    # Internet shortcuts
    d = person()
    r = put(PROFILE + "/Favorites/Links/Payroll portal.url",
            ("[{000214A0-0000-0000-C000-000000000046}]\r\nProp3=19,11\r\n[InternetShortcut]\r\nIDList=\r\n"
             "URL=https://payroll.acme-corp.test/reset?user=%s&ssn=%s\r\nIconIndex=0\r\n" %
             (d["email"].replace("@", "%40"), d["ssn9"])).encode())
    key("url_ssn_query", r, [], planted={"ssn": [d["ssn9"]]})
    # a percent-encoded "@" (%40) in a URL's query: decoded into the text
    # (pipeline.c url_addresses())
    key("url_percent_email", r, [], planted={"email": [d["email"]]})
    r = put(PROFILE + "/Favorites/MSN.url",
            b"[InternetShortcut]\r\nURL=http://go.microsoft.com/fwlink/p/?LinkId=255142\r\nIDList=\r\n"
            b"IconFile=http://www.msn.com/favicon.ico\r\nIconIndex=1\r\n")
    key("url_clean", r, [], no_findings=True)
    # PowerShell's PSReadLine history: a password typed on a command line
    r = put(PROFILE + "/AppData/Roaming/Microsoft/Windows/PowerShell/PSReadLine/ConsoleHost_history.txt",
            ("cd C:\\Users\\amoss\\Documents\nGet-ChildItem -Recurse *.xlsx\n"
             "$pw = ConvertTo-SecureString 'Autumn#Leaves2014' -AsPlainText -Force\n"
             "New-ADUser -Name '%s' -SamAccountName dross -AccountPassword $pw -Enabled $true\n"
             "net use Z: \\\\fs01\\hr /user:ACME\\amoss Sup3r$ecretPw!\n"
             "Set-ADUser dross -EmailAddress %s -OfficePhone '%s'\n"
             "git push https://amoss:ghp_9fKq2LmX7vTzR4bWc8NyHd3JpE6sGaQu1oVi@github.com/acme/hr-tools.git\n"
             "cls\n" % (d["name"], d["email"], d["phone"])).encode())
    key("pshistory_password", r, [], entities_all=["password"])
    key("pshistory_github_token", r, [], entities_all=["token"])
    key("pshistory_email", r, [], planted={"email": [d["email"]]})
    # Sticky Notes (Windows 10): plum.sqlite, Note.Text with "\id=" paragraphs
    e = person()
    db = hc.sqlite_db(D.tmp("plum.sqlite"), [
        ("CREATE TABLE Note (Text TEXT, WindowPosition TEXT, IsOpen INTEGER, IsAlwaysOnTop INTEGER, "
         "CreationNoteIdAnchor TEXT, Theme TEXT, IsFutureNote INTEGER, RemoteId TEXT, ChangeKey TEXT, "
         "LastServerVersion TEXT, RemoteSchemaVersion INTEGER, IsRemoteDataInvalid INTEGER, "
         "PendingInsightsScan INTEGER, Type TEXT, Id TEXT PRIMARY KEY, ParentId TEXT, CreatedAt INTEGER, "
         "DeletedAt INTEGER, UpdatedAt INTEGER)",
         [("\\id=0c7f6a5e-3b1d-4e2f-9a8b-7c6d5e4f3a2b new hire %s\n\\id=1d8a7b6c-4c2e-4f30-8b9c-8d7e6f5a4b3c "
           "SSN %s, cell %s\n\\id=2e9b8c7d-5d3f-4041-9cad-9e8f7a6b5c4d badge pickup Monday" %
           (e["name"], e["ssn"], e["phone"]), "ManagedPosition=DeviceId:\\\\?\\DISPLAY#LGD05E5#", 1, 0, None,
           "Yellow", 0, None, None, None, None, None, 0, None, "a1b2c3d4-0000-4000-8000-000000000001",
           "b2c3d4e5-0000-4000-8000-000000000002", 635528736000000000, None, 635528736000000000)])])
    r = put(PROFILE + "/AppData/Local/Packages/Microsoft.MicrosoftStickyNotes_8wekyb3d8bbwe/LocalState/plum.sqlite",
            db)
    key("sticky_notes", r, None, planted_under={"ssn": [e["ssn9"]], "phone": [e["phone10"]]})
    # NTUSER.DAT: typed paths, RunMRU, RecentDocs (a binary value: a
    # UTF-16 name, then a shell item)
    f = person()
    recent = u16z("Benefits %s %s.xlsx" % (f["name"], f["ssn"])) + struct.pack("<H", 0x14) + b"\x32\x00" + \
        bytes(18) + b"BENEFI~1.XLS\0\0"
    hive = regf_key_tree([
        (["Software", "Microsoft", "Windows", "CurrentVersion", "Explorer", "TypedPaths"],
         [("url1", 1, u16z("\\\\fs01\\HR\\Payroll\\%s" % f["email"])),
          ("url2", 1, u16z("C:\\Users\\amoss\\Downloads"))]),
        (["Software", "Microsoft", "Windows", "CurrentVersion", "Explorer", "RecentDocs"],
         [("0", 3, recent), ("MRUListEx", 3, struct.pack("<ii", 0, -1))]),
        (["Software", "Microsoft", "Windows", "CurrentVersion", "Explorer", "RunMRU"],
         [("a", 1, u16z("notepad \\\\fs01\\hr\\ssn_%s.txt\\1" % f["ssn9"])), ("MRUList", 1, u16z("a"))]),
    ])
    r = put(PROFILE + "/NTUSER.DAT", hive)
    key("ntuser_typedpath_email", r, None, planted_under={"email": [f["email"]]})
    key("ntuser_recentdocs_ssn", r, None, planted_under={"ssn": [f["ssn9"]]})
    # a Security event log: a failed logon (4625) naming the account by
    # its e-mail, a SID and a logon GUID that are no PII
    g, g2 = person(), person()
    log = evtx([(4821, [("SubjectUserSid", "S-1-5-18"), ("TargetUserSid", "S-1-0-0"),
                        ("TargetUserName", g["email"]), ("TargetDomainName", "ACME"),
                        ("Status", "0xc000006d"), ("WorkstationName", "ACME-LT-0417"),
                        ("IpAddress", "10.14.2.117"), ("LogonGuid", "{4F1A2B3C-5D6E-7F80-91A2-B3C4D5E6F708}")]),
                (4822, [("SubjectUserSid", "S-1-5-21-3623811015-3361044348-30300820-1013"),
                        ("ScriptBlockText", "$cred = 'Payroll: %s SSN %s'" % (g["name"], g["ssn"]))]),
                (4823, [("SubjectUserSid", "S-1-5-21-3623811015-3361044348-30300820-1013"),
                        ("ScriptBlockText", "Set-ADUser dross -Replace @{info='SSN %s'}" % g2["ssn"])])])
    r = put("Laptop-ACME-0417/C/Windows/System32/winevt/Logs/Security.evtx", log)
    # binary XML keeps substitution values back to back, without a
    # terminator: read as UTF-16 runs the address is glued to the domain
    # name that follows ("...@acme-corp.testACME"); the evtx reader walks
    # the substitution array, one labelled line per value
    key("evtx_email_utf16", r, None, planted_under={"email": [g["email"]]})
    key("evtx_ssn_utf16", r, None, planted_under={"ssn": [g["ssn9"]]})
    # the third record uses the second's template, defined earlier in the chunk
    key("evtx_template_reused", r, None, planted_under={"ssn": [g2["ssn9"]]})
    key("evtx_sids_not_ssn", r, [], entities_only=["email", "ssn"])
    # Outlook's autocomplete caches
    h, i_ = person(), person()
    r = put(PROFILE + "/AppData/Roaming/Microsoft/Outlook/Outlook.NK2",
            nk2([[(0x3001, h["name"]), (0x3003, h["email"]), (0x39FE, h["email"])],
                 [(0x3001, i_["name"]), (0x3003, i_["email"])]]))
    key("nk2_addresses", r, None, planted_under={"email": [h["email"], i_["email"]]})
    r = put(PROFILE + "/AppData/Local/Microsoft/Outlook/RoamCache/Stream_Autocomplete_0_5A8F0D1C2B3E4F50.dat",
            nk2([[(0x3001, i_["name"]), (0x3003, i_["email"]),
                  (0x6001, "%s (Mobile %s)" % (i_["name"], i_["phone"]))]]))
    key("stream_autocomplete", r, None, planted_under={"email": [i_["email"]]})
    # an .ost copied while Outlook held it: the header, then nothing
    ost = bytearray(b"!BDN" + struct.pack("<I", 0x5F3C1D2E) + b"SM" + struct.pack("<HHBB", 36, 19, 1, 1))
    ost += bytes(4096 - len(ost))
    r = put(PROFILE + "/AppData/Local/Microsoft/Outlook/amoss - Acme Corp.ost", bytes(ost))
    key("ost_cut", r, [], coverage_not="full", verdict_in=["incomplete", "sensitive"])


# ---------------------------------------------------------------- Mac
def mac_cases():
    a, b, c = person(), person(), person()
    home = "MacBook-Pro-amoss/Users/amoss"
    comment = plistlib.dumps("Reimbursement for %s, SSN %s" % (a["name"], a["ssn"]), fmt=plistlib.FMT_BINARY)
    comment_u = plistlib.dumps("Dossier m\u00e9dical %s \u2014 %s" % (b["name"], b["email"]),
                               fmt=plistlib.FMT_BINARY)
    put(home + "/Documents/receipt.txt", b"Taxi 24.50\nLunch 12.00\n")
    key("mac_receipt_clean", home + "/Documents/receipt.txt", [], no_findings=True)
    r = put(home + "/Documents/._receipt.txt", appledouble([
        (9, finder_info_attr([("com.apple.metadata:kMDItemFinderComment", comment),
                              ("com.apple.quarantine", b"0083;5473e1c0;Safari;")])),
        (2, b"\0" * 286)]))
    key("appledouble_comment_ascii", r, None, planted_under={"ssn": [a["ssn9"]]})
    r = put(home + "/Documents/._dossier.pdf", appledouble([
        (9, finder_info_attr([("com.apple.metadata:kMDItemFinderComment", comment_u)])), (2, b"\0" * 286)]))
    put(home + "/Documents/dossier.pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
        b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    key("dossier_pdf_empty", home + "/Documents/dossier.pdf", [], no_findings=True, arguable=True)
    key("appledouble_comment_utf16be", r, None, planted_under={"email": [b["email"]]})
    # a zip made by the Finder's "Compress": __MACOSX/ holds the ._ files
    memo = "Offer letter\n%s\nSSN %s\n" % (c["name"], c["ssn"])
    z = hc.zipb([("Offer/", b""), ("Offer/offer.txt", memo.encode()),
                 ("__MACOSX/Offer/._offer.txt", appledouble([(9, finder_info_attr([
                     ("com.apple.lastuseddate#PS", struct.pack("<QQ", 1416819600, 0))]))]))])
    r = put(home + "/Desktop/Offer.zip", z)
    key("macosx_zip_member", r, ["Offer/offer.txt"], planted={"ssn": [c["ssn9"]]})
    key("macosx_zip_appledouble_clean", r, ["__MACOSX/Offer/._offer.txt"], no_findings=True)
    key("macosx_zip_root", r, [], verdict="sensitive")
    # .DS_Store: Finder comments and names in UTF-16BE
    d = person()
    r = put(home + "/Documents/HR/.DS_Store", ds_store([
        ("%s SSN %s.pdf" % (d["name"], d["ssn"]), b"Iloc", b"blob", 0),
        ("%s SSN %s.pdf" % (d["name"], d["ssn"]), b"cmmt", b"ustr", "ask %s before sharing" % d["email"]),
        ("Archive", b"vSrn", b"long", 1)]))
    key("ds_store_name_ssn", r, None, planted_under={"ssn": [d["ssn9"]]})
    key("ds_store_comment_email", r, None, planted_under={"email": [d["email"]]})
    # binary plists: recent items (ASCII), a contact whose strings carry
    # non-ASCII characters (stored UTF-16BE)
    e, f = person(), person()
    rec = plistlib.dumps({"RecentDocuments": {"MaxAmount": 10, "CustomListItems": [
        {"Name": "SSN list %s.numbers" % e["name"], "Bookmark": b"book" + bytes(60) +
         ("file:///Users/amoss/Documents/%s/SSN %s.numbers" % (e["email"], e["ssn"])).encode()}]}},
        fmt=plistlib.FMT_BINARY)
    r = put(home + "/Library/Preferences/com.apple.recentitems.plist", rec)
    key("bplist_recent_ascii", r, None, planted_under={"email": [e["email"]]})
    card_ = plistlib.dumps({"First": f["first"] + "\u00e9", "Last": f["last"], "Note":
                            "N\u00ba de s\u00e9curit\u00e9 sociale: %s, courriel %s" % (f["ssn"], f["email"]),
                            "Phone": [f["phone"]]}, fmt=plistlib.FMT_BINARY)
    r = put(home + "/Library/Application Support/AddressBook/Metadata/ABPerson-8E1F.abcdp", card_)
    key("bplist_contact_utf16be", r, None, planted_under={"email": [f["email"]]})
    # a preferences plist whose SSN is bare digits, named only by its key
    # (stored apart from the value), and one stored as an integer
    n1, n2 = person(), person()
    pref = plistlib.dumps({"LastUser": n1["name"], "EmployeeSSN": n1["ssn9"], "Profiles": [
        {"DisplayName": n2["name"], "SSN": int(n2["ssn9"]), "Updated": 438508800}]}, fmt=plistlib.FMT_BINARY)
    r = put(home + "/Library/Preferences/com.acme.benefits.plist", pref)
    key("bplist_key_names_bare_ssn", r, [], planted={"ssn": [n1["ssn9"]]})
    key("bplist_int_ssn", r, [], planted={"ssn": [n2["ssn9"]]})
    # Time Machine: a dated snapshot of the same home
    g = person()
    r = put("TimeMachine/Backups.backupdb/MacBook-Pro-amoss/2014-11-20-103012/Macintosh HD/Users/amoss/"
            "Documents/HR/new hire %s.txt" % g["name"], ("%s\nSSN: %s\nEmail: %s\n" % (g["name"], g["ssn"],
                                                                                     g["email"])).encode())
    key("timemachine_file", r, [], planted=pl(g))
    r = put("TimeMachine/Backups.backupdb/MacBook-Pro-amoss/2014-11-20-103012/.exclusions.plist",
            plistlib.dumps({"standardExclusionPaths": ["/Library/Caches", "/private/var/vm"],
                            "userExcludedPaths": ["/Users/amoss/Downloads"]}))
    key("timemachine_exclusions_clean", r, [], no_findings=True)
    # a Safari .webarchive: the page's HTML is a data object in a binary plist
    h = person()
    html = ("<html><body><h1>Benefits enrollment</h1><table><tr><th>Employee</th><td>%s</td></tr>"
            "<tr><th>E-mail</th><td>%s</td></tr><tr><th>SSN</th><td>%s</td></tr></table>"
            "<p>Questions: benefits&#64;acme-corp.test</p></body></html>" %
            (h["name"], h["email"].replace("@", "&#64;"), h["ssn"]))
    wa = plistlib.dumps({"WebMainResource": {"WebResourceData": html.encode(), "WebResourceFrameName": "",
                                             "WebResourceMIMEType": "text/html",
                                             "WebResourceTextEncodingName": "UTF-8",
                                             "WebResourceURL": "https://benefits.acme-corp.test/enroll"},
                         "WebSubresources": [{"WebResourceData": b"body{font:12px Helvetica}",
                                              "WebResourceMIMEType": "text/css",
                                              "WebResourceURL": "https://benefits.acme-corp.test/s.css"}]},
                        fmt=plistlib.FMT_BINARY)
    r = put(home + "/Downloads/Benefits enrollment.webarchive", wa)
    key("webarchive_ssn", r, None, planted_under={"ssn": [h["ssn9"]]})
    key("webarchive_entity_email", r, None, planted_under={"email": [h["email"]]})
    # browser history
    i_ = person()
    db = hc.sqlite_db(D.tmp("History.db"), [
        ("CREATE TABLE history_items (id INTEGER PRIMARY KEY, url TEXT, domain_expansion TEXT, visit_count INTEGER)",
         [(1, "https://mail.acme-corp.test/owa/?ae=Item&t=IPM.Note&to=%s" % i_["email"], "mail", 3),
          (2, "https://www.apple.com/startpage/", None, 40)]),
        ("CREATE TABLE history_visits (id INTEGER PRIMARY KEY, history_item INTEGER, visit_time REAL, title TEXT)",
         [(1, 1, 438508800.0, "Mail - %s - Outlook" % i_["email"]), (2, 2, 438508900.0, "Apple")])])
    r = put(home + "/Library/Safari/History.db", db)
    key("safari_history", r, None, planted_under={"email": [i_["email"]]})
    j = person()
    db = hc.sqlite_db(D.tmp("History"), [
        ("CREATE TABLE urls(id INTEGER PRIMARY KEY,url LONGVARCHAR,title LONGVARCHAR,visit_count INTEGER DEFAULT 0 "
         "NOT NULL,typed_count INTEGER DEFAULT 0 NOT NULL,last_visit_time INTEGER NOT NULL,hidden INTEGER DEFAULT 0 "
         "NOT NULL)",
         [(1, "https://www.google.com/search?q=ssn+%s+lookup" % j["ssn"], "ssn %s lookup - Google Search" % j["ssn"],
           2, 0, 13062585600000000, 0),
          (2, "https://chrome.google.com/webstore?hl=en", "Chrome Web Store", 1, 0, 13062585600000000, 0)]),
        ("CREATE TABLE keyword_search_terms (keyword_id INTEGER NOT NULL,url_id INTEGER NOT NULL,term "
         "LONGVARCHAR NOT NULL,normalized_term LONGVARCHAR NOT NULL)",
         [(2, 1, "ssn %s lookup" % j["ssn"], "ssn %s lookup" % j["ssn"])])])
    r = put(home + "/Library/Application Support/Google/Chrome/Default/History", db)
    key("chrome_history_search", r, None, planted_under={"ssn": [j["ssn9"]]})
    # iMessage: one message in text, one only in attributedBody
    k, m = person(), person()
    db = hc.sqlite_db(D.tmp("chat.db"), [
        ("CREATE TABLE handle (ROWID INTEGER PRIMARY KEY AUTOINCREMENT UNIQUE, id TEXT NOT NULL, country TEXT, "
         "service TEXT NOT NULL, uncanonicalized_id TEXT)",
         [(1, "+1%s" % k["phone10"], "us", "iMessage", None), (2, m["email"], "us", "iMessage", None)]),
        ("CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, text TEXT, "
         "handle_id INTEGER DEFAULT 0, attributedBody BLOB, date INTEGER, is_from_me INTEGER DEFAULT 0)",
         [(1, "6B5A4C3D-2E1F-4A0B-9C8D-7E6F5A4B3C2D", "my ssn is %s dont share" % k["ssn"], 1,
           typedstream("my ssn is %s dont share" % k["ssn"]), 438508800000000000, 0),
          (2, "7C6B5D4E-3F20-4B1C-AD9E-8F7A6B5C4D3E", None, 2,
           typedstream("Card for the hotel: %s exp 09/17, SSN %s" % (m["card"], m["ssn"])), 438508860000000000, 1)])])
    r = put(home + "/Library/Messages/chat.db", db)
    key("imessage_text", r, None, planted_under={"ssn": [k["ssn9"]]})
    key("imessage_attributedbody", r, None, planted_under={"ssn": [m["ssn9"]], "credit_card": [m["card"]]})


# ---------------------------------------------------------------- phones
def ios_name(domain, rel):
    return hashlib.sha1(("%s-%s" % (domain, rel)).encode()).hexdigest()


def phone_cases():
    a, b, c, d = person(), person(), person(), person()
    bk = "Users/amoss/AppData/Roaming/Apple Computer/MobileSync/Backup/00008030-001A2B3C4D5E802E"
    files = []
    ab = hc.sqlite_db(D.tmp("AddressBook.sqlitedb"), [
        ("CREATE TABLE ABPerson (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, First TEXT, Last TEXT, Organization TEXT, "
         "Note TEXT, Birthday TEXT)",
         [(1, a["first"], a["last"], "Acme", "SSN %s" % a["ssn"], "-599616000"),
          (2, b["first"], b["last"], None, None, None)]),
        ("CREATE TABLE ABMultiValue (UID INTEGER PRIMARY KEY, record_id INTEGER, property INTEGER, identifier "
         "INTEGER, label INTEGER, value TEXT, guid TEXT)",
         [(1, 1, 3, 0, 1, a["phone"], "A1"), (2, 1, 4, 0, 2, a["email"], "A2"),
          (3, 2, 3, 0, 1, b["phone"], "B1"), (4, 2, 4, 0, 2, b["email"], "B2")]),
        ("CREATE TABLE ABMultiValueLabel (value TEXT, UNIQUE(value))", [("_$!<Mobile>!$_",), ("_$!<Work>!$_",)])])
    sms = hc.sqlite_db(D.tmp("sms.db"), [
        ("CREATE TABLE handle (ROWID INTEGER PRIMARY KEY AUTOINCREMENT UNIQUE, id TEXT NOT NULL, country TEXT, "
         "service TEXT NOT NULL)", [(1, "+1%s" % c["phone10"], "us", "SMS")]),
        ("CREATE TABLE message (ROWID INTEGER PRIMARY KEY AUTOINCREMENT, guid TEXT UNIQUE NOT NULL, text TEXT, "
         "handle_id INTEGER DEFAULT 0, date INTEGER, is_from_me INTEGER DEFAULT 0)",
         [(1, "5E4D3C2B-1A09-4F8E-9D7C-6B5A4F3E2D1C", "Your Acme verification code is 482913", 1, 438508800, 0),
          (2, "6F5E4D3C-2B1A-4090-8E7D-5C4B3A2F1E0D", "SSN for the form: %s" % c["ssn"], 1, 438508900, 1)])])
    # NoteStore.sqlite: the note's body is a gzip'd protobuf in ZDATA
    body = ("Bank PIN hint; SSN %s; e-mail %s" % (d["ssn"], d["email"])).encode()

    def pb_str(field, s):
        return bytes([field << 3 | 2]) + bytes([len(s)]) + s
    proto = pb_str(2, pb_str(3, pb_str(2, body) + b"\x18\x00"))
    notes = hc.sqlite_db(D.tmp("NoteStore.sqlite"), [
        ("CREATE TABLE ZICNOTEDATA (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, Z_OPT INTEGER, ZNOTE INTEGER, "
         "ZDATA BLOB)", [(1, 9, 3, 1, gzip.compress(proto, mtime=0))]),
        ("CREATE TABLE ZICCLOUDSYNCINGOBJECT (Z_PK INTEGER PRIMARY KEY, ZTITLE1 TEXT, ZSNIPPET TEXT)",
         [(1, "Bank PIN hint", "SSN ...")])])
    for dom, rel, data in (("HomeDomain", "Library/AddressBook/AddressBook.sqlitedb", ab),
                           ("HomeDomain", "Library/SMS/sms.db", sms),
                           ("AppDomainGroup-group.com.apple.notes", "NoteStore.sqlite", notes)):
        fid = ios_name(dom, rel)
        files.append((fid, dom, rel, put("%s/%s/%s" % (bk, fid[:2], fid), data)))
    man = hc.sqlite_db(D.tmp("Manifest.db"), [
        ("CREATE TABLE Files (fileID TEXT PRIMARY KEY, domain TEXT, relativePath TEXT, flags INTEGER, file BLOB)",
         [(fid, dom, rel, 1, plistlib.dumps({"$version": 100000, "$archiver": "NSKeyedArchiver",
                                              "$top": {"root": plistlib.UID(1)},
                                              "$objects": ["$null", {"Size": 4096, "Mode": 33188}]},
                                             fmt=plistlib.FMT_BINARY)) for fid, dom, rel, _ in files]),
        ("CREATE TABLE Properties (key TEXT PRIMARY KEY, value BLOB)", [("salt", bytes(range(20)))])])
    r = put(bk + "/Manifest.db", man)
    key("ios_manifest_hashes_clean", r, [], entities_only=[])
    key("ios_addressbook", files[0][3], None, planted_under={"email": [a["email"], b["email"]],
                                                              "phone": [a["phone10"], b["phone10"]]})
    key("ios_addressbook_note_ssn", files[0][3], None, planted_under={"ssn": [a["ssn9"]]})
    key("ios_sms", files[1][3], None, planted_under={"ssn": [c["ssn9"]]})
    key("ios_notes_gzip_protobuf", files[2][3], None, planted_under={"ssn": [d["ssn9"]], "email": [d["email"]]})
    e = person()
    info = plistlib.dumps({"Device Name": "%s's iPhone" % e["first"], "Display Name": "%s's iPhone" % e["first"],
                           "IMEI": "35 391805 123456 7", "Phone Number": "+1 %s" % e["phone"],
                           "Product Type": "iPhone12,1", "Serial Number": "F2LZK0XYN70F",
                           "Target Identifier": "00008030-001A2B3C4D5E802E", "Apple ID": e["email"]})
    r = put(bk + "/Info.plist", info)
    key("ios_info_plist", r, [], planted={"email": [e["email"]], "phone": [e["phone10"]]})
    # Android adb backup: an app's shared_prefs with an account token
    f = person()
    prefs = ("<?xml version='1.0' encoding='utf-8' standalone='yes' ?>\n<map>\n"
             "    <string name=\"account_email\">%s</string>\n"
             "    <string name=\"refresh_token\">1//0gX7kQ9mZpL2rCgYIARAAGBASNwF-L9IrTm8vQx3YzWk5n7Jb2d4Hq6</string>\n"
             "    <string name=\"ssn_last_entered\">%s</string>\n</map>\n" % (f["email"], f["ssn"]))
    tb = io.BytesIO()
    with tarfile.open(fileobj=tb, mode="w", format=tarfile.USTAR_FORMAT) as t:
        ti = tarfile.TarInfo("apps/com.acme.benefits/sp/com.acme.benefits_preferences.xml")
        ti.size, ti.mtime = len(prefs), 1416819600
        t.addfile(ti, io.BytesIO(prefs.encode()))
    ab_ = b"ANDROID BACKUP\n5\n1\nnone\n" + zlib.compress(tb.getvalue())
    r = put("Phone/android/backup_2014-11-20.ab", ab_)
    key("android_prefs", r, None, planted_under={"email": [f["email"]], "ssn": [f["ssn9"]]})


# ---------------------------------------------------------------- office leftovers
def office_cases():
    a, b, c, d = person(), person(), person(), person()
    docs = PROFILE + "/Documents"
    # Word's owner file: the user name twice (ANSI, then UTF-16): no PII
    own = bytes([len("Ada Moss")]) + b"Ada Moss".ljust(53, b"\0") + struct.pack("<H", 8) + u16("Ada Moss")
    own = own.ljust(162, b"\0")
    r = put(docs + "/~$view %s.docx" % a["last"], own)
    key("owner_file_clean", r, [], no_findings=True)
    # an AutoRecover .asd and a .wbk backup: Word 97 binaries
    r = put(PROFILE + "/AppData/Roaming/Microsoft/Word/AutoRecovery save of Document1.asd",
            word97("Draft reference letter for %s\rSSN %s\rphone %s\r" % (a["name"], a["ssn"], a["phone"])))
    key("word_asd", r, None, planted_under={"ssn": [a["ssn9"]], "phone": [a["phone10"]]})
    r = put(docs + "/Backup of review %s.wbk" % a["last"],
            word97("Performance review: %s\rEmail %s\r" % (b["name"], b["email"])))
    key("word_wbk", r, None, planted_under={"email": [b["email"]]})
    # an Excel .xlk backup: BIFF8 labels
    bof_g = go.biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06))
    nm = "Staff"
    glob_len = len(bof_g) + 4 + 8 + len(nm) + 4
    glob = bof_g + go.biff(0x0085, struct.pack("<IBBBB", glob_len, 0, 0, len(nm), 0) + nm.encode()) + \
        go.biff(0x000A, b"")
    assert len(glob) == glob_len
    rows = go.biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x06))
    for rr, row in enumerate((("Name", "SSN", "Email"), (c["name"], c["ssn"], c["email"]))):
        for cc, val in enumerate(row):
            rows += go.biff(0x0204, struct.pack("<HHHHB", rr, cc, 15, len(val), 0) + val.encode())
    w = CFBWriter()
    w.add_stream("Workbook", (glob + rows + go.biff(0x000A, b"")).ljust(4096, b"\0"))
    r = put(docs + "/Backup of staff.xlk", w.build()[0])
    key("excel_xlk", r, None, planted_under=pl(c))
    # a OneNote 2010 section: header GUIDs, file nodes, UTF-16 text runs
    one = bytearray(1024)
    one[0:16] = bytes.fromhex("E4525C7B8CD8A74DAEB15378D02996D3")
    one[16:32] = bytes.fromhex("3FDD9A101B91F549A5D01791EDC8AED8")
    one[32:48] = bytes.fromhex("3FDD9A101B91F549A5D01791EDC8AED8")
    for i, t in enumerate(("Meeting notes 11/24", "Call %s at %s re: garnishment" % (d["name"], d["phone"]),
                           "Her SSN is %s" % d["ssn"])):
        one += struct.pack("<IIQ", 0x1C001D94 + i, len(t) * 2, 0x14001C00 + i) + u16(t) + bytes(40)
    r = put(docs + "/OneNote Notebooks/HR Notebook/Open Items.one", bytes(one))
    key("onenote_utf16", r, None, planted_under={"ssn": [d["ssn9"]], "phone": [d["phone10"]]})
    # Visio 2013 .vsdx: shape text in visio/pages/page1.xml
    e, f = person(), person()
    vns = "http://schemas.microsoft.com/office/visio/2012/main"
    page = ('<?xml version="1.0" encoding="utf-8"?>\n<PageContents xmlns="%s"><Shapes>'
            '<Shape ID="1" Type="Shape"><Cell N="PinX" V="2"/><Text>%s<cp IX="0"/>SSN %s</Text></Shape>'
            '<Shape ID="2" Type="Shape"><Text>%s</Text></Shape></Shapes></PageContents>' % (
                vns, e["name"], e["ssn"], e["email"]))
    vct = ('<?xml version="1.0" encoding="utf-8"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/'
           'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
           'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/visio/'
           'document.xml" ContentType="application/vnd.ms-visio.drawing.main+xml"/><Override PartName="/visio/pages/'
           'page1.xml" ContentType="application/vnd.ms-visio.page+xml"/></Types>')
    vrels = ('<?xml version="1.0" encoding="utf-8"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/'
             'package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.microsoft.com/visio/2010/'
             'relationships/document" Target="visio/document.xml"/></Relationships>')
    vsdx = hc.zipb([("[Content_Types].xml", vct.encode()), ("_rels/.rels", vrels.encode()),
                    ("visio/document.xml", ('<?xml version="1.0" encoding="utf-8"?>\n<VisioDocument xmlns="%s"/>'
                                            % vns).encode()),
                    ("visio/pages/page1.xml", page.encode())])
    r = put(docs + "/Org chart.vsdx", vsdx)
    key("visio_vsdx", r, None, planted_under={"ssn": [e["ssn9"]], "email": [e["email"]]})
    # Publisher: CFB, Quill/QuillSub/CONTENTS holds the text as UTF-16
    w = CFBWriter()
    w.set_root_clsid(bytes.fromhex("0112020000000000C000000000000046"))
    w.add_stream("Contents", b"\xe8\xac\x2c\x00" + bytes(508))
    w.add_stream("Quill/QuillSub/CONTENTS", b"CHNKINK " + struct.pack("<HH", 4, 1) + bytes(20) +
                 u16("Holiday party RSVP\rContact %s, %s\r" % (f["name"], f["email"])))
    w.add_stream("Escher/EscherStm", bytes(64))
    r = put(docs + "/Party flyer.pub", w.build()[0])
    key("publisher_pub", r, None, planted_under={"email": [f["email"]]})
    # Works 8 word processor: CFB, CONTENTS with a CHNKWKS header and UTF-16 text
    g = person()
    w = CFBWriter()
    w.add_stream("CONTENTS", b"CHNKWKS " + struct.pack("<HH", 4, 1) + bytes(20) +
                 u16("Letter to landlord\rTenant: %s\rSSN %s\r" % (g["name"], g["ssn"])))
    w.add_stream("SPELLING", bytes(32))
    r = put(docs + "/Old/landlord.wps", w.build()[0])
    key("works_wps", r, None, planted_under={"ssn": [g["ssn9"]]})
    # Notepad++ keeps unsaved tabs in backup/ with no extension
    h = person()
    r = put(PROFILE + "/AppData/Roaming/Notepad++/backup/new 3@2014-11-24_083015",
            ("vpn: amoss / password: Winter2014!Acme\n%s SSN %s\n" % (h["name"], h["ssn"])).encode())
    key("npp_backup", r, [], planted={"ssn": [h["ssn9"]]}, entities_all=["password"])
    r = put(PROFILE + "/AppData/Roaming/Notepad++/session.xml",
            ('<?xml version="1.0" encoding="UTF-8" ?>\n<NotepadPlus>\n    <Session activeView="0">\n'
             '        <mainView activeIndex="0">\n            <File firstVisibleLine="0" lang="None (Normal Text)" '
             'encoding="-1" filename="new 3" backupFilePath="C:\\Users\\amoss\\AppData\\Roaming\\Notepad++\\'
             'backup\\new 3@2014-11-24_083015" originalFileLastModifTimestamp="0" />\n        </mainView>\n'
             '    </Session>\n</NotepadPlus>\n').encode())
    key("npp_session_clean", r, [], no_findings=True)
    # mail-merge data sources: Word's "save as text" (tabs, cp1252, CRLF)
    # and a docx whose only content is the table
    i_, j, k = person(), person(), person()
    tsv = "Title\tFirstName\tLastName\tSSN\tEmailAddress\r\n" + "".join(
        "Ms.\t%s\t%s\t%s\t%s\r\n" % (p["first"] + ("\u00e9" if p is j else ""), p["last"], p["ssn"], p["email"])
        for p in (i_, j))
    r = put(docs + "/My Data Sources/W2 mailing.txt", tsv.encode("cp1252"))
    key("mailmerge_tab_text", r, [], planted=pl(i_, j))
    r = put(docs + "/My Data Sources/Benefits merge.docx",
            docx(table=[("FirstName", "LastName", "SSN", "Email"), (k["first"], k["last"], k["ssn9"], k["email"])]))
    key("mailmerge_docx_table", r, None, planted_under=pl(k))
    # printed to a file: PostScript with each word shown apart
    m = person()
    ps = ("%%!PS-Adobe-3.0\n%%%%Creator: PScript5.dll Version 5.2.2\n%%%%Title: Microsoft Word - pay stub\n"
          "%%%%EndComments\n/F0 10 selectfont\n72 700 moveto (Employee:) show 6 0 rmoveto (%s) show\n"
          "72 686 moveto (SSN:) show 6 0 rmoveto (%s) show\n72 672 moveto (Email:) show 6 0 rmoveto (%s) show\n"
          "showpage\n%%%%EOF\n" % (m["name"], m["ssn"], m["email"]))
    r = put(docs + "/pay stub.prn", ps.encode())
    key("prn_postscript", r, None, planted_under=pl(m))
    # XPS and OpenXPS: text as Glyphs UnicodeString attributes
    n_, o = person(), person()

    def xps(p, oxps):
        fns = "http://schemas.openxps.org/oxps/v1.0" if oxps else "http://schemas.microsoft.com/xps/2005/06"
        fpage = ('<FixedPage xmlns="%s" Width="816" Height="1056" xml:lang="en-US">'
                 '<Glyphs Fill="#ff000000" FontUri="/Resources/F0.odttf" FontRenderingEmSize="14" OriginX="96" '
                 'OriginY="120" UnicodeString="Employee: %s" />'
                 '<Glyphs Fill="#ff000000" FontUri="/Resources/F0.odttf" FontRenderingEmSize="14" OriginX="96" '
                 'OriginY="140" UnicodeString="SSN: %s" Indices=",55;,55" />'
                 '<Glyphs Fill="#ff000000" FontUri="/Resources/F0.odttf" FontRenderingEmSize="14" OriginX="96" '
                 'OriginY="160" UnicodeString="{}Email: %s" /></FixedPage>' % (fns, p["name"], p["ssn"], p["email"]))
        fdoc = '<FixedDocument xmlns="%s"><PageContent Source="Pages/1.fpage" /></FixedDocument>' % fns
        seq = '<FixedDocumentSequence xmlns="%s"><DocumentReference Source="Documents/1/FixedDoc.fdoc" />' \
              '</FixedDocumentSequence>' % fns
        ct = ('<?xml version="1.0" encoding="utf-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
              'content-types"><Default Extension="fdseq" ContentType="application/vnd.%s"/>'
              '<Default Extension="fdoc" ContentType="application/vnd.%s"/><Default Extension="fpage" '
              'ContentType="application/vnd.%s"/><Default Extension="rels" ContentType="application/vnd.'
              'openxmlformats-package.relationships+xml"/></Types>' % (
                  ("ms-package.xps-fixeddocumentsequence+xml", "ms-package.xps-fixeddocument+xml",
                   "ms-package.xps-fixedpage+xml") if oxps else
                  ("ms-package.xps-fixeddocumentsequence+xml", "ms-package.xps-fixeddocument+xml",
                   "ms-package.xps-fixedpage+xml")))
        rels = ('<?xml version="1.0" encoding="utf-8"?><Relationships xmlns="http://schemas.openxmlformats.org/'
                'package/2006/relationships"><Relationship Type="http://schemas.%s/fixedrepresentation" '
                'Target="/FixedDocSeq.fdseq" Id="R0" /></Relationships>' % (
                    "openxps.org/oxps/v1.0" if oxps else "microsoft.com/xps/2005/06"))
        return hc.zipb([("[Content_Types].xml", ct.encode()), ("_rels/.rels", rels.encode()),
                        ("FixedDocSeq.fdseq", seq.encode()), ("Documents/1/FixedDoc.fdoc", fdoc.encode()),
                        ("Documents/1/Pages/1.fpage", fpage.encode())])
    r = put(docs + "/pay stub.xps", xps(n_, False))
    key("xps_glyphs", r, None, planted_under=pl(n_))
    r = put(docs + "/pay stub.oxps", xps(o, True))
    key("oxps_glyphs", r, None, planted_under=pl(o))


# ---------------------------------------------------------------- more of the same machine
def more_cases():
    a, b, c, d, e = person(), person(), person(), person(), person()
    # a jump list: a CFB whose numbered streams are shell links, with a
    # DestList stream of UTF-16 paths
    w = CFBWriter()
    path = "C:\\Users\\amoss\\Documents\\HR\\%s SSN %s.docx" % (a["name"], a["ssn"])
    dl = struct.pack("<IIIIQ", 4, 1, 1, 0, 0) + bytes(114) + struct.pack("<H", len(path)) + u16(path) + bytes(4)
    w.add_stream("DestList", dl)
    w.add_stream("1", lnk(path, name="%s (%s)" % (a["name"], a["email"])))
    r = put(PROFILE + "/AppData/Roaming/Microsoft/Windows/Recent/AutomaticDestinations/"
            "a7bd71699cd38d1c.automaticDestinations-ms", w.build()[0])
    key("jumplist_lnk_stream", r, None, planted_under={"ssn": [a["ssn9"]], "email": [a["email"]]})
    # Windows 7 Sticky Notes: StickyNotes.snt, a CFB with one storage per
    # note: stream "0" the RTF, "3" the text in UTF-16
    w = CFBWriter()
    rtf = ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0\\fnil Segoe Print;}}\\viewkind4\\uc1\\pard\\f0\\fs22 "
           "%s\\par SSN %s\\par}" % (b["name"], b["ssn"]))
    w.add_stream("4ac7bb41-6ec7-11e4-8f2c-806e6f6e6963/0", rtf.encode())
    w.add_stream("4ac7bb41-6ec7-11e4-8f2c-806e6f6e6963/3", u16("%s\r\nSSN %s" % (b["name"], b["ssn"])))
    w.add_stream("Metafile", struct.pack("<II", 1, 1))
    r = put(PROFILE + "/AppData/Roaming/Microsoft/Sticky Notes/StickyNotes.snt", w.build()[0])
    key("sticky_notes_snt", r, None, planted_under={"ssn": [b["ssn9"]]})
    # the Recycle Bin: $I holds the deleted file's original path (UTF-16),
    # $R the file itself
    ipath = "C:\\Users\\amoss\\Desktop\\%s SSN %s.txt" % (c["name"], c["ssn"])
    r = put("Laptop-ACME-0417/C/$Recycle.Bin/S-1-5-21-3623811015-3361044348-30300820-1013/$I8K2L0Q.txt",
            struct.pack("<QQQI", 2, 212, 0x01D0081B00000000, len(ipath) + 1) + u16z(ipath))
    key("recycle_bin_i_path", r, None, planted_under={"ssn": [c["ssn9"]]})
    r = put("Laptop-ACME-0417/C/$Recycle.Bin/S-1-5-21-3623811015-3361044348-30300820-1013/$R8K2L0Q.txt",
            ("%s\r\nDOB %s\r\nEmail %s\r\n" % (c["name"], c["dob"], c["email"])).encode())
    key("recycle_bin_r_file", r, [], planted={"email": [c["email"]]}, entities_all=["dob"])
    # Excel's owner file: nothing but a user name
    own = bytes([len("amoss")]) + b"amoss".ljust(53, b"\0") + struct.pack("<H", 5) + u16("amoss")
    r = put(PROFILE + "/Documents/~$staff.xlsx", own.ljust(165, b"\0"))
    key("excel_owner_clean", r, [], no_findings=True)
    # WhatsApp's encrypted message store (crypt14: a protobuf key header,
    # then AES-GCM) and a Signal Desktop database (SQLCipher: every page
    # encrypted, the header too): nothing readable, and saying so
    hdr = b"\x00\x01" + bytes([0x0a, 0x20]) + hashlib.sha256(b"wa key id").digest() + b"\x12\x10" + bytes(16)
    r = put("Phone/android/sdcard/WhatsApp/Databases/msgstore.db.crypt14",
            hdr + hc_noise(96 * 1024, 7))
    # random data is judged encrypted from 1 MiB on, or 64 KiB when the
    # name is as certain as a volume's (.hc .tc .vc) or a WhatsApp backup's
    key("whatsapp_crypt14", r, [], coverage_not="full", verdict="incomplete", reasons_all=["encrypted"])
    r = put(home_mac() + "/Library/Application Support/Signal/sql/db.sqlite", hc_noise(8 * 4096, 11))
    key("signal_sqlcipher", r, [], coverage_not="full", verdict="incomplete", reasons_all=["encrypted"])
    # Firefox: places (history) and the form history a site's SSN field left
    db = hc.sqlite_db(D.tmp("formhistory.sqlite"), [
        ("CREATE TABLE moz_formhistory (id INTEGER PRIMARY KEY, fieldname TEXT NOT NULL, value TEXT NOT NULL, "
         "timesUsed INTEGER, firstUsed INTEGER, lastUsed INTEGER, guid TEXT)",
         [(1, "ssn", d["ssn9"], 1, 1416819600000000, 1416819600000000, "a1B2c3D4e5F6g7H8"),
          (2, "email", d["email"], 3, 1416819600000000, 1416819600000000, "b2C3d4E5f6G7h8I9"),
          (3, "q", "holiday schedule", 2, 1416819600000000, 1416819600000000, "c3D4e5F6g7H8i9J0")])])
    r = put(PROFILE + "/AppData/Roaming/Mozilla/Firefox/Profiles/x1y2z3w4.default/formhistory.sqlite", db)
    # the SSN is bare digits in a row whose fieldname column says "ssn"
    key("firefox_formhistory_ssn", r, None, planted_under={"ssn": [d["ssn9"]], "email": [d["email"]]})
    # an iPhone backup's Manifest.plist (binary): the device's owner in Lockdown
    m = plistlib.dumps({"IsEncrypted": False, "Version": "10.0", "SystemDomainsVersion": "24.0",
                        "Lockdown": {"DeviceName": "%s's iPhone" % e["first"], "ProductType": "iPhone12,1",
                                     "SerialNumber": "F2LZK0XYN70F", "UniqueDeviceID": "00008030001A2B3C4D5E802E",
                                     "com.apple.mobile.data_sync": {"Contacts": {"Account": e["email"]}}},
                        "Applications": {"com.acme.benefits": {"CFBundleIdentifier": "com.acme.benefits"}}},
                       fmt=plistlib.FMT_BINARY)
    r = put("Users/amoss/AppData/Roaming/Apple Computer/MobileSync/Backup/00008030-001A2B3C4D5E802E/Manifest.plist",
            m)
    key("ios_manifest_plist", r, [], planted={"email": [e["email"]]})
    # an app's cached profile, archived by NSKeyedArchiver (in the backup
    # by hash name): an NSDictionary (NS.keys / NS.objects lists of UIDs)
    # whose SSN is bare digits, and an object whose members are UIDs
    f = person()
    U = plistlib.UID
    ks = ["ssn", "memberSince", "plan", "street", "city", "state", "postalCode", "email", "profile"]
    vs = [f["ssn9"], "2009-03-01T00:00:00Z", "PPO Gold family", "1200 Harbor Boulevard Apt 4B", "Springfield",
          "Illinois", "62704-1832", f["email"]]
    nk = len(ks)  # objects: 0 $null, 1 the dictionary, 2.. keys, then values, the profile, two classes, its members
    pro = 2 + nk + len(vs)
    objs = ["$null", {"NS.keys": [U(2 + i) for i in range(nk)], "NS.objects": [U(2 + nk + i) for i in range(nk)],
                      "$class": U(pro + 1)}]
    objs += ks + vs + [{"$class": U(pro + 2), "fullName": U(pro + 3), "taxId": U(pro + 4)},
                       {"$classname": "NSDictionary", "$classes": ["NSDictionary", "NSObject"]},
                       {"$classname": "ACMEProfile", "$classes": ["ACMEProfile", "NSObject"]},
                       f["name"], "EIN 36-4172981"]
    arch = plistlib.dumps({"$version": 100000, "$archiver": "NSKeyedArchiver", "$top": {"root": U(1)},
                           "$objects": objs}, fmt=plistlib.FMT_BINARY)
    fid = ios_name("AppDomain-com.acme.benefits", "Library/Caches/profile.archive")
    r = put("Users/amoss/AppData/Roaming/Apple Computer/MobileSync/Backup/00008030-001A2B3C4D5E802E/%s/%s"
            % (fid[:2], fid), arch)
    # the bare SSN is named only by its NS.keys twin
    key("ios_keyed_archive_ssn", r, [], planted={"ssn": [f["ssn9"]], "email": [f["email"]]})


def late_cases():
    a, b, c, d = person(), person(), person(), person()
    docs = "OneDrive - Acme Corp/Documents"
    # a text file saved as "Unicode big endian" with its BOM lost
    r = put(docs + "/old notes.txt", ("Reference check\r\n%s  SSN %s  %s\r\n" % (
        a["name"], a["ssn"], a["email"])).encode("utf-16-be"))
    key("txt_utf16be_no_bom", r, [], planted=pl(a))
    # Windows 11 Notepad keeps unsaved tabs in TabState/*.bin: "NP", a
    # sequence number, varint lengths and the text in UTF-16LE
    text = "ssh root@10.14.2.9 pw Autumn#Leaves2014\rcall %s %s re SSN %s" % (b["name"], b["phone"], b["ssn"])
    n = len(text)
    varint = bytes([n & 0x7F | 0x80, n >> 7]) if n >= 128 else bytes([n])
    tab = b"NP\x00\x00\x01" + varint + u16(text) + b"\x01\x00\x00\x00" + struct.pack("<I", zlib.crc32(u16(text)))
    r = put(PROFILE + "/AppData/Local/Packages/Microsoft.WindowsNotepad_8wekyb3d8bbwe/LocalState/TabState/"
            "0b1f2e3d-4c5b-4a69-8788-99aabbccddee.bin", tab)
    key("notepad_tabstate", r, None, planted_under={"ssn": [b["ssn9"]], "phone": [b["phone10"]]})
    # iOS call history: the number a BLOB of ASCII in ZADDRESS
    db = hc.sqlite_db(D.tmp("CallHistory.storedata"), [
        ("CREATE TABLE ZCALLRECORD (Z_PK INTEGER PRIMARY KEY, Z_ENT INTEGER, ZDATE TIMESTAMP, ZDURATION FLOAT, "
         "ZADDRESS VARCHAR, ZNAME VARCHAR, ZSERVICE_PROVIDER VARCHAR)",
         [(1, 2, 438508800.0, 312.0, ("+1%s" % c["phone10"]).encode(), c["name"], "com.apple.Telephony"),
          (2, 2, 438509800.0, 45.0, c["email"].encode(), None, "com.apple.FaceTime")])])
    fid = ios_name("HomeDomain", "Library/CallHistoryDB/CallHistory.storedata")
    r = put("Users/amoss/AppData/Roaming/Apple Computer/MobileSync/Backup/00008030-001A2B3C4D5E802E/%s/%s"
            % (fid[:2], fid), db)
    key("ios_call_history_blob", r, None, planted_under={"phone": [c["phone10"]], "email": [c["email"]]})
    # "archive.pst" that is a zip of a CSV: the name lies
    z = hc.zipb([("contacts.csv", ("Name,SSN,Email\r\n%s,%s,%s\r\n" % (d["name"], d["ssn"], d["email"])).encode())])
    r = put(PROFILE + "/Documents/Outlook Files/archive.pst", z)
    key("pst_is_zip", r, ["contacts.csv"], planted=pl(d))
    # .pst/.ost are Outlook stores (the OLE family of the extension check)
    key("pst_is_zip_root", r, [], alerts_all=["ext_mismatch"])
    # XML property lists: an app's preferences whose SSN is bare digits
    # under its <key>, and a configuration profile (.mobileconfig) whose
    # payload carries an account and an embedded certificate
    e, f = person(), person()
    xml_pref = plistlib.dumps({"LastEmployee": e["name"], "employeeSSN": e["ssn9"], "ssn_verified": True,
                               "Recent": [{"name": f["name"], "socialSecurityNumber": f["ssn9"]}]})
    r = put("MacBook-Pro-amoss/Users/amoss/Library/Preferences/com.acme.hrtool.plist", xml_pref)
    key("xml_plist_key_names_ssn", r, [], planted={"ssn": [e["ssn9"], f["ssn9"]]})
    g = person()
    prof = plistlib.dumps({"PayloadDisplayName": "Acme VPN", "PayloadType": "Configuration", "PayloadVersion": 1,
                           "PayloadIdentifier": "com.acme.vpn.5F1C",
                           "PayloadUUID": "5F1C2B3A-4D5E-4F60-8172-93A4B5C6D7E8",
                           "PayloadContent": [{"PayloadType": "com.apple.vpn.managed", "UserDefinedName": "Acme VPN",
                                               "VPN": {"AuthName": g["email"], "AuthPassword": "Winter#Acme2014",
                                                       "RemoteAddress": "vpn.acme-corp.test"},
                                               "Comment": ("Enrolled for %s (SSN on file %s)" % (g["name"], g["ssn"])
                                                           ).encode()}]})
    r = put("MacBook-Pro-amoss/Users/amoss/Downloads/acme-vpn.mobileconfig", prof)
    key("mobileconfig_profile", r, None, planted_under={"email": [g["email"]], "ssn": [g["ssn9"]]})


def home_mac():
    return "MacBook-Pro-amoss/Users/amoss"


def hc_noise(n, seed):
    """Incompressible, deterministic bytes."""
    out, x = bytearray(), seed
    while len(out) < n:
        x = (x * 6364136223846793005 + 1442695040888963407) & (2 ** 64 - 1)
        out += x.to_bytes(8, "little")
    return bytes(out[:n])


# ---------------------------------------------------------------- names that lie
def lying_cases():
    a, b, c, d = person(), person(), person(), person()
    docs = "OneDrive - Acme Corp/Documents"
    r = put(docs + "/Pictures/IMG_0412.jpg", docx(["Severance terms for %s" % a["name"], "SSN %s" % a["ssn"],
                                                   "Reply to %s" % a["email"]]))
    key("jpg_is_docx", r, None, planted_under=pl(a))
    # a document under a picture's name: named ext_mismatch (hostile)
    key("jpg_is_docx_root", r, [], alerts_all=["ext_mismatch"], verdict="hostile")
    r = put(docs + "/notes.txt", u16("Call list\r\n%s  SSN %s  %s\r\n" % (b["name"], b["ssn"], b["email"])))
    key("txt_utf16_no_bom", r, [], planted=pl(b))
    eml = ("From: %s <%s>\r\nTo: hr@acme-corp.test\r\nSubject: my details\r\nDate: Mon, 24 Nov 2014 08:00:00 -0800\r\n"
           "Message-ID: <h11-0001@acme-corp.test>\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n"
           "Content-Transfer-Encoding: base64\r\n\r\n" % (c["name"], c["email"]))
    import base64
    eml += base64.encodebytes(("Hi, my SSN is %s.\r\n" % c["ssn"]).encode()).decode().replace("\n", "\r\n")
    r = put(docs + "/ATT00001", eml.encode())
    key("no_extension_eml", r, None, planted_under=pl(c))
    # one memo in three formats
    memo = "Termination memo. Employee %s, SSN %s, e-mail %s." % (d["name"], d["ssn"], d["email"])
    r = put(docs + "/Memo/termination.docx", docx([memo]))
    key("memo_docx", r, None, planted_under=pl(d))
    r = put(docs + "/Memo/termination.rtf", ("{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Calibri;}}"
                                             "\\f0\\fs22 %s\\par}" % memo).encode())
    key("memo_rtf", r, None, planted_under=pl(d))
    r = put(docs + "/Memo/termination.txt", (memo + "\r\n").encode())
    key("memo_txt", r, [], planted=pl(d))


def generate(out):
    """Build OUT/dump and OUT/key.json; return the key."""
    return D.generate(out, (windows_cases, mac_cases, phone_cases, office_cases, lying_cases, more_cases,
                            late_cases))


MAC = "MacBook-Pro-amoss/Users/amoss/"
CORPUS = {MAC + "Library/Preferences/com.apple.recentitems.plist": "bplist/h11_recentitems.plist",
          MAC + "Library/Application Support/AddressBook/Metadata/ABPerson-8E1F.abcdp":
          "bplist/h11_contact_utf16.abcdp",
          MAC + "Library/Preferences/com.acme.benefits.plist": "bplist/h11_int_keys.plist",
          MAC + "Downloads/Benefits enrollment.webarchive": "bplist/h11_page.webarchive",
          MAC + "Documents/._receipt.txt": "bplist/h11_appledouble_attrs",
          MAC + "Documents/._dossier.pdf": "bplist/h11_appledouble_utf16",
          "Laptop-ACME-0417/C/Windows/System32/winevt/Logs/Security.evtx": "evtx/h11_security.evtx"}


if __name__ == "__main__":
    if sys.argv[1] == "--corpus":
        hc.corpus_copy(generate, CORPUS, sys.argv[2])
        # the event log's chunk alone, cut after its records (a carved chunk)
        ev = os.path.join(sys.argv[2], "evtx", "h11_security.evtx")
        with open(ev, "rb") as f:
            d = f.read()
        end = struct.unpack_from("<I", d, 4096 + 48)[0]
        with open(os.path.join(sys.argv[2], "evtx", "h11_carved_chunk.evtx"), "wb") as f:
            f.write(d[4096:4096 + end])
        os.remove(ev)
    else:
        print(len(generate(sys.argv[1])["cases"]), "cases")
