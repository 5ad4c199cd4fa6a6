#!/usr/bin/env python3
"""Windows metafiles written from the documented layouts ([MS-WMF] 2.3,
[MS-EMF] 2.3, [MS-EMFPLUS] 2.3.4.14): the pictures of charts and org
charts pasted into Office files, whose labels are drawn by text records,
each string between the record's binary fields. All PII is fake.

    name_glued.wmf   placeable header, a font (ANSI), TEXTOUT "Meriel Quist",
                     TEXTOUT "SSN: 536-22-8714" whose y field (0x0046) is 'F'
                     glued to the last digit (office19's t6.wmf)
    contact.emf      header with a description, EXTTEXTOUTW phone and
                     e-mail (UTF-16LE), a SMALLTEXTOUT, an EMF+ DrawString
    cyrillic.wmf     a RUSSIAN_CHARSET (204) font selected, EXTTEXTOUT with a
                     clip rectangle: windows-1251 "Телефон: 02 1234 5678"
    cut.emf          contact.emf cut inside its third record
    runs.emf         a chart label drawn in runs (one font each): "SSN: 536-22-"
                     then "8714" where the first run's advances end, on its
                     baseline: one line; a label below it: a line of its own
    notext.wmf       a picture that draws no text (a pen, a rectangle): left to
                     the media scan (no handler)
"""
import os
import struct
import sys

# ---- WMF ----


def wmf_rec(fn, params):
    if len(params) % 2:
        params += b"\0"
    return struct.pack("<IH", 3 + len(params) // 2, fn) + params


def wmf_font(charset, face=b"Arial"):
    # Font object: Height, Width, Escapement, Orientation, Weight, Italic,
    # Underline, StrikeOut, CharSet, OutPrecision, ClipPrecision, Quality,
    # PitchAndFamily, Facename (32 bytes at most, NUL-ended)
    f = struct.pack("<hhhhhBBBBBBBB", -16, 0, 0, 0, 400, 0, 0, 0, charset, 0, 0, 0, 0)
    return wmf_rec(0x02FB, f + face + b"\0")


def wmf_textout(s, y=0x46, x=0x14):
    p = struct.pack("<H", len(s)) + s + (b"\0" if len(s) % 2 else b"") + struct.pack("<hh", y, x)
    return wmf_rec(0x0521, p)


def wmf_exttextout(s, y=0x30, x=0x10, clip=True):
    opts = 0x0004 if clip else 0
    p = struct.pack("<hhhH", y, x, len(s), opts)
    if clip:
        p += struct.pack("<hhhh", 0, 0, 400, 100)
    p += s + (b"\0" if len(s) % 2 else b"")
    p += b"".join(struct.pack("<h", 9) for _ in s)  # the dx array
    return wmf_rec(0x0A32, p)


def wmf(records, nobjects=2, placeable=True):
    body = b"".join(records) + wmf_rec(0x0000, b"")
    words = 9 + len(body) // 2
    maxrec = max(struct.unpack_from("<I", r)[0] for r in records)
    head = struct.pack("<HHHIHIH", 1, 9, 0x0300, words, nobjects, maxrec, 0)
    if not placeable:
        return head + body
    ph = struct.pack("<IHhhhhHI", 0x9AC6CDD7, 0, 0, 0, 1000, 500, 1440, 0)
    check = 0
    for (w,) in struct.iter_unpack("<H", ph[:20]):
        check ^= w
    return ph + struct.pack("<H", check) + head + body


def wmf_emf_chunks(data, size, drop=()):
    """The EMF DATA as META_ESCAPE MFCOMMENT "WMFC" records of SIZE bytes
    each, as GDI's GetWinMetaFileBits writes it into the WMF it makes (the
    chunks whose index is in DROP left out)."""
    recs, left, n = [], len(data), (len(data) + size - 1) // size
    for i in range(n):
        part = data[i * size:(i + 1) * size]
        left -= len(part)
        if i in drop:
            continue
        # CommentIdentifier, CommentType, Version, Checksum, Flags,
        # CommentRecordCount, CurrentRecordSize, RemainingBytes, EnhancedMetafileDataSize
        esc = b"WMFC" + struct.pack("<IIHIIIII", 1, 0x10000, 0, 0, n, len(part), left, len(data)) + part
        recs.append(wmf_rec(0x0626, struct.pack("<HH", 0x000F, len(esc)) + esc))
    return recs


def select(i):
    return wmf_rec(0x012D, struct.pack("<H", i))


# ---- EMF ----


def emf_rec(typ, body):
    body += b"\0" * (-len(body) % 4)
    return struct.pack("<II", typ, 8 + len(body)) + body


def emf_header(desc, nrecords, nbytes):
    d = desc.encode("utf-16-le")
    # Bounds, Frame, Signature, Version, Bytes, Records, Handles, Reserved,
    # nDescription, offDescription, nPalEntries, Device, Millimeters
    fixed = struct.pack("<iiii", 0, 0, 400, 200) + struct.pack("<iiii", 0, 0, 10000, 5000)
    fixed += struct.pack("<IIIIHHIII", 0x464D4520, 0x10000, nbytes, nrecords, 1, 0, len(desc), 88, 0)
    fixed += struct.pack("<iiii", 1920, 1080, 508, 286)
    assert len(fixed) + 8 == 88
    return emf_rec(1, fixed + d)


def emf_exttextoutw(s, x=10, y=20, opts=0):
    t = s.encode("utf-16-le")
    # Bounds, iGraphicsMode, exScale, eyScale, then EmrText: Reference,
    # Chars, offString, Options, Rectangle, offDx
    off = 8 + 16 + 12 + 40
    body = struct.pack("<iiii", 0, 0, 0, 0) + struct.pack("<Iff", 1, 0.0, 0.0)
    body += struct.pack("<iiIIIiiiiI", x, y, len(s), off, opts, 0, 0, 0, 0, off + len(t) + (-len(t) % 4))
    body += t + b"\0" * (-len(t) % 4) + struct.pack("<%di" % len(s), *([7] * len(s)))
    return emf_rec(84, body)


def emf_smalltextout(s):
    t = s.encode("utf-16-le")
    # x, y, cChars, fuOptions (ETO_NO_RECT), iGraphicsMode, exScale, eyScale, Text
    body = struct.pack("<iiIIIff", 5, 5, len(s), 0x0100, 1, 0.0, 0.0) + t
    return emf_rec(108, body)


def emfplus_drawstring(s):
    t = s.encode("utf-16-le")
    data = struct.pack("<III", 0, 0, len(s)) + struct.pack("<ffff", 0, 0, 100, 20) + t
    data += b"\0" * (-len(data) % 4)
    rec = struct.pack("<HHII", 0x401C, 0x8000, 12 + len(data), len(data)) + data
    payload = b"EMF+" + rec
    return emf_rec(70, struct.pack("<I", len(payload)) + payload)


def emf(desc, records):
    recs = list(records) + [emf_rec(14, struct.pack("<III", 0, 16, 20))]
    total = 88 + len(desc) * 2 + (-(len(desc) * 2) % 4) + sum(len(r) for r in recs)
    return emf_header(desc, len(recs) + 1, total) + b"".join(recs)


def generate(out):
    os.makedirs(out, exist_ok=True)
    files = {}
    files["name_glued.wmf"] = wmf([wmf_font(0), select(0), wmf_textout(b"Meriel Quist"),
                                   wmf_textout(b"SSN: 536-22-8714")])
    contact = emf("OrgChart\0Staff\0\0", [
        emf_exttextoutw("Phone: (305) 998-2563"),
        emf_exttextoutw("meriel.quist@corvana-mail.net"),
        emf_smalltextout("Meriel Quist, Accounts"),
        emfplus_drawstring("Ward Ostrander"),
    ])
    files["contact.emf"] = contact
    files["cyrillic.wmf"] = wmf([wmf_font(0), wmf_font(204, b"Times New Roman"), select(1),
                                 wmf_exttextout("Телефон: 02 1234 5678".encode("cp1251")),
                                 wmf_exttextout("Иванов Пётр".encode("cp1251"), clip=False)],
                                placeable=False)
    third = 88 + len("OrgChart\0Staff\0\0") * 2 + (-(len("OrgChart\0Staff\0\0") * 2) % 4)
    third += len(emf_exttextoutw("Phone: (305) 998-2563")) + len(emf_exttextoutw("meriel.quist@corvana-mail.net"))
    files["cut.emf"] = contact[:third + 10]
    first = "SSN: 536-22-"
    files["runs.emf"] = emf("Chart\0\0", [
        emf_exttextoutw(first, x=10, y=20),
        emf_exttextoutw("8714", x=10 + 7 * len(first), y=20),
        emf_exttextoutw("Q3 revenue", x=10 + 7 * len(first) + 7 * 4, y=40),
    ])
    files["notext.wmf"] = wmf([wmf_rec(0x02FA, struct.pack("<HhhI", 0, 1, 0, 0)),
                               wmf_rec(0x041B, struct.pack("<hhhh", 90, 190, 10, 10))])
    # a WMF converted from an EMF: its own records draw a box, the EMF (and its text) rides in comments
    inner = emf("Org\0\0", [emf_exttextoutw("Hollis Verano"), emf_exttextoutw("SSN: 536-22-8714", y=40)])
    box = wmf_rec(0x041B, struct.pack("<hhhh", 90, 190, 10, 10))
    files["emf_in_wmf.wmf"] = wmf(wmf_emf_chunks(inner, 64) + [box])
    files["emf_in_wmf_cut.wmf"] = wmf(wmf_emf_chunks(inner, 64, drop=(1,)) + [box])
    # a string drawn as glyph indexes (ETO_GLYPH_INDEX) beside one drawn as characters
    files["glyphs.emf"] = emf("Print\0\0", [emf_exttextoutw("\x2c\x48\x4f\x4f", opts=0x0010),
                                              emf_exttextoutw("Quarterly report", y=40)])
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as fh:
            fh.write(data)
    return sorted(files)


if __name__ == "__main__":
    print(generate(sys.argv[1] if len(sys.argv) > 1 else "metafiles"))
