#!/usr/bin/env python3
"""Cut office documents for the eighteenth sweep: real files of other
projects (POI, Tika, SheetJS, LibreOffice, pyhwp ...) cut at eight points
each (one byte short, a quarter, half, nine tenths, inside a CFB's FAT,
directory or largest stream, inside a zip's central directory or largest
member, before an RTF's closing braces), and real .doc/.xls/.ppt whose
main stream alone was cut inside a whole compound file. Files whose cut
the format makes knowable had said `full`. Each file here is written from
scratch in the structure of a real one, with a whole twin that must stay
`full`:

- sylk_cut.slk: an Excel SYLK export cut inside its cells: no E record,
  which ends every sheet (SheetJS's test sheets, cut); sylk_precells.slk:
  cut in the format records before the first cell (it had been read as
  plain text); sylk_whole.slk.
- wk4_cut.wk4: a 1-2-3 release 4 worksheet with the formatting section
  1-2-3 writes after the EOF record and the 24-byte trailer that ends the
  file ("\\xA4CM\\xA5Hdr\\xD7", the section's block offset and length), cut
  inside that section (SheetJS's write_L45.wk4 and crlfq9.wk4 at nine
  tenths); wk4_whole.wk4.
- cut.fods, cut_endtag.fods: a flat OpenDocument spreadsheet cut in its
  body and one cut one byte short (the root's end tag without its '>'):
  they had said parse_error, not truncated; whole.fods.
- xls_open.xls (a sheet's BOF no EOF closes: the stream cut at a record
  boundary), xls_tail.xls (1-3 bytes of a record header left), xls_lost.xls
  (the stream ends after the first sheet; BOUNDSHEET places the second
  past the end): the Workbook stream alone cut, as POI's 52447.xls,
  WithThreeCharts.xls and missingFuncs44675.xls were; xls_whole.xls.
- doc_cut.doc: a WordDocument stream shorter than its FIB's cbMac (the
  formatting pages after the text gone: Doc1_ole.doc and
  testWORD_numbered_list.doc cut at half); doc_whole.doc.
- ppt_cut.ppt: a PowerPoint Document stream cut at a record boundary
  before the UserEditAtom the Current User stream points to (bullets.ppt,
  next_test_ppt_file.ppt cut at nine tenths); ppt_whole.ppt.

And from the sweep of real ODF files (LibreOffice's, Tika's, odfpy's and
odfdo's test documents against their content.xml read with Python's
zipfile and expat): OpenOffice.org 1.x / StarOffice 6-7 packages
(ooo1.sxw, ooo1.sxc: mimetype application/vnd.sun.xml.*, the ODF element
names in the http://openoffice.org/2000/ namespaces, as Tika's
testStarOffice-6.0-writer.sxw and -calc.sxc) had gone to the archive
handler: their parts read as generic XML, a sheet's cells one a line.

Python standard library only; every name, date and number is made up.
"""
import os
import struct
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import sweep_common as sc  # noqa: E402
from sweep_common import cfb  # noqa: E402

SSN = "536-22-8714"
SSN2 = "536-22-1840"
EMAIL = "payroll.clerk@example.org"

# ---------------------------------------------------------------- SYLK

SYLK_HEAD = ["ID;PWXL;N;E", "P;PGeneral", "P;P0", "P;P#,##0.00", "P;Pm/d/yy",
             "F;P0;DG0G8;M255", "B;Y4;X3;D0 0 3 2", "O;L;D;V0;K47;G100 0.001"]
SYLK_CELLS = ['C;Y1;X1;K"Name"', 'C;X2;K"SSN"', 'C;X3;K"Mail"',
              'C;Y2;X1;K"Jane Roe"', 'C;X2;K"%s"' % SSN, 'C;X3;K"%s"' % EMAIL,
              'C;Y3;X1;K"Ana Lima"', 'C;X2;K"%s"' % SSN2, 'C;X3;K"ana.lima@example.org"',
              'C;Y4;X1;K"Totals"', 'C;X2;K2']


def sylk(lines):
    return ("\r\n".join(lines) + "\r\n").encode("ascii")


# ---------------------------------------------------------------- 1-2-3 release 4

def lrec(op, data=b""):
    return struct.pack("<HH", op, len(data)) + data


def treal(v):
    import math
    m, e = math.frexp(abs(v))
    return struct.pack("<QH", int(m * (1 << 64)), e - 1 + 16383)


def wk4():
    """A release 4 worksheet (BOF version 0x1002, the new cell layout), then
    what 1-2-3 writes after EOF: a formatting section (its own BOF and
    records), a block, and the trailer that gives the block's place."""
    def cell(op, row, col, data):
        return lrec(op, struct.pack("<HBB", row, 0, col) + data)
    bof = struct.pack("<H", 0x1002) + b"\0" * 14 + b"\x01" + b"\0" * 9
    sheet = lrec(0x00, bof) + b"".join([
        cell(0x16, 0, 0, b"'Name\0"), cell(0x16, 0, 1, b"'SSN\0"),
        cell(0x16, 1, 0, b"'Jane Roe\0"), cell(0x17, 1, 1, treal(536228714.0)),
        cell(0x16, 2, 0, b"'Ana Lima\0"), cell(0x17, 2, 1, treal(536221840.0)),
    ]) + lrec(0x01)
    fmt = lrec(0x00, struct.pack("<HH", 0x8007, 4) + b"\0" * 22)
    fmt += b"".join(lrec(0x1A7, struct.pack("<H", i) + b"Arial\0".ljust(32, b"\0")) for i in range(6))
    fmt += lrec(0x01)
    block = bytes(range(48)) * 3
    off = len(sheet) + len(fmt)
    trailer = b"\xa4CM\xa5Hdr\xd7" + struct.pack("<IIII", 0x10000, 2, off, len(block))
    return sheet + fmt + block + trailer, len(sheet) + len(fmt) // 2


# ---------------------------------------------------------------- flat ODF

FODS = """<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
 xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
 xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
 office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
 <office:body>
  <office:spreadsheet>
   <table:table table:name="Staff">
%s
   </table:table>
  </office:spreadsheet>
 </office:body>
</office:document>"""


def fods():
    rows = [("Name", "SSN", "Mail"), ("Jane Roe", SSN, EMAIL)]
    rows += [("Clerk %d" % i, "filler row %d" % i, "n/a") for i in range(40)]
    rows += [("Ana Lima", SSN2, "ana.lima@example.org")]
    body = "\n".join("    <table:table-row>" + "".join(
        '<table:table-cell office:value-type="string"><text:p>%s</text:p></table:table-cell>' % c
        for c in r) + "</table:table-row>" for r in rows)
    return (FODS % body).encode("utf-8")


# ---------------------------------------------------------------- Excel 97

def biff(rtype, data):
    return struct.pack("<HH", rtype, len(data)) + data


def xls_stream():
    """Globals (two BOUNDSHEETs), then two sheets of LABEL cells; returns the
    stream, the offset right after the first sheet's first row, and the
    offset where the second sheet starts."""
    def bof(kind):
        return biff(0x0809, struct.pack("<HHHHII", 0x0600, kind, 0x0DBB, 0x07CC, 0, 6))

    def label(r, c, s):
        return biff(0x0204, struct.pack("<HHHHB", r, c, 15, len(s), 0) + s.encode("latin-1"))

    names = ["Staff", "Archive"]
    bs_len = sum(4 + 8 + len(n) for n in names)
    glob_len = len(bof(5)) + bs_len + 4
    s1 = bof(0x10) + label(0, 0, "Name") + label(0, 1, "SSN")
    row1_end = glob_len + len(s1)
    s1 += label(1, 0, "Jane Roe") + label(1, 1, SSN) + label(2, 0, "Ana Lima") + label(2, 1, SSN2) + biff(0x000A, b"")
    s2 = bof(0x10) + label(0, 0, "Archived") + label(0, 1, "filed by " + EMAIL) + biff(0x000A, b"")
    pos = [glob_len, glob_len + len(s1)]
    bss = b"".join(biff(0x0085, struct.pack("<IBBBB", p, 0, 0, len(n), 0) + n.encode()) for p, n in zip(pos, names))
    glob = bof(5) + bss + biff(0x000A, b"")
    assert len(glob) == glob_len
    return glob + s1 + s2, row1_end, pos[1]


# ---------------------------------------------------------------- Word 97

def word():
    """WordDocument (FIB with cbMac, one 8-bit piece at 1024, formatting
    pages after it) and 0Table (the CLX)."""
    text = ("Payroll memo\rEmployee Jane Roe, SSN %s, mail %s.\r" % (SSN, EMAIL)).encode("cp1252")
    wd = sc.w97_fib(text) + b"formatting page, no text ".ljust(512, b"\0") * 8
    clx = sc.w97_clx(len(text))
    struct.pack_into("<I", wd, 64, len(wd))      # cbMac: every byte of the stream means something
    struct.pack_into("<II", wd, 0x1A2, 0, len(clx))
    return bytes(wd), clx, 1024 + len(text) + 600


# ---------------------------------------------------------------- PowerPoint 97

def pprec(ver, inst, rtype, body):
    return struct.pack("<HHI", ver | (inst << 4), rtype, len(body)) + body


def ppt():
    """Document and slide containers with text atoms, then a persist
    directory and the UserEditAtom, which the Current User stream's
    offsetToCurrentEdit points to."""
    t1 = ("Slide title: payroll review for %s\r" % EMAIL).encode("utf-16-le")
    t2 = ("Jane Roe SSN %s" % SSN).encode("latin-1")
    doc = pprec(0xF, 0, 0x03E8, pprec(0xF, 0, 0x0FF0, pprec(0, 0, 0x0FA0, t1) + pprec(0, 0, 0x0FA8, t2)))
    slide = pprec(0xF, 0, 0x03EE, pprec(0, 0, 0x0FA8, ("Ana Lima SSN %s" % SSN2).encode("latin-1")))
    persist = pprec(0, 0, 0x1772, struct.pack("<III", (2 << 20) | 1, 0, len(doc)))
    edit_at = len(doc) + len(slide) + len(persist)
    edit = pprec(0, 0, 0x0FF5, struct.pack("<IHBBIIIII", 0x100, 0, 3, 0, 0, len(doc) + len(slide), 1, 2, 0))
    stream = doc + slide + persist + edit
    cu = pprec(0, 0, 0x0FF6, struct.pack("<IIIHHHBBH", 20, 0xE391C05F, edit_at, 5, 0, 0x3F4, 3, 0, 0) + b"office")
    return stream, cu, len(doc) + len(slide)


# ---------------------------------------------------------------- OpenOffice.org 1.x

OOO_NS = ('xmlns:office="http://openoffice.org/2000/office" xmlns:text="http://openoffice.org/2000/text" '
          'xmlns:table="http://openoffice.org/2000/table" xmlns:style="http://openoffice.org/2000/style" '
          'office:class="%s" office:version="1.0"')


def ooo1(kind, body):
    import zipfile
    import io
    mime = {"text": "application/vnd.sun.xml.writer", "spreadsheet": "application/vnd.sun.xml.calc"}[kind]
    content = ('<?xml version="1.0" encoding="UTF-8"?>\n<office:document-content %s>'
               '<office:automatic-styles/><office:body>%s</office:body></office:document-content>'
               % (OOO_NS % kind, body))
    manifest = ('<?xml version="1.0" encoding="UTF-8"?>\n<manifest:manifest xmlns:manifest='
                '"http://openoffice.org/2001/manifest"><manifest:file-entry manifest:media-type="%s" '
                'manifest:full-path="/"/><manifest:file-entry manifest:media-type="text/xml" '
                'manifest:full-path="content.xml"/></manifest:manifest>' % mime)
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w") as z:
        z.writestr(zipfile.ZipInfo("mimetype"), mime)
        z.writestr("content.xml", content, zipfile.ZIP_DEFLATED)
        z.writestr("META-INF/manifest.xml", manifest, zipfile.ZIP_DEFLATED)
    return b.getvalue()


OOO_ROWS = [("Name", "SSN", "Mail"), ("Jane Roe", SSN, EMAIL), ("Ana Lima", SSN2, "ana.lima@example.org")]


def ooo1_files():
    cells = "".join("<table:table-row>%s</table:table-row>" % "".join(
        '<table:table-cell table:value-type="string"><text:p>%s</text:p></table:table-cell>' % c for c in r)
        for r in OOO_ROWS)
    calc = ooo1("spreadsheet", '<table:table table:name="Staff">%s</table:table>' % cells)
    text = ooo1("text", '<text:h text:level="1">Payroll memo</text:h><text:p>Employee Jane Roe, '
                '<text:span>SSN %s</text:span>, mail %s.</text:p>' % (SSN, EMAIL))
    return calc, text


def generate(out):
    os.makedirs(out, exist_ok=True)

    def put(name, data):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)

    whole = sylk(SYLK_HEAD + SYLK_CELLS + ["E"])
    put("sylk_whole.slk", whole)
    put("sylk_cut.slk", whole[:whole.index(b"ana.lima")])
    put("sylk_precells.slk", sylk(SYLK_HEAD[:6])[:-5])

    w, cut = wk4()
    put("wk4_whole.wk4", w)
    put("wk4_cut.wk4", w[:cut])

    f = fods()
    put("whole.fods", f)
    put("cut.fods", f[:f.index(b"Clerk 20")])
    put("cut_endtag.fods", f[:-1])

    ws, row1_end, sheet2 = xls_stream()
    put("xls_whole.xls", cfb([("Workbook", ws)]))
    put("xls_open.xls", cfb([("Workbook", ws[:row1_end + 4 + 9 + len("Jane Roe")])]))
    put("xls_tail.xls", cfb([("Workbook", ws + b"\x04\x02")]))
    put("xls_lost.xls", cfb([("Workbook", ws[:sheet2])]))

    wd, tbl, cut = word()
    put("doc_whole.doc", cfb([("WordDocument", wd), ("0Table", tbl)]))
    put("doc_cut.doc", cfb([("WordDocument", wd[:cut]), ("0Table", tbl)]))

    ps, cu, cut = ppt()
    put("ppt_whole.ppt", cfb([("PowerPoint Document", ps), ("Current User", cu)]))
    put("ppt_cut.ppt", cfb([("PowerPoint Document", ps[:cut]), ("Current User", cu)]))

    calc, text = ooo1_files()
    put("ooo1.sxc", calc)
    put("ooo1.sxw", text)

    # name: (coverage, reason, lines its text must hold)
    return {
        "sylk_whole.slk": ("full", None, ["Jane Roe\t%s\t%s" % (SSN, EMAIL), "Ana Lima\t%s\tana.lima@example.org" % SSN2]),
        "sylk_cut.slk": ("partial", "truncated", ["Jane Roe\t%s\t%s" % (SSN, EMAIL)]),
        "sylk_precells.slk": ("partial", "truncated", []),
        "wk4_whole.wk4": ("full", None, ["Jane Roe\t536228714"]),
        "wk4_cut.wk4": ("partial", "truncated", ["Jane Roe\t536228714", "Ana Lima\t536221840"]),
        "whole.fods": ("full", None, ["Ana Lima\t%s\tana.lima@example.org" % SSN2]),
        "cut.fods": ("partial", "truncated", ["Jane Roe\t%s\t%s" % (SSN, EMAIL)]),
        "cut_endtag.fods": ("partial", "truncated", ["Ana Lima\t%s\tana.lima@example.org" % SSN2]),
        "xls_whole.xls": ("full", None, ["Ana Lima\t%s" % SSN2, "Archived\tfiled by " + EMAIL]),
        "xls_open.xls": ("partial", "truncated", ["Name\tSSN", "Jane Roe"]),
        "xls_tail.xls": ("partial", "truncated", ["Ana Lima\t%s" % SSN2, "Archived\tfiled by " + EMAIL]),
        "xls_lost.xls": ("partial", "truncated", ["Ana Lima\t%s" % SSN2]),
        "doc_whole.doc": ("full", None, ["Employee Jane Roe, SSN %s, mail %s." % (SSN, EMAIL)]),
        "doc_cut.doc": ("partial", "truncated", ["Employee Jane Roe, SSN %s, mail %s." % (SSN, EMAIL)]),
        "ppt_whole.ppt": ("full", None, ["Jane Roe SSN %s" % SSN, "Ana Lima SSN %s" % SSN2]),
        "ppt_cut.ppt": ("partial", "truncated", ["Jane Roe SSN %s" % SSN, "Ana Lima SSN %s" % SSN2]),
        "ooo1.sxc": ("full", None, ["\t".join(r) for r in OOO_ROWS]),
        "ooo1.sxw": ("full", None, ["Payroll memo", "Employee Jane Roe, SSN %s, mail %s." % (SSN, EMAIL)]),
    }


if __name__ == "__main__":
    generate(sys.argv[1] if len(sys.argv) > 1 else ".")
