#!/usr/bin/env python3
"""Fixtures for the quirks found in a third sweep of other projects' test
documents (textract, XlsxWriter, PhpSpreadsheet, PHPWord, pandoc,
msg-extractor, pdfplumber, pdfminer.six): each is the smallest file
showing the quirk, written with the Python stdlib.

    python3 gen_realsweep3.py OUTDIR

- spacing.pdf: word gaps a PDF makes with character spacing (Tc) and TJ
  offsets together.
  1. A macOS Quartz table (pdfplumber's nics-background-checks-2015-11.pdf):
     one string per run of digits under a 4.11 em Tc, each next glyph
     pulled back by a 4125 TJ offset, so "(25) 4125 (3)" shows "2" and
     "53" 4.11 em apart. The gap was measured from the end of the advance
     including Tc: every digit after the first was a jump back, "2 , 2 4 8"
     for "2,248", and an SSN in such a cell was "5 3 6 - 2 2 - ...".
  2. A justified line as 3B2 or TeX sets it (textract's two_column.pdf,
     pdfplumber's issue-316-example.pdf): words apart by TJ offsets of
     0.15 to 0.2 em with a small negative Tc ("Althoughthebenefits"), and
     a line whose glyphs are pulled together by +154 offsets under a
     0.1398 em Tc, its word gaps only the Tc ("Theroleofmentorship").
- tracked.docx: tracked changes inside words (pandoc's
  track_changes_deletion.docx, PHPWord's Sample_11_ReadWord2007.docx): a
  digit of an SSN replaced (w:del "9", w:ins "8"), part of an e-mail
  inserted, the same in a table cell. Deleted text was set apart by spaces
  in the middle of the paragraph and the first change's author line broke
  it: "536-22-1" / "tracked change by: HR" / "9 874", neither the number
  now shown nor the one deleted.
- tracked.rtf: the same changes as Word saves them in RTF (\\deleted and
  \\revised runs, a \\revtbl of authors), a table row, and a deleted
  paragraph mark: deleted runs were read inline, "536-22-19874".
- tracked.doc: the same in a Word 97-2003 file: the runs a tracked change
  deleted or inserted carry sprmCFRMarkDel / sprmCFRMarkIns (with the
  author and date sprms Word writes beside them) in the CHPX FKP that
  PlcBteChpx names; the piece table's text holds both. Read inline:
  "536-22-19874", "078-05-111221" (LibreOffice's .doc of tracked.docx
  read so).
"""
import os
import struct
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweep_common as sc  # noqa: E402
from gen_pdf import Writer, simple_doc  # noqa: E402

SSN = "536-22-1874"


def _lit(s):
    return b"(" + s.encode("latin-1").replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)") + b")"


def pdf_spacing(path):
    w = Writer()  # gen_pdf.helvetica(): every glyph 278/1000 em wide
    # 1: a Quartz table row; the count cell's "2" shares a string with the
    # SSN cell's first digit, each later glyph its own string
    digits = "2" + SSN
    parts = [_lit(digits[:2])] + [_lit(ch) for ch in digits[2:]]
    row = b" 4125 ".join(parts)
    c = (b"BT 10 0 0 10 72 700 Tm /F1 1 Tf (Employee SSN) Tj ET\n"
         b"BT 4.1107 Tc 10 0 0 10 160 700 Tm /F1 1 Tf [ " + row + b" ] TJ 0 Tc ET\n")
    # 2a: justified, word gaps of 0.17 em by TJ under a -0.014 em Tc
    words = "Generally, very few payroll records name Jane Roe".split()
    c += (b"BT /F1 1 Tf -0.0142 Tc 10 0 0 10 72 670 Tm [" +
          b" -170 ".join(_lit(x) for x in words) + b"] TJ ET\n")
    # 2b: glyphs pulled together by +154 under a 0.1398 em Tc; the word
    # gap is the Tc and a -4 offset
    line = []
    for word in "Payroll contact Jane Roe".split():
        line.append(b" 154 ".join(_lit(ch) for ch in word))
    c += (b"BT /F1 1 Tf 0.1398 Tc 10 0 0 10 72 640 Tm [" + b" -4 ".join(line) +
          b"] TJ 0 Tc ET\n")
    with open(path, "wb") as f:
        f.write(w.classic(simple_doc(w, [c])))


W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _r(text, tag="t"):
    return '<w:r><w:%s xml:space="preserve">%s</w:%s></w:r>' % (tag, text, tag)


def _del(text, i):
    return ('<w:del w:id="%d" w:author="HR Desk" w:date="2024-03-01T10:00:00Z">' % i +
            _r(text, "delText") + "</w:del>")


def _ins(text, i, who="HR Desk"):
    return ('<w:ins w:id="%d" w:author="%s" w:date="2024-03-01T10:00:00Z">' % (i, who) +
            _r(text) + "</w:ins>")


SSN_DEL_BIG = "536-22-1875"
DEL_FILLER = "removed clause %05d of the old contract text. "


def _big_deletion():
    """A deletion past the 64 KiB a paragraph's before line holds, ending in
    a value (a whole section struck out with tracked changes on)."""
    return "".join(DEL_FILLER % i for i in range(1700)) + "SSN " + SSN_DEL_BIG


def docx_tracked(path, big=False):
    if big:
        body = "<w:p>" + _r("Section 4. ") + _del(_big_deletion(), 1) + _r("(struck)") + "</w:p>"
        return _docx(path, body)
    body = ("<w:p>" + _r("Employee SSN 536-22-1") + _del("9", 1) + _ins("8", 2) +
            _r("74, mail jane.roe@exa") + _ins("mple", 3) + _r(".org") + "</w:p>"
            "<w:tbl><w:tr><w:tc><w:p>" + _r("Spouse SSN") + "</w:p></w:tc><w:tc><w:p>" +
            _r("078-05-11") + _del("12", 4) + _ins("21", 5, "Payroll Lead") + "</w:p></w:tc></w:tr>"
            "<w:tr><w:tc><w:p>" + _r("Phone") + "</w:p></w:tc><w:tc><w:p>" + _r("555-0100") +
            "</w:p></w:tc></w:tr></w:tbl>"
            "<w:p>" + _r("Closing line.") + "</w:p>")
    return _docx(path, body)


def _docx(path, body):
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document xmlns:w="%s"><w:body>%s</w:body></w:document>' % (W_NS, body))
    ct = ('<?xml version="1.0" encoding="UTF-8"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/'
          'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("[Content_Types].xml", ct), ("_rels/.rels", rels),
                           ("word/document.xml", doc)):
            z.writestr(zipfile.ZipInfo(name, (2024, 3, 1, 10, 0, 0)), data)


def rtf_tracked(path, big=False):
    dl = r"\deleted\revauthdel1\revdttmdel1208158243 "
    ins = r"\revised\revauth1\revdttm1208158243 "
    if big:
        body = (r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman Times New Roman;}}"
                r"{\*\revtbl {Unknown;}{HR Desk;}}" "\n"
                r"\pard\plain Section 4. {" + dl + _big_deletion() + r"} (struck)\par" "\n}")
        with open(path, "w", encoding="ascii", newline="\r\n") as f:
            f.write(body)
        return
    body = (r"{\rtf1\ansi\ansicpg1252\deff0{\fonttbl{\f0\froman Times New Roman;}}"
            r"{\*\revtbl {Unknown;}{HR Desk;}}" "\n"
            r"\pard\plain Employee SSN 536-22-1{" + dl + "9}{" + ins + "8}74, mail jane.roe@exa{" +
            ins + r"mple}.org\par" "\n"
            r"\trowd\cellx2000\cellx5000\pard\intbl Spouse SSN\cell 078-05-11{" + dl + "12}{" +
            ins + r"21}\cell\row" "\n"
            r"\pard Closing {" + dl + r"\par old paragraph }line.\par" "\n}")
    with open(path, "w", encoding="ascii", newline="\r\n") as f:
        f.write(body)


DOC_RUNS = [  # (text, mark): None, "del" or "ins"; \r ends a paragraph, \x07 a cell
    ("Employee SSN 536-22-1", None), ("9", "del"), ("8", "ins"), ("74, mail jane.roe@exa", None),
    ("mple", "ins"), (".org\r", None),
    ("Spouse SSN\x07078-05-11", None), ("12", "del"), ("21", "ins"), ("\x07\x07", None),
    ("Closing line.\r", None),
]


def doc_tracked(path, runs=None):
    """A Word 97 file: one compressed piece at 1024, one CHPX FKP page."""
    DOC_RUNS = runs or globals()["DOC_RUNS"]
    text = "".join(t for t, _ in DOC_RUNS).encode("cp1252")
    base = sc.W97_TEXT_AT
    wd = sc.w97_fib(text)
    pn = len(wd) // 512
    # CHPXs as Word writes a revision: the mark, the author's index in
    # SttbfRMark (sprmCIbstRMarkDel/Ins) and the date (sprmCDttmRMark...)
    chpx = {"del": struct.pack("<HBHHHI", 0x0800, 1, 0x4863, 1, 0x6864, 0x5A3B1C2D),
            "ins": struct.pack("<HBHHHI", 0x0801, 1, 0x4804, 1, 0x6805, 0x5A3B1C2D)}
    page = bytearray(512)
    where = {"del": 400, "ins": 440}  # byte offsets (even) of each CHPX
    for k, g in chpx.items():
        page[where[k]] = len(g)
        page[where[k] + 1:where[k] + 1 + len(g)] = g
    fcs, rgb, pos = [], [], base
    for t, mark in DOC_RUNS:
        fcs.append(pos)
        rgb.append(where[mark] // 2 if mark else 0)
        pos += len(t.encode("cp1252"))
    fcs.append(pos)
    crun = len(DOC_RUNS)
    struct.pack_into("<%dI" % len(fcs), page, 0, *fcs)
    page[4 * (crun + 1):4 * (crun + 1) + crun] = bytes(rgb)
    page[511] = crun
    wd += page
    clx = sc.w97_clx(len(text))
    plcbte = struct.pack("<III", base, pos, pn)
    table = clx + plcbte
    struct.pack_into("<II", wd, 154 + 8 * 33, 0, len(clx))  # fcClx (0x1A2)
    struct.pack_into("<II", wd, 154 + 8 * 12, len(clx), len(plcbte))  # PlcBteChpx
    sc.write(path, sc.cfb([("WordDocument", bytes(wd)), ("0Table", table)]))


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    pdf_spacing(os.path.join(outdir, "spacing.pdf"))
    docx_tracked(os.path.join(outdir, "tracked.docx"))
    rtf_tracked(os.path.join(outdir, "tracked.rtf"))
    doc_tracked(os.path.join(outdir, "tracked.doc"))
    docx_tracked(os.path.join(outdir, "deleted_big.docx"), big=True)
    rtf_tracked(os.path.join(outdir, "deleted_big.rtf"), big=True)
    doc_tracked(os.path.join(outdir, "deleted_big.doc"),
                [("Section 4. ", None), (_big_deletion(), "del"), (" (struck)\r", None)])


if __name__ == "__main__":
    generate(sys.argv[1] if len(sys.argv) > 1 else ".")
