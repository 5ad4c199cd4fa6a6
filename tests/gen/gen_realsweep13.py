#!/usr/bin/env python3
"""Fixtures for the quirks found in a thirteenth sweep of other projects'
real PDFs (Unstructured's example-docs, docling's tests, grobid, MinerU,
haystack, markitdown, pdfio, pdf-rs, lopdf, FPDI, pdf2htmlEX, the PDF
Association's PDF 2.0 examples, openpreserve's format-corpus and its
govdocs1 error sets): each is the smallest file showing the quirk, written
with the Python stdlib (and tests/gen/gen_pdf.py's writer). All PII fake.

    python3 gen_realsweep13.py OUTDIR

- hyphenated.pdf: a justified paragraph whose words are broken at line ends
  by the typesetter ("acci-" / "dental", "confiden-" / "tial", an e-mail
  address "jane.roe@corpo-" / "ration.example"), with ASCII hyphens, U+2010
  hyphens (Word's automatic hyphenation) and soft hyphens. pdftotext joins
  them; we kept "acci-" and "dental" apart, so a word or an address broken
  so was never whole for the rules (Unstructured's DA-619p.pdf lost 46
  words, govdocs1 379049.pdf 500). A capital after the break
  ("Smith-" / "Jones") and digits ("555-" / "0100") are left as they are.
- builtin_t1.pdf: embedded Type 1 fonts without ToUnicode whose glyphs are
  named only by the font program's own /Encoding (TeX's cmr keeps "ff",
  "fi", "ffi" at 11-14, cmsy its braces at 102-103): a font with no
  /Encoding in the PDF, one with /Differences and no /BaseEncoding (over
  the built-in one), and one re-encoded as /MacRomanEncoding whose control
  codes still draw the ligatures (codes the base encoding leaves empty). We
  read them through Windows-1252: "efficient" read "ecient" (Unstructured's
  layout-parser papers) and "{melissadell,jacob carlson}@fas.harvard.edu"
  read "fmelissadell,jacob carlsong@...". Also /StandardEncoding's upper
  half, not Windows-1252's: 0xAE is "fi", 0xD0 an em dash.
- accents.pdf: spacing accents drawn over letters. TeX sets \\'e as the
  acute glyph, a kern back and "e" (grobid's and Unstructured's papers:
  "Herv´e J´egou", "K¨uttler", "Pierre-Franc¸ois", "Baudiˇs", "na¨ıve");
  some writers draw the letter first ("Ge´rard", "Kyro¨la¨": govdocs1
  020747.pdf). poppler composes them; we kept the accent apart, and a
  name was two words. A tilde in a URL ("/˜jdoe") and a backquote used
  as an apostrophe ("one`s") stay. accents_update.pdf: the same page
  given a new content stream by an incremental update; the old stream, read
  apart as unused content, has the same lines (composed the same way).
- quartz_gids.pdf: macOS Quartz embeds TrueType fonts as Identity-H CID
  fonts keeping the original glyph ids, strips their 'cmap' and 'post'
  tables and writes a ToUnicode CMap with a codespace and no mapping
  (haystack's react_paper.pdf). The empty CMap hid the font's own tables
  (read as CIDs-as-Unicode: "7KH$SSOH5HPRWH"); without a cmap the glyph ids
  of the standard Macintosh order are the ASCII characters (glyph 3 the
  space, 36 "A"): "The Apple Remote". One font with the empty ToUnicode,
  one without any; a third renumbers its glyphs by a CIDToGIDMap stream
  over CIDs that are Unicode: no Macintosh order there, the CIDs are read.
"""
import os
import struct
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_pdf as g  # noqa: E402


def lines_content(lines, font="F1", size=11, x=72, y=720, lead=14):
    c = bytearray(b"BT /%s %g Tf %g TL %g %g Td\n" % (font.encode(), size, lead, x, y))
    for ln in lines:
        c += (ln if isinstance(ln, bytes) else g.lit(ln)) + b" Tj T*\n"
    c += b"ET\n"
    return bytes(c)


def hyphen_font(w):
    """Helvetica with a ToUnicode CMap for the U+2010 and U+00AD hyphens:
    code 1 is U+2010, code 2 a soft hyphen, the rest ASCII."""
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            b"1 begincodespacerange <00> <FF> endcodespacerange\n"
            b"2 beginbfchar <01> <2010> <02> <00AD> endbfchar\n"
            b"1 beginbfrange <20> <7E> <0020> endbfrange\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end\n")
    tu = w.add(g.Stream({}, cmap))
    return w.add({"Type": g.Name("Font"), "Subtype": g.Name("Type1"), "BaseFont": g.Name("Helvetica"),
                  "Encoding": g.Name("WinAnsiEncoding"), "ToUnicode": tu})


def hyphenated(path):
    w = g.Writer()
    font = hyphen_font(w)
    lines = [
        "The report describes an acci-",
        "dental disclosure of strictly confiden-",
        b"(tial records; write to jane.roe@corpo\x01)",
        "ration.example or call the help desk at 555-",
        "0100 and ask for Mrs Smith-",
        b"(Jones of the pay\x02)",
        "roll office.",
    ]
    t = g.simple_doc(w, [lines_content(lines)], font=font)
    with open(path, "wb") as f:
        f.write(w.classic(t))


def type1_program(name, codes):
    """A Type 1 font program's clear-text part with an /Encoding array of
    codes {code: glyph name}, then 'eexec' and stand-in encrypted bytes
    (never read: the glyph outlines do not say what a glyph is)."""
    clear = bytearray(b"%!PS-AdobeFont-1.0: " + name.encode() + b" 003.002\n")
    clear += b"12 dict begin\n/FontName /" + name.encode() + b" def\n/PaintType 0 def\n"
    clear += b"/FontMatrix [0.001 0 0 0.001 0 0] readonly def\n"
    clear += b"/Encoding 256 array\n0 1 255 {1 index exch /.notdef put} for\n"
    for code in sorted(codes):
        clear += b"dup %d /%s put\n" % (code, codes[code].encode())
    clear += b"readonly def\ncurrentdict end\ncurrentfile eexec\n"
    enc = bytes((i * 73 + 41) & 0xff for i in range(512))
    trailer = b"0" * 64 * 8 + b"\ncleartomark\n"
    data = bytes(clear) + enc + trailer
    return data, len(clear), len(enc), len(trailer)


ASCII_NAMES = {0x20: "space", 0x2c: "comma", 0x2e: "period", 0x40: "at", 0x3a: "colon"}
for _c in range(ord("a"), ord("z") + 1):
    ASCII_NAMES[_c] = chr(_c)
for _c in range(ord("A"), ord("Z") + 1):
    ASCII_NAMES[_c] = chr(_c)


def type1_font(w, name, codes, encoding=None):
    data, l1, l2, l3 = type1_program(name, codes)
    ff = w.add(g.Stream({"Length1": l1, "Length2": l2, "Length3": l3, "Filter": g.Name("FlateDecode")},
                        zlib.compress(data)))
    fd = w.add({"Type": g.Name("FontDescriptor"), "FontName": g.Name(name), "Flags": 4,
                "FontBBox": [0, -250, 1000, 750], "ItalicAngle": 0, "Ascent": 750, "Descent": -250,
                "CapHeight": 700, "StemV": 80, "FontFile": ff})
    font = {"Type": g.Name("Font"), "Subtype": g.Name("Type1"), "BaseFont": g.Name(name),
            "FirstChar": 0, "LastChar": 255, "Widths": [500] * 256, "FontDescriptor": fd}
    if encoding is not None:
        font["Encoding"] = encoding
    return w.add(font)


def page_fonts(w, fonts):
    """Give every page of w these fonts (simple_doc gives one)."""
    for v in w.objs.values():
        if isinstance(v, dict) and v.get("Type") == g.Name("Page"):
            v["Resources"] = {"Font": dict(fonts)}


def builtin_t1(path):
    w = g.Writer()
    cmr = dict(ASCII_NAMES)
    cmr.update({11: "ff", 12: "fi", 13: "fl", 14: "ffi"})
    cmsy = {102: "braceleft", 103: "braceright", 0x20: "space"}
    f1 = type1_font(w, "ABCDEF+CMR10", cmr)
    f2 = type1_font(w, "ABCDEG+CMSY10", cmsy)
    # /Differences without /BaseEncoding: the built-in encoding under them
    f3 = type1_font(w, "ABCDEH+CMR10", cmr, {"Type": g.Name("Encoding"), "Differences": [1, g.Name("A")]})
    f4 = type1_font(w, "ABCDEI+CMR10", cmr, g.Name("MacRomanEncoding"))
    f5 = w.add({"Type": g.Name("Font"), "Subtype": g.Name("Type1"), "BaseFont": g.Name("Times-Roman"),
                "Encoding": g.Name("StandardEncoding")})
    c = bytearray(b"BT 14 TL 72 720 Td\n")
    c += b"/F1 11 Tf (An e\\016cient \\014nancial o\\016ce \\015oor) Tj T*\n"
    c += b"/F1 11 Tf (Write to ) Tj /F2 11 Tf (f) Tj /F1 11 Tf (melissa.dell,jacob.carlson) Tj "
    c += b"/F2 11 Tf (g) Tj /F1 11 Tf (@fas.example.edu) Tj T*\n"
    c += b"/F3 11 Tf (\\001 su\\016cient \\014eld) Tj T*\n"
    c += b"/F4 11 Tf (the sta\\013 \\014les) Tj T*\n"
    c += b"/F5 11 Tf (con\\256dential \\320 pro\\256le) Tj T*\n"
    c += b"ET\n"
    t = g.simple_doc(w, [bytes(c)], font=f1)
    page_fonts(w, {"F1": f1, "F2": f2, "F3": f3, "F4": f4, "F5": f5})
    with open(path, "wb") as f:
        f.write(w.classic(t))


def accents_font(w):
    return w.add({"Type": g.Name("Font"), "Subtype": g.Name("Type1"), "BaseFont": g.Name("Times-Roman"),
                  "Encoding": {"Type": g.Name("Encoding"), "BaseEncoding": g.Name("WinAnsiEncoding"),
                               "Differences": [1, g.Name("caron"), g.Name("tilde"), g.Name("cedilla"),
                                               g.Name("dotlessi")]}})


def accents_content():
    # Times-Roman's widths (no /Widths: the core metrics): the acute,
    # diaeresis, caron, tilde and cedilla are 333 wide
    lines = [
        # TeX: the accent, then a kern back by its width and its letter
        b"[(Herv) (\\264) 333 (e J) (\\264) 333 (egou and Heinrich K) (\\250) 333 (uttler wrote to Baudi)"
        b" (\\001) 333 (s)] TJ",
        # the cedilla after its letter, drawn back over it
        b"[(Pierre-Franc) 333 (\\003) (ois Krasi) (\\264) 333 (nski, a na) (\\250) 333 (\\004ve Gr) (\\264) 333"
        b" (egory)] TJ",
        # the letter, then its accent drawn back over it
        b"[(C. Ge) 333 (\\264) (rard and J. Kyro) 333 (\\250) (la) 333 (\\250) (, Mu) 333 (\\250) (ller)] TJ",
        # accents set apart: a tilde in a URL, an acute typed for an
        # apostrophe, a backquote
        b"(see www.example.edu/\\002jdoe for one`s notes, it\\264s) Tj",
    ]
    c = bytearray(b"BT /F1 11 Tf 14 TL 72 720 Td\n")
    for ln in lines:
        c += ln + b" T*\n"
    c += b"ET\n"
    return bytes(c)


def accents(path):
    w = g.Writer()
    t = g.simple_doc(w, [accents_content()], font=accents_font(w))
    with open(path, "wb") as f:
        f.write(w.classic(t))


def accents_update(path):
    """The accents page, then an incremental update giving the page a new
    content stream: the same text and a line more. The old stream, now
    unused, is read apart; its lines are the current ones."""
    w = g.Writer()
    t = g.simple_doc(w, [accents_content()], font=accents_font(w))
    base = w.classic(t)
    first_xref = int(base.rsplit(b"startxref", 1)[1].split()[0])
    page_num = [n for n, v in w.objs.items() if isinstance(v, dict) and v.get("Type") == g.Name("Page")][0]
    page = dict(w.objs[page_num])
    new_cs = max(w.objs) + 1
    page["Contents"] = g.Ref(new_cs)
    data = zlib.compress(accents_content() + b"BT /F1 11 Tf 72 600 Td (Approved by Jane Roe) Tj ET\n")
    out = bytearray(base)
    offs = {new_cs: len(out)}
    out += b"%d 0 obj\n<</Filter/FlateDecode/Length %d>>\nstream\n" % (new_cs, len(data)) + data
    out += b"\nendstream\nendobj\n"
    offs[page_num] = len(out)
    out += b"%d 0 obj\n" % page_num + w.ser(page, page_num) + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n"
    for n in sorted(offs):
        out += b"%d 1\n%010d 00000 n \n" % (n, offs[n])
    out += b"trailer\n<</Size %d/Root %d 0 R/Prev %d>>\nstartxref\n%d\n%%%%EOF\n" % (
        new_cs + 1, t["Root"].num, first_xref, xref)
    with open(path, "wb") as f:
        f.write(bytes(out))


def sfnt(tables):
    """A TrueType table directory over tables {tag: bytes}."""
    n = len(tables)
    out = bytearray(struct.pack(">IHHHH", 0x00010000, n, 16, 0, 0))
    off = 12 + 16 * n
    body = bytearray()
    for tag in sorted(tables):
        data = tables[tag]
        out += struct.pack(">4sIII", tag.encode(), 0, off + len(body), len(data))
        body += data + b"\0" * (-len(data) % 4)
    return bytes(out + body)


def quartz_font(w, tounicode, cid_to_gid=None):
    """A CIDFontType2 over a glyf font without cmap and post tables;
    cid_to_gid: a CIDToGIDMap stream's bytes (else Identity)."""
    head = struct.pack(">IIIIHH", 0x00010000, 0x00010000, 0, 0x5F0F3CF5, 0, 1000) + b"\0" * 36
    prog = sfnt({"glyf": b"\0" * 8, "head": head, "loca": b"\0" * 4, "hmtx": b"\0" * 8})
    ff = w.add(g.Stream({"Length1": len(prog), "Filter": g.Name("FlateDecode")}, zlib.compress(prog)))
    fd = w.add({"Type": g.Name("FontDescriptor"), "FontName": g.Name("AAAAAB+font0000000028ee1bae"),
                "Flags": 4, "FontBBox": [0, -300, 600, 833], "ItalicAngle": 0, "Ascent": 833,
                "Descent": -300, "CapHeight": 740, "StemV": 0, "FontFile2": ff})
    cid = w.add({"Type": g.Name("Font"), "Subtype": g.Name("CIDFontType2"),
                 "BaseFont": g.Name("AAAAAB+font0000000028ee1bae"),
                 "CIDSystemInfo": {"Registry": "Adobe", "Ordering": "Identity", "Supplement": 0},
                 "FontDescriptor": fd, "DW": 600})
    if cid_to_gid is not None:
        w.objs[cid.num]["CIDToGIDMap"] = w.add(g.Stream({}, cid_to_gid))
    font = {"Type": g.Name("Font"), "Subtype": g.Name("Type0"), "BaseFont": g.Name("AAAAAB+font0000000028ee1bae"),
            "Encoding": g.Name("Identity-H"), "DescendantFonts": [cid]}
    if tounicode:
        cmap = (b"/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                b"/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                b"1 begincodespacerange\n<0000><FFFF>\nendcodespacerange\nendcmap\n"
                b"CMapName currentdict /CMap defineresource pop\nend\nend\n")
        font["ToUnicode"] = w.add(g.Stream({}, cmap))
    return w.add(font)


def mac_gids(text):
    return "<" + "".join("%04X" % (ord(ch) - 29) for ch in text) + ">"


def quartz_gids(path):
    w = g.Writer()
    f1 = quartz_font(w, True)
    f2 = quartz_font(w, False)
    text3 = "Invoice 4417 for Jane Roe"
    order = sorted(set(text3))
    c2g = bytearray(2 * 128)
    for i, ch in enumerate(order):
        c2g[2 * ord(ch):2 * ord(ch) + 2] = struct.pack(">H", i + 1)
    f3 = quartz_font(w, False, bytes(c2g))
    c = bytearray(b"BT 14 TL 72 720 Td\n")
    c += b"/F1 10 Tf " + mac_gids("Obs 1: The Apple Remote, SSN 536-22-1874").encode() + b" Tj T*\n"
    c += b"/F2 10 Tf " + mac_gids("Act 2: Search[Apple Remote] for jane.roe@corp.example").encode() + b" Tj T*\n"
    c += b"/F3 10 Tf <" + "".join("%04X" % ord(ch) for ch in text3).encode() + b"> Tj T*\n"
    c += b"ET\n"
    t = g.simple_doc(w, [bytes(c)], font=f1)
    page_fonts(w, {"F1": f1, "F2": f2, "F3": f3})
    with open(path, "wb") as f:
        f.write(w.classic(t))


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    p = lambda n: os.path.join(outdir, n)  # noqa: E731
    hyphenated(p("hyphenated.pdf"))
    builtin_t1(p("builtin_t1.pdf"))
    accents(p("accents.pdf"))
    accents_update(p("accents_update.pdf"))
    quartz_gids(p("quartz_gids.pdf"))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    generate(sys.argv[1])
