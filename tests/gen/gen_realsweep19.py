#!/usr/bin/env python3
"""Office formats read only by luck (the nineteenth sweep). Each file is
written from scratch in the structure of the real format; every name,
date and number is made up.

- wp42_memo.doc: a WordPerfect 4.2 memo (4.2 files have no signature;
  libmagic says `data`): fixed-length function groups (each ending with
  its code repeated, the size the code fixes), a header group (D1) whose
  text sits inside it, bold and underline codes inside words, and an SSN
  typed with hard hyphens (A9), which no raw scan sees as one. As the
  format corpus's testWordPerfect_42.doc (written by WordPerfect 6.1).
- wp42_cut.doc: the memo cut inside its last group.
- wp42_enc.doc: a password-protected 4.2 document (FE FF 61 61, a
  checksum, enciphered bytes).
- latin1.txt: a Latin-1 letter whose accented letters fall in C0-FE,
  the range of 4.2's function groups: it stays text.
- quattro.qpw: a Quattro Pro 9+ workbook (a compound file whose
  NativeContent_MAIN stream holds the cells as binary records, an SSN
  typed as a number a double there), with a summary property set, as
  Apache Tika's testQUATTRO.qpw: it had said `full`.
- mac_zipped.xlsx: a workbook unzipped and zipped again by macOS Finder
  ("Compress"): each part has a resource fork beside it,
  __MACOSX/xl/._sharedStrings.xml (AppleDouble, 00 05 16 07), named like
  XML but none (xlsx2csv's test_escape.xlsx and test_skip_empty_lines.xlsx
  had said parse_error): read whole, the forks members.
- odt_links.odt: links (text:a) that start or end inside a word, as
  ODF Toolkit's hyperlink.odt ("ab<a>c</a>def") and Hyperlink-AOO401.odt
  ("He<a>llo Wor</a>ld!"): the link's target was written where the link
  starts, splitting the word; an SSN whose last group is a link
  ("536-22-<a>8714</a>") was lost. The targets follow the paragraph.
- ppt_chart.ppt: a PowerPoint 97 presentation whose chart is a picture:
  the Pictures stream holds a WMF blip stored DEFLATE (zlib) whose
  TEXTOUT records draw the labels, one an SSN, and an EMF blip stored
  as is (textract's MxAgCrProd.ppt, charts pasted as pictures: a third
  of the words PowerPoint shows were in no text the file said it read);
  ppt_chart_cut.ppt: the Pictures stream cut inside the EMF.

Python standard library only.
"""
import os
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from cfb_writer import CFBWriter  # noqa: E402
from gen_ole2 import summary_info  # noqa: E402
import gen_docs  # noqa: E402

SSN_PARTS = ("536", "22", "8714")
EMAIL = "payroll.clerk@example.org"

# ---------------------------------------------------------------- WordPerfect 4.2

HARD_HYPHEN = b"\xa9"
BOLD_ON, BOLD_OFF = b"\x9d", b"\x9c"
UNDERLINE_ON, UNDERLINE_OFF = b"\x94", b"\x95"


def group(code, body):
    """A fixed-length group: the code, its parameter bytes, the code."""
    return bytes([code]) + bytes(body) + bytes([code])


def header(text):
    """The header/footer group (D1): 4 bytes, the text, FF, a byte, the
    definition (occurrence: every page), D1."""
    return b"\xd1" + b"\x00\x00\x00\x00" + text + b"\xff\x00\x04" + b"\xd1"


def wp42_memo():
    ssn = HARD_HYPHEN.join(s.encode() for s in SSN_PARTS)
    body = b"".join([
        group(0xC0, b"\x0c\x48\x0c\x50"),        # margin reset (6 bytes)
        group(0xCB, b"\x0c\x00\xf0\x00"),        # a 6-byte group
        header(b"Personnel file " + BOLD_ON + b"CONFIDENTIAL" + BOLD_OFF),
        group(0xC3, b"\x00\x21\x17"),            # a 5-byte group
        b"MEMORANDUM\n\n",
        b"To: Benefits office\n",
        b"Re: Garnet " + UNDERLINE_ON + b"Hollis" + UNDERLINE_OFF + b"\n\n",
        b"Please update the record of Garnet Hollis, SSN " + ssn + b", before\r",
        b"the March payroll run.\n",
        group(0xE8, b"\x00"),                    # a 3-byte group
        b"Send questions to " + EMAIL.encode() + b".\n",
        group(0xCB, b"\x0c\x00\xf0\x00"),
        b"Thank you.\n",
    ])
    tail = group(0xF1, bytes(104))               # a 106-byte group at the end
    return body + tail, len(body) + 40


def wp42_enc():
    out = bytearray(b"\xfe\xff\x61\x61" + struct.pack("<H", 0x5A3C))
    x = 0x7B
    for i in range(600):                         # enciphered bytes (not text)
        x = (x * 73 + 41 + i) & 0xFF
        out.append(x)
    return bytes(out)


LATIN1 = ("Chère Mme Lefèvre,\n\nà la suite de notre entretien, veuillez trouver "
          "ci-joint le relevé des heures. Grüße aus Köln, Jürgen Weiß.\n"
          "Numéro de dossier: 4471, échéance: 15 avril.\n")

# ---------------------------------------------------------------- Quattro Pro 9+


def qpw_native():
    """Records of Quattro Pro 9's NativeContent_MAIN: a 16-bit type and a
    16-bit length, then the data (a begin-of-file record, a sheet, a cell
    list holding a label and a number stored as a double)."""
    def rec(t, data):
        return struct.pack("<HH", t, len(data)) + data
    label = b"Employee SSN"
    cells = (struct.pack("<HH", 0, 0) + bytes([len(label)]) + label +
             struct.pack("<HHd", 1, 0, 536228714.0))
    return (rec(0x0001, b"QPW9" + struct.pack("<HH", 0x0009, 0x0001)) +
            rec(0x0601, struct.pack("<H", 0) + b"Staff") +
            rec(0x0C01, cells) + rec(0x0602, b"") + rec(0x0002, b""))


def qpw():
    w = CFBWriter()
    w.add_stream("\x05SummaryInformation", summary_info("Staff list", "Quinn Abernathy"))
    w.add_stream("NativeContent_MAIN", qpw_native())
    return w.build()[0]


# ---------------------------------------------------------------- macOS zip


def apple_double(name):
    """An AppleDouble header (magic, version 2, 'Mac OS X' filler) with a
    Finder-info entry (id 9) of 32 bytes."""
    head = struct.pack(">II", 0x00051607, 0x00020000) + b"Mac OS X".ljust(16)
    entries = struct.pack(">H", 1) + struct.pack(">III", 9, 50, 32)
    return head + entries + b"TEXTXCEL" + bytes(24) + name.encode()[:8]


def mac_xlsx():
    sst = gen_docs.x_sst(["Employee", "SSN", "Odile Ferrand", "536-22-8714"])
    sheet = gen_docs.x_sheet([[(0, "s"), (1, "s")], [(2, "s"), (3, "s")]])
    parts = []
    for name, data in gen_docs.xlsx_parts([("Staff", sheet)], sst):
        parts.append((name, data))
        folder, base = os.path.split(name)
        parts.append(("__MACOSX/" + (folder + "/" if folder else "") + "._" + base, apple_double(base)))
    return gen_docs.zip_bytes(parts)


# ---------------------------------------------------------------- ODF links


def odt_links():
    link = '<text:a xlink:type="simple" xlink:href="%s">%s</text:a>'
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s><office:body><office:text>'
               '<text:p>He' + link % ("https://intranet.example.org/wiki", "llo Wor") + 'ld!</text:p>'
               '<text:p>Claimant SSN 536-22-' + link % ("https://hr.example.org/case/77", "8714") + '</text:p>'
               '<text:p>ab<text:span>' + link % ("https://www.example.org/", "<text:span>c</text:span>") +
               '</text:span>def</text:p>'
               '</office:text></office:body></office:document-content>') % gen_docs.ODF_NS
    styles = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-styles %s><office:styles/>'
              '</office:document-styles>' % gen_docs.ODF_NS)
    return gen_docs.odf_bytes(gen_docs.odf_parts("text", content, styles,
                                                 gen_docs.odf_meta("Jane Doe", "Client", "Initech")))


# ---------------------------------------------------------------- PowerPoint pictures


def wmf(lines):
    """A Windows metafile (no placeable header): META_CREATEFONTINDIRECT,
    one META_TEXTOUT per line, META_EOF."""
    recs = b""
    font = struct.pack("<hhhhhBBBBBBBB", -16, 0, 0, 0, 400, 0, 0, 0, 0, 0, 0, 0, 0) + b"Arial\0\0\0"
    recs += struct.pack("<IH", 3 + len(font) // 2, 0x02FB) + font
    for k, text in enumerate(lines):
        t = text.encode("cp1252")
        body = struct.pack("<H", len(t)) + t + b"\0" * (len(t) % 2) + struct.pack("<hh", 40 + 30 * k, 20)
        recs += struct.pack("<IH", 3 + len(body) // 2, 0x0521) + body
    recs += struct.pack("<IH", 3, 0)
    words = (18 + len(recs)) // 2
    return struct.pack("<HHHIHIH", 1, 9, 0x0300, words, 1, 40, 0) + recs


def emf(text):
    """An enhanced metafile: EMR_HEADER (the ' EMF' signature at 40),
    one EMR_EXTTEXTOUTW, EMR_EOF."""
    u = text.encode("utf-16-le")
    tr = (struct.pack("<iiii", 0, 0, 100, 20) + struct.pack("<Iff", 1, 1.0, 1.0) +
          struct.pack("<iiIIIiiii", 10, 10, len(text), 76, 0, 0, 0, 100, 20) + struct.pack("<I", 0))
    tr = tr + u + b"\0" * (-len(u) % 4)
    ext = struct.pack("<II", 84, 8 + len(tr)) + tr
    eof = struct.pack("<IIIII", 14, 20, 0, 16, 20)
    head = struct.pack("<II", 1, 108) + struct.pack("<iiii", 0, 0, 100, 20) + struct.pack("<iiii", 0, 0, 2000, 500)
    size = 108 + len(ext) + len(eof)
    head += b" EMF" + struct.pack("<IIIHH", 0x10000, size, 3, 1, 0) + struct.pack("<III", 0, 0, 0)
    head += struct.pack("<iiii", 1920, 1080, 508, 285) + struct.pack("<III", 0, 0, 0) + struct.pack("<ii", 508000, 285000)
    return head + ext + eof


def blip(rtype, inst, meta, deflate):
    """An OfficeArtBlipWMF/EMF record: a 16-byte UID, the metafile header
    (cbSize, rcBounds, ptSize in EMUs, cbSave, compression 0 DEFLATE or
    0xFE none, filter 0xFE), the metafile."""
    data = zlib.compress(meta) if deflate else meta
    head = (struct.pack("<I", len(meta)) + struct.pack("<iiii", 0, 0, 2000, 500) + struct.pack("<ii", 2540000, 635000) +
            struct.pack("<I", len(data)) + bytes([0 if deflate else 0xFE, 0xFE]))
    body = bytes(range(16)) + head + data
    return struct.pack("<HHI", inst << 4, rtype, len(body)) + body


def ppt_chart():
    import gen_realsweep18
    ps, cu, _ = gen_realsweep18.ppt()
    pictures = (blip(0xF01B, 0x216, wmf(["SSN: 536-22-8714", "Staff on leave", "Meriel Quist"]), True) +
                blip(0xF01A, 0x3D4, emf("Contact payroll.clerk@example.org"), False))
    whole = gen_realsweep18.cfb([("PowerPoint Document", ps), ("Current User", cu), ("Pictures", pictures)])
    cut = gen_realsweep18.cfb([("PowerPoint Document", ps), ("Current User", cu), ("Pictures", pictures[:-30])])
    return whole, cut


def generate(out):
    os.makedirs(out, exist_ok=True)
    memo, cut_at = wp42_memo()
    files = {
        "wp42_memo.doc": memo,
        "wp42_cut.doc": memo[:len(memo) - 50],
        "wp42_enc.doc": wp42_enc(),
        "latin1.txt": LATIN1.encode("latin-1"),
        "quattro.qpw": qpw(),
        "mac_zipped.xlsx": mac_xlsx(),
        "odt_links.odt": odt_links(),
    }
    files["ppt_chart.ppt"], files["ppt_chart_cut.ppt"] = ppt_chart()
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    del cut_at
    return {
        # name: (handler, coverage, reason, text lines wanted)
        "wp42_memo.doc": ("wordperfect", "full", None,
                          ["Personnel file CONFIDENTIAL", "Re: Garnet Hollis",
                           "Please update the record of Garnet Hollis, SSN 536-22-8714, before the March "
                           "payroll run.", "Send questions to " + EMAIL + "."]),
        "wp42_cut.doc": ("wordperfect", "partial", "truncated", ["Thank you."]),
        "wp42_enc.doc": ("wordperfect", "none", "encrypted", []),
        "latin1.txt": ("text", "full", None, []),
        "quattro.qpw": ("ole2", "partial", "unsupported", []),
        "mac_zipped.xlsx": ("ooxml", "full", None, ["Odile Ferrand\t536-22-8714"]),
        "odt_links.odt": ("odf", "full", None,
                          ["Hello World! https://intranet.example.org/wiki",
                           "Claimant SSN 536-22-8714 https://hr.example.org/case/77",
                           "abcdef https://www.example.org/"]),
        "ppt_chart.ppt": ("ole2", "full", None, []),
        "ppt_chart_cut.ppt": ("ole2", "partial", "truncated", []),
    }


if __name__ == "__main__":
    generate(sys.argv[1] if len(sys.argv) > 1 else "realsweep19")
