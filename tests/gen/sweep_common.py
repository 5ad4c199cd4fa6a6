#!/usr/bin/env python3
"""What the real-document sweep generators (gen_realsweep*.py) share:
OOXML package parts, a PDF's body and cross-reference table, a Word 97
file's FIB, piece table and paragraph-property page, a compound file.

Each writes a file from scratch in the real format's structure (no bytes
of another project's file). Python stdlib only; deterministic.
"""
import os
import struct
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cfb_writer import CFBWriter  # noqa: E402

# ---------------------------------------------------------------- OOXML
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
S = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PR = "http://schemas.openxmlformats.org/package/2006/relationships"
CT = "http://schemas.openxmlformats.org/package/2006/content-types"
CT_DOC = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CT_WB = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
CT_WS = "application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"
CT_SST = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
OFFDOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
XMLDECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


def ooxml_zip(path, parts):
    """Write PATH: a deflated zip of [(part name, str or bytes)] in order."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in parts:
            z.writestr(name, data.encode("utf-8") if isinstance(data, str) else data)


def ooxml_types(overrides):
    """[Content_Types].xml: the rels and xml defaults, [(part, type)] overrides."""
    return (XMLDECL + '<Types xmlns="%s"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/>' % CT +
            "".join('<Override PartName="%s" ContentType="%s"/>' % o for o in overrides) +
            "</Types>")


def ooxml_rels(rels):
    """A .rels part: [(type, target)] as rId1, rId2, ..."""
    return (XMLDECL + '<Relationships xmlns="%s">' % PR +
            "".join('<Relationship Id="rId%d" Type="%s" Target="%s"/>' % (i + 1, t, tg)
                    for i, (t, tg) in enumerate(rels)) + "</Relationships>")


# ---------------------------------------------------------------- PDF
def pdf(objs):
    """A PDF 1.4 file: OBJS (bodies, bytes) numbered from 1, object 1 the
    catalog, a classic xref table and trailer."""
    out = bytearray(b"%PDF-1.4\n")
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offs:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    return bytes(out)


def pdf_stream(dict_body, data):
    return b"<< " + dict_body + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


# ---------------------------------------------------------------- compound files, Word 97
def cfb(streams):
    """A compound file holding [(stream name, bytes)] in its root storage."""
    w = CFBWriter()
    for name, data in streams:
        w.add_stream(name, data)
    return w.build()[0]


def write(path, data):
    with open(path, "wb") as f:
        f.write(data)


W97_TEXT_AT = 1024  # where w97_fib puts the text: the piece's file offset


def w97_fib(text):
    """A WordDocument stream's start: a Word 97 FIB (wIdent 0xA5EC, nFib
    0xC1, csw 14, cslw 22, ccpText, cbRgFcLcb 0x5D: pairs from 154), the
    8-bit TEXT at W97_TEXT_AT, zeros to a 512-byte page (a bytearray)."""
    fib = bytearray(1024)
    struct.pack_into("<HH", fib, 0, 0xA5EC, 0x00C1)
    struct.pack_into("<H", fib, 32, 14)   # csw
    struct.pack_into("<H", fib, 62, 22)   # cslw
    struct.pack_into("<I", fib, 64 + 12, len(text))  # ccpText
    struct.pack_into("<H", fib, 152, 0x5D)  # cbRgFcLcb: pairs from 154
    wd = bytearray(bytes(fib) + text)
    wd += b"\0" * (-len(wd) % 512)
    return wd


def w97_clx(ncp, fc=W97_TEXT_AT):
    """A CLX of one compressed (8-bit) piece: NCP characters at FC."""
    plc = struct.pack("<II", 0, ncp) + struct.pack("<HIH", 0, (fc * 2) | 0x40000000, 0)
    return b"\x02" + struct.pack("<I", len(plc)) + plc


def w97_papx_doc(text, lens, papxs, papx_at):
    """A Word 97 file's WordDocument and 0Table (bytearrays): w97_fib(TEXT),
    then one PlcBtePapx FKP page whose run k is LENS[k] bytes of text with
    the PAPX PAPXS[k] (its bytes from the cb on, each placed word-aligned
    from byte PAPX_AT of the page on); the table holds the CLX (one piece)
    and the PlcBtePapx, the FIB points at both. A caller appends more to
    the table and points the FIB at it."""
    wd = w97_fib(text)
    pn = len(wd) // 512
    page = bytearray(512)
    crun = len(lens)
    fcs = [W97_TEXT_AT]
    for n in lens:
        fcs.append(fcs[-1] + n)
    for i, fc in enumerate(fcs):
        struct.pack_into("<I", page, 4 * i, fc)
    for k, papx in enumerate(papxs):
        page[4 * (crun + 1) + 13 * k] = papx_at // 2
        page[papx_at:papx_at + len(papx)] = papx
        papx_at += len(papx) + (len(papx) & 1)
    page[511] = crun
    wd += page
    clx = w97_clx(len(text))
    table = bytearray(clx)
    struct.pack_into("<II", wd, 0x1A2, 0, len(clx))  # fcClx
    plcbte = struct.pack("<III", fcs[0], fcs[-1], pn)
    struct.pack_into("<II", wd, 154 + 8 * 13, len(table), len(plcbte))  # PlcBtePapx
    table += plcbte
    return wd, table


def w97_lvl(start, nfc, xst, legal=False, norestart=False, lim=0):
    """An LVL: LVLF (iStartAt, nfc, flags: fLegal 0x04, fNoRestart 0x08,
    ..., ilvlRestartLim at 26), no grpprls, the xst (characters 0-8:
    levels)."""
    flags = (0x04 if legal else 0) | (0x08 if norestart else 0)
    lvlf = struct.pack("<IBB9sBiIBBBB", start, nfc, flags, b"\0" * 9, 0, 0, 0, 0, 0, lim, 0)
    return lvlf + struct.pack("<H", len(xst)) + xst.encode("utf-16-le")
