#!/usr/bin/env python3
"""PDF oddities seen in genuine files (other projects' test suites) that a
reader must take in its stride. Built on gen_pdf.py's writer.

    python3 tests/gen/gen_pdf_quirks.py OUTDIR

Files:
  simple_font_wide_codespace.pdf  a Type1 (simple, one-byte) font whose
        ToUnicode CMap declares the codespace <0000> <FFFF> and maps
        one-byte sources <07>..: the codes must not be read in pairs (Tika's
        testPDF_angles.pdf came out with every other letter missing); one
        entry is keyed <0020> (two digits too many), as that file does.
  prev_off.pdf  an incremental update whose xref /Prev points a few bytes
        before the older table (line ends rewritten, as govdocs1's
        027613.pdf): the newest section alone lacks the pages, so the
        objects must be found by scanning.
  cid_w_run.pdf  a Type0 font with /DW 0 and one /W run "0 [w ...]" of
        many widths, each glyph placed by Td (Chromium/Skia): every width
        of the run counts, or glyphs are zero-wide and "N e w s" is spaced.
  tc_words.pdf  a reflowing converter's text: words apart only by Tc
        inside one string, and spaces squeezed to nothing by a negative Tw
        ("(Pr e)Tj" is "Pre").
  q_textstate.pdf  Tc set between q and Q (one letter-spaced cell) must
        not letter-space the text after Q.
  form_values.pdf  form fields whose values a reader must dig for: a long
        text field's /V is a text stream, a list box's /V an array, and a
        field whose value survives only in its appearance stream (/AP /N,
        no /Subtype) - what poppler shows.
  image_between.pdf  two lines with an image drawn (Do) between them: the
        image must not make the second line join the first.
  tracked.pdf  letter-spaced lines (Tc 0.15-0.19 em inside one show):
        words, not letters apart.
  broken_xmp.pdf  XMP metadata that is not well-formed (control
        characters as &#1;): the pages are read, so is the XMP around the
        damage, and the PDF stays full.
  gbk_cmap.pdf  a Type0 font with the predefined CMap /GBK-EUC-H and no
        ToUnicode (Chinese scanner and office output): its codes are GBK
        bytes, one byte for ASCII, two for a hanzi.
"""
import os
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_pdf import Name, Stream, Writer, simple_doc  # noqa: E402

SSN_WIDE = "536-22-1881"
PHRASE = "PICK A MAJOR"


def _codes():
    """A private one-byte code for every character used, from 0x07 up."""
    chars = sorted(set(PHRASE + " SSN " + SSN_WIDE) - {" "})
    return {ch: 7 + i for i, ch in enumerate(chars)}


def make_simple_font_wide_codespace():
    codes = _codes()
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
             "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange",
             "%d beginbfchar" % (len(codes) + 1)]
    for ch, c in sorted(codes.items(), key=lambda kv: kv[1]):
        lines.append("<%02X> <%04X>" % (c, ord(ch)))
    lines += ["<0020> <0020>", "endbfchar", "endcmap",
              "CMapName currentdict /CMap defineresource pop", "end", "end"]
    w = Writer()
    tu = w.add(Stream({"Filter": Name("FlateDecode")}, zlib.compress("\n".join(lines).encode())))
    font = w.add({"Type": Name("Font"), "Subtype": Name("Type1"), "BaseFont": Name("Fake"),
                  "ToUnicode": tu, "FirstChar": 0, "LastChar": 255, "Widths": [500] * 256})

    def enc(s):
        return b"".join(b"\\%03o" % (0x20 if ch == " " else codes[ch]) for ch in s)

    content = (b"BT /F1 16 Tf 0.05 Tc 16 0 0 16 45 700 Tm (" + enc(PHRASE) + b") Tj ET\n"
               b"BT /F1 11 Tf 72 650 Td (" + enc("SSN " + SSN_WIDE) + b") Tj ET\n")
    return w.classic(simple_doc(w, [content], font=font))


SSN_PREV = "536-22-1882"
SSN_CIDW = "536-22-1883"
SSN_TC = "536-22-1884"
SSN_Q = "536-22-1885"
NAME_CIDW = "Jane Roe"


def make_prev_off():
    w = Writer()
    t = simple_doc(w, [b"BT /F1 12 Tf 72 700 Td (Employee SSN " + SSN_PREV.encode() + b") Tj ET"],
                   info={"Title": "draft"})
    base = w.classic(t)
    old_xref = base.rindex(b"\nxref\n") + 1
    info = max(w.objs) + 1
    root = t["Root"].num
    upd = bytearray(base)
    off_root = len(upd)  # the update rewrites the catalog, as a linearized first section holds it
    upd += b"%d 0 obj\n" % root + w.ser(w.objs[root], root) + b"\nendobj\n"
    off = len(upd)
    upd += b"%d 0 obj\n<</Title (final)>>\nendobj\n" % info
    xref = len(upd)
    upd += b"xref\n%d 1\n%010d 00000 n \n%d 1\n%010d 00000 n \n" % (root, off_root, info, off)
    upd += (b"trailer\n<</Size %d /Root %d 0 R /Info %d 0 R /Prev %d>>\nstartxref\n%d\n%%%%EOF\n"
            % (info + 1, root, info, old_xref - 7, xref))
    return bytes(upd)


def _tounicode(pairs):
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
             "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange",
             "%d beginbfchar" % len(pairs)]
    lines += ["<%04X> <%04X>" % (c, ord(ch)) for ch, c in sorted(pairs.items(), key=lambda kv: kv[1])]
    lines += ["endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end"]
    return "\n".join(lines).encode()


def make_cid_w_run():
    text = "SSN " + SSN_CIDW + " " + NAME_CIDW
    gids = {ch: 3 + i for i, ch in enumerate(sorted(set(text)))}
    w = Writer()
    tu = w.add(Stream({"Filter": Name("FlateDecode")}, zlib.compress(_tounicode(gids))))
    desc = w.add({"Type": Name("Font"), "Subtype": Name("CIDFontType2"), "BaseFont": Name("Fake"),
                  "CIDSystemInfo": {"Registry": "Adobe", "Ordering": "Identity", "Supplement": 0},
                  "DW": 0, "W": [0, [600] * (max(gids.values()) + 1)]})
    font = w.add({"Type": Name("Font"), "Subtype": Name("Type0"), "BaseFont": Name("Fake"),
                  "Encoding": Name("Identity-H"), "DescendantFonts": [desc], "ToUnicode": tu})
    c = bytearray(b"BT /F1 12 Tf 1 0 0 -1 72 100 Tm ")
    for i, ch in enumerate(text):  # one glyph per show, 7.2 pt apart
        c += (b"7.2 0 Td " if i else b"") + b"<%04X> Tj\n" % gids[ch]
    c += b"ET\n"
    return w.classic(simple_doc(w, [bytes(c)], font=font))


def make_tc_words():
    w = Writer()  # helvetica(): every glyph 278/1000 wide
    c = (b"BT /F1 10 Tf 72 700 Td (Jan) Tj 3 Tc 8.34 0 Td (eR) Tj 0 Tc 8.56 0 Td (oe) Tj ET\n"
         b"BT /F1 10 Tf 72 680 Td -2.2 Tw (SS N) Tj 0 Tw 9 0 Td ( " + SSN_TC.encode() + b") Tj ET\n")
    return w.classic(simple_doc(w, [c]))


def make_q_textstate():
    w = Writer()
    c = (b"q BT /F1 10 Tf 5 Tc 72 720 Td (C E L L) Tj ET Q\n"
         b"BT /F1 10 Tf 72 700 Td (SSN " + SSN_Q.encode() + b") Tj ET\n")
    return w.classic(simple_doc(w, [c]))


SSN_V_STREAM = "536-22-1886"
SSN_AP = "536-22-1887"
CHOICE = "Second choice"


def make_form_values():
    w = Writer()
    font = w.add({"Type": Name("Font"), "Subtype": Name("Type1"), "BaseFont": Name("Helvetica"),
                  "Encoding": Name("WinAnsiEncoding")})
    vstream = w.add(Stream({"Filter": Name("FlateDecode")},
                           zlib.compress(b"Patient SSN " + SSN_V_STREAM.encode() + b", allergic to nuts")))
    ap = w.add(Stream({"BBox": [0, 0, 200, 20], "Resources": {"Font": {"F1": font}}},
                      b"/Tx BMC BT /F1 10 Tf 2 5 Td (Jane Q. Public " + SSN_AP.encode() + b") Tj ET EMC"))
    f1 = w.add({"Type": Name("Annot"), "Subtype": Name("Widget"), "FT": Name("Tx"), "T": "notes",
                "Rect": [72, 600, 372, 700], "V": vstream})
    f2 = w.add({"Type": Name("Annot"), "Subtype": Name("Widget"), "FT": Name("Tx"), "T": "typed",
                "Rect": [72, 560, 272, 580], "AP": {"N": ap}})
    f3 = w.add({"Type": Name("Annot"), "Subtype": Name("Widget"), "FT": Name("Ch"), "T": "list",
                "Ff": 2097152, "Rect": [72, 500, 272, 540], "Opt": ["First", CHOICE, "Third"],
                "V": ["First", CHOICE]})
    t = simple_doc(w, [b"BT /F1 12 Tf 72 740 Td (Intake form) Tj ET"], font=font,
                   annots=[f1, f2, f3], extra_catalog={"AcroForm": {"Fields": [f1, f2, f3]}})
    return w.classic(t)


def make_image_between():
    w = Writer()
    img = w.add(Stream({"Type": Name("XObject"), "Subtype": Name("Image"), "Width": 1, "Height": 1,
                        "ColorSpace": Name("DeviceGray"), "BitsPerComponent": 8}, b"\x00"))
    c = (b"BT /F1 12 Tf 72 700 Td (Name: Jane Roe) Tj ET\n"
         b"q 10 0 0 10 72 680 cm /Im1 Do Q\n"
         b"BT /F1 12 Tf 72 660 Td (Badge 4711) Tj ET\n")
    t = simple_doc(w, [c])
    for num, v in w.objs.items():
        if isinstance(v, dict) and v.get("Type") == Name("Page"):
            v["Resources"]["XObject"] = {"Im1": img}
    return w.classic(t)


SSN_GBK = "536-22-1888"
GBK_TEXT = "姓名 张伟 身份 SSN " + SSN_GBK


def make_gbk_cmap():
    w = Writer()
    desc = w.add({"Type": Name("Font"), "Subtype": Name("CIDFontType2"), "BaseFont": Name("SimSun"),
                  "CIDSystemInfo": {"Registry": "Adobe", "Ordering": "GB1", "Supplement": 2}})
    font = w.add({"Type": Name("Font"), "Subtype": Name("Type0"), "BaseFont": Name("SimSun-GBK-EUC-H"),
                  "Encoding": Name("GBK-EUC-H"), "DescendantFonts": [desc]})
    c = b"BT /F1 12 Tf 72 700 Td <" + GBK_TEXT.encode("gbk").hex().encode() + b"> Tj ET\n"
    return w.classic(simple_doc(w, [c], font=font))


SSN_XMP_PAGE = "536-22-1891"
EMAIL_XMP = "xmp.author@corp-example.com"


def make_broken_xmp():
    """Ghostscript 9.04 wrote control characters as &#1; into rdf:about:
    XMP that is not well-formed (pdfplumber's issue-842 PDF)."""
    w = Writer()
    xmp = ("<?xpacket begin='\ufeff' id='W5M0MpCehiHzreSzNTczkc9d'?>\n"
           "<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>"
           "<rdf:Description rdf:about='a26f2682&#1;&#8;~_' xmlns:pdf='http://ns.adobe.com/pdf/1.3/'>"
           "<pdf:Producer>GPL Ghostscript 9.04</pdf:Producer></rdf:Description>"
           "<rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/'>"
           "<dc:creator>%s</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>\n"
           "<?xpacket end='w'?>" % EMAIL_XMP).encode()
    meta = w.add(Stream({"Type": Name("Metadata"), "Subtype": Name("XML")}, xmp))
    c = b"BT /F1 10 Tf 72 700 Td (SSN " + SSN_XMP_PAGE.encode() + b") Tj ET\n"
    return w.classic(simple_doc(w, [c], extra_catalog={"Metadata": meta}))


SSN_TRACKED = "536-22-1892"


def make_tracked():
    """A letter-spaced form line (tracking: 1.5 Tc at 10 pt, 0.15 em after
    every glyph of one show): one word per word, not one per letter."""
    w = Writer()
    c = (b"BT /F1 10 Tf 72 700 Td 1.5 Tc (SSN: " + SSN_TRACKED.encode() + b") Tj ET\n"
         b"BT /F1 10 Tf 72 680 Td 1.9 Tc (CONFIDENTIAL) Tj ET\n")
    return w.classic(simple_doc(w, [c]))


FIXTURES = {
    "broken_xmp.pdf": make_broken_xmp,
    "tracked.pdf": make_tracked,
    "simple_font_wide_codespace.pdf": make_simple_font_wide_codespace,
    "prev_off.pdf": make_prev_off,
    "cid_w_run.pdf": make_cid_w_run,
    "tc_words.pdf": make_tc_words,
    "q_textstate.pdf": make_q_textstate,
    "form_values.pdf": make_form_values,
    "image_between.pdf": make_image_between,
    "gbk_cmap.pdf": make_gbk_cmap,
}


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    for name, fn in FIXTURES.items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(fn())


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    generate(sys.argv[1])
