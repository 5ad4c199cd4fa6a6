#!/usr/bin/env python3
"""Fixtures for the quirks found in an eighth sweep of other projects' test
PDFs (pdfium's testing/resources, pikepdf, pdfcpu, hexapdf, pdf-lib,
veraPDF-corpus, camelot, tabula-java, PyMuPDF, OCRmyPDF): each is the
smallest file showing the quirk, written with the Python stdlib (and
tests/gen/gen_pdf.py's writer).

    python3 gen_realsweep8.py OUTDIR

- std14_times.pdf, std14_helvetica.pdf: standard 14 fonts without
  /Widths (PDF 1.0-1.4 allowed it; Ghostscript 8 and pdf-lib write them
  so), each piece of a line placed where the font's real metrics put it, as
  tabula's icdar2013 us-040.pdf and pdf-lib's standard_fonts_demo.pdf do.
  Every glyph counted half an em: in Times (narrow) "In its assessment of
  ex" ran an em past the "p" of "posure" drawn after it (read "ex posure")
  and the word gaps of "filling illicit bills", set by position alone,
  vanished ("fillingillicitbills"); in Helvetica-Bold (wide)
  "MAXW" ended before it did and "ELL" was set apart ("MAXW ELL").
- ligature_space.pdf, ligature_space_tu.pdf: Distiller (PScript5) ends a
  line's TJ on an "ff" ligature and starts the next TJ 0.28 em back with a
  space glyph and a -49 kern, "( )-49(ective date)", the space drawn over
  the ligature (pdfcpu's testdata Acroforms2.pdf: "diﬀerent", "ﬁelds").
  poppler weighs the gap, not the space character, and reads "effective";
  we read "eff ective". One with /Differences, one with a ToUnicode CMap.
- actualtext.pdf: Chrome's Skia prints tabular figures as Type3 glyphs
  whose ToUnicode entry is U+0000, each digit inside marked content that
  says what it is: "/Span <</ActualText (4)>> BDC <91> Tj EMC" (PyMuPDF's
  tests/resources/test_3197.pdf, a Yahoo Finance cash-flow table: every
  amount read ",," and only the commas were left). Also a span whose
  /ActualText is a property list named in /Properties, a span that draws
  nothing (adds nothing), and a span whose glyphs say more than its
  /ActualText (both kept: nothing hides behind a harmless /ActualText).
- listbox.pdf: list boxes without an appearance stream (pdfium's
  listbox_form.pdf, multiple_form_types.pdf): readers that draw the field
  (poppler) show all of /Opt, plain strings or [export display] pairs; we
  read only the chosen /V. A combo box shows its value only, and a list
  box with an appearance stream shows what that draws: neither adds /Opt.
- unigb_utf16.pdf: a Type0 font over Adobe-GB1 with the predefined
  /UniGB-UTF16-H CMap and no ToUnicode (iText's HighlightItemsTest
  HeaderFooter.pdf, a Chinese insurance form): its codes are UTF-16, but
  codes 1-95 were taken for Adobe CIDs of ASCII and shifted by 31, so the
  phone 4009999595 read "SOOXXXXTXT" and 021-33100566 "OQPLRRPOOTUU"; a
  character outside the BMP is a surrogate pair, one 4-byte code.
- owner_empty_r6.pdf, owner_empty_r5.pdf, owner_empty_rc4.pdf,
  owner_empty_aes128.pdf: a user password set and the owner password left
  empty (hexapdf's userpwd-aes-256bit-V5.pdf and -V5-R5.pdf). pdftotext and
  qpdf open them with no password, as their owner; we tried only the empty
  user password and reported them `encrypted`. both_passwords_r6.pdf and
  both_passwords_rc4.pdf set both: those stay `encrypted`.
"""
import hashlib
import os
import struct
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_pdf as g  # noqa: E402

SSN = "536-22-1874"
SSN_OWNER = "536-22-1890"

# Advance widths (1/1000 em) of the glyphs used here, from the core fonts'
# published metrics (Times-Roman, Helvetica-Bold)
TIMES = {" ": 250, "I": 333, "n": 500, "i": 278, "t": 278, "s": 389, "a": 444, "e": 444,
         "m": 778, "o": 500, "f": 333, "x": 500, "p": 500, "u": 500, "r": 333, "l": 278,
         "g": 500, "c": 444, "b": 500, "d": 500, "S": 556, "N": 722, ":": 278, "5": 500,
         "3": 500, "6": 500, "2": 500, "-": 333, "1": 500, "8": 500, "7": 500, "4": 500}
HELV_BOLD = {" ": 278, "M": 833, "A": 722, "X": 667, "W": 944, "E": 667, "L": 611, "N": 722,
             "J": 556, "n": 611, "e": 556, "a": 556}


def width(table, s, size):
    return sum(table[c] for c in s) / 1000.0 * size


def placed(font, size, y, pieces, table, x=72.0):
    """Each piece its own BT ... Tm ... Tj ET at the x the font's metrics
    give; a piece of spaces only is a gap, not drawn (the words apart by
    position alone, as most producers set them)."""
    c = bytearray()
    for p in pieces:
        if not p.strip():
            x += width(table, p, size)
            continue
        c += b"BT /%s %g Tf 1 0 0 1 %.3f %.3f Tm %s Tj ET\n" % (font.encode(), size, x, y, g.lit(p))
        x += width(table, p, size)
    return bytes(c)


def std14_doc(path, base, lines):
    w = g.Writer()
    font = w.add({"Type": g.Name("Font"), "Subtype": g.Name("Type1"), "BaseFont": g.Name(base),
                  "Encoding": g.Name("WinAnsiEncoding")})
    t = g.simple_doc(w, [b"".join(lines)], font=font)
    with open(path, "wb") as f:
        f.write(w.classic(t, header=b"%PDF-1.3\n%\xe2\xe3\xcf\xd3\n"))


def std14_times(path):
    lines = [
        placed("F1", 11.04, 700, ["In its assessment of ex", "p", "osure to birds"], TIMES),
        placed("F1", 11.04, 680, ["filling illicit", " ", "bills", " ", "SSN:", " ", SSN], TIMES),
        # words in shows of their own, a word space between them
        placed("F1", 11.04, 660, ["filling", " ", "illicit", " ", "bills"], TIMES),
    ]
    std14_doc(path, "Times-Roman", lines)


def std14_helvetica(path):
    lines = [placed("F1", 12, 700, ["MAXW", "ELL", " ", "JANE"], HELV_BOLD)]
    std14_doc(path, "Helvetica-Bold", lines)


# ---------------------------------------------------------------- ligature

LIG_WIDTHS = {2: 561, 32: 227}  # the ligature, the space; others 500


def ligature_doc(path, tounicode):
    """Codes: 2 = "ff" ligature; letters as ASCII. Widths 500 except those."""
    w = g.Writer()
    widths = [LIG_WIDTHS.get(c, 500) for c in range(2, 128)]
    fd = {"Type": g.Name("Font"), "Subtype": g.Name("Type1"), "BaseFont": g.Name("DINOMM+MinionPro-Regular"),
          "FirstChar": 2, "LastChar": 127, "Widths": widths}
    if tounicode:
        cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
                b"1 begincodespacerange <00> <FF> endcodespacerange\n"
                b"1 beginbfchar <02> <FB00> endbfchar\n"
                b"1 beginbfrange <20> <7E> <0020> endbfrange\n"
                b"endcmap CMapName currentdict /CMap defineresource pop end end\n")
        fd["ToUnicode"] = w.add(g.Stream({"Filter": g.Name("FlateDecode")}, zlib.compress(cmap)))
        fd["Encoding"] = {"Type": g.Name("Encoding"), "Differences": [2, g.Name("g2")]}
    else:
        fd["Encoding"] = {"Type": g.Name("Encoding"), "Differences": [2, g.Name("ff")]}
    font = w.add(fd)
    # line 1 ends on "e" + ligature; the next TJ starts 0.28 em back with
    # a space and a -49 kern, as Distiller wrote pdfcpu's Acroforms2.pdf
    first = "Staff record of the e"
    end = sum(500 if ch != " " else 227 for ch in first) / 1000.0 + 0.561
    c = bytearray(b"BT /F1 1 Tf 10 0 0 10 72 700 Tm\n")
    c += b"[" + g.lit(first) + b"<02>]TJ\n"
    back = end - 0.227 - 0.049  # the space then the kern land on "end"
    c += b"%.4f 0 Td\n" % back
    c += b"[( )-49" + g.lit("ective date 2024-03-01") + b"]TJ\n"
    # a space that does not overlap: a real word gap stays
    c += b"%.4f -1.2 Td\n" % -back
    c += b"[" + g.lit("Employee") + b"]TJ " + b"[( )" + g.lit("Jane Roe SSN " + SSN) + b"]TJ\n"
    c += b"ET\n"
    t = g.simple_doc(w, [bytes(c)], font=font)
    with open(path, "wb") as f:
        f.write(w.classic(t))


# ---------------------------------------------------------------- ActualText

def actualtext_doc(path):
    """A Type3 font as Skia writes one: FontMatrix flipped, /Widths, a
    ToUnicode mapping the digit glyphs to U+0000 and the comma to ','."""
    w = g.Writer()
    procs = {}
    for name in ("g0", "gdig", "gcomma", "gsp"):
        procs[name] = w.add(g.Stream({}, b"500 0 d0\n"))
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            b"1 begincodespacerange <00> <FF> endcodespacerange\n"
            b"2 beginbfchar <19> <002C> <03> <0020> endbfchar\n"
            b"1 beginbfrange <8D> <96> <0000> endbfrange\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end\n")
    diffs = [0] + [g.Name("g0")] * 3 + [g.Name("gsp")] + [g.Name("g0")] * 21 + [g.Name("gcomma")]
    diffs += [g.Name("g0")] * (0x8D - 0x1A) + [g.Name("gdig")] * 10
    widths = [0] * 3 + [250] + [0] * 21 + [250] + [0] * (0x8D - 0x1A) + [560] * 10
    t3 = w.add({"Type": g.Name("Font"), "Subtype": g.Name("Type3"), "FontBBox": [0, 0, 1000, 1000],
                "FontMatrix": [0.001, 0, 0, -0.001, 0, 0], "CharProcs": procs,
                "Encoding": {"Type": g.Name("Encoding"), "Differences": diffs},
                "FirstChar": 0, "LastChar": 0x96, "Widths": widths,
                "ToUnicode": w.add(g.Stream({}, cmap))})
    helv = g.helvetica(w)

    def amount(digits):
        """One span per digit; commas as they are."""
        c = bytearray()
        for i, ch in enumerate(digits):
            td = b"" if i == 0 else b"8.96 0 Td " if digits[i - 1] != "," else b"4 0 Td "
            if ch == ",":
                c += td + b"<19> Tj\n"
            else:
                code = 0x8D + int(ch)
                c += b"/Span<</ActualText (" + ch.encode() + b")>> BDC " + td + b"<%02x> Tj EMC\n" % code
        return bytes(c)

    c = bytearray(b"BT /F1 12 Tf 1 0 0 1 72 720 Tm (Operating Cash) Tj ET\n")
    c += b"BT /F2 16 Tf 1 0 0 -1 230 720 Tm\n" + amount("14,918,000") + b"ET\n"
    c += b"BT /F1 12 Tf 1 0 0 1 72 700 Tm (SSN) Tj ET\n"
    c += b"BT /F2 16 Tf 1 0 0 -1 230 700 Tm\n" + amount("536221874") + b"ET\n"
    # a property list by name; a span that draws nothing; glyphs that say
    # more than their /ActualText
    c += b"BT /F1 12 Tf 1 0 0 1 72 680 Tm /Span /P0 BDC (Account) Tj EMC ET\n"
    c += b"BT /F1 12 Tf 1 0 0 1 72 660 Tm /Span <</ActualText (Phantom)>> BDC EMC (Closing) Tj ET\n"
    c += (b"BT /F1 12 Tf 1 0 0 1 72 640 Tm /Span <</ActualText (Notes)>> BDC (Memo SSN 078-05-1120) Tj EMC ET\n")
    pages = w.reserve()
    cs = w.add(g.Stream({"Filter": g.Name("FlateDecode")}, zlib.compress(bytes(c))))
    page = w.add({"Type": g.Name("Page"), "Parent": pages, "MediaBox": [0, 0, 612, 792],
                  "Resources": {"Font": {"F1": helv, "F2": t3},
                                "Properties": {"P0": {"ActualText": g.utf16("Account no. 4417")}}},
                  "Contents": cs})
    w.add({"Type": g.Name("Pages"), "Kids": [page], "Count": 1}, pages.num)
    root = w.add({"Type": g.Name("Catalog"), "Pages": pages})
    with open(path, "wb") as f:
        f.write(w.classic({"Root": root}))


# ---------------------------------------------------------------- list boxes

def listbox_doc(path):
    w = g.Writer()
    pages = w.reserve()
    page = w.reserve()

    def field(name, ff, opt, v, ap=None):
        d = {"Type": g.Name("Annot"), "Subtype": g.Name("Widget"), "FT": g.Name("Ch"), "T": name,
             "Ff": ff, "Opt": opt, "Rect": [72, 500, 300, 600], "P": page}
        if v is not None:
            d["V"] = v
        if ap is not None:
            d["AP"] = {"N": w.add(g.Stream({"Type": g.Name("XObject"), "Subtype": g.Name("Form"),
                                            "BBox": [0, 0, 228, 100],
                                            "Resources": {"Font": {"F1": g.helvetica(w)}}}, ap))}
        return w.add(d)

    fields = [
        field("Payee", 0, ["Jane Roe 536-22-1874", "John Doe 078-05-1120", "Acme Payroll"], "Acme Payroll"),
        field("Approver", 1 << 21, [["jr", "Jane Roe (jroe@example.com)"], ["rs", "Richard Smith"]], ["rs"]),
        field("Region", 1 << 17, ["Combo North", "Combo South"], "Combo North"),
        field("Shown", 0, ["Drawn Option One", "Hidden Option Two"], "Drawn Option One",
              ap=b"BT /F1 10 Tf 2 80 Td (Drawn Option One) Tj ET\n"),
    ]
    content = b"BT /F1 12 Tf 72 720 Td (Payment authorisation) Tj ET\n"
    cs = w.add(g.Stream({"Filter": g.Name("FlateDecode")}, zlib.compress(content)))
    w.add({"Type": g.Name("Page"), "Parent": pages, "MediaBox": [0, 0, 612, 792],
           "Resources": {"Font": {"F1": g.helvetica(w)}}, "Contents": cs, "Annots": fields}, page.num)
    w.add({"Type": g.Name("Pages"), "Kids": [page], "Count": 1}, pages.num)
    root = w.add({"Type": g.Name("Catalog"), "Pages": pages, "AcroForm": {"Fields": fields}})
    with open(path, "wb") as f:
        f.write(w.classic({"Root": root}))


# ---------------------------------------------------------------- UniGB-UTF16-H

UTF16_LINES = ["全国统一服务电话：4009999595", "传真：021-33100566", "SSN 536-22-1874 \U00020BB7"]


def unigb_utf16_doc(path):
    w = g.Writer()
    cid = w.add({"Type": g.Name("Font"), "Subtype": g.Name("CIDFontType0"), "BaseFont": g.Name("AdobeSongStd-Light"),
                 "CIDSystemInfo": {"Registry": "Adobe", "Ordering": "GB1", "Supplement": 4},
                 "FontDescriptor": w.add({"Type": g.Name("FontDescriptor"), "FontName": g.Name("AdobeSongStd-Light"),
                                          "Flags": 6, "FontBBox": [-134, -254, 1001, 905], "ItalicAngle": 0,
                                          "Ascent": 880, "Descent": -120, "CapHeight": 626, "StemV": 80}),
                 "DW": 1000})
    font = w.add({"Type": g.Name("Font"), "Subtype": g.Name("Type0"), "BaseFont": g.Name("AdobeSongStd-Light"),
                  "Encoding": g.Name("UniGB-UTF16-H"), "DescendantFonts": [cid]})
    c = bytearray(b"BT /F1 12 Tf 72 720 Td 14 TL\n")
    for line in UTF16_LINES:
        c += b"<" + line.encode("utf-16-be").hex().encode() + b"> Tj T*\n"
    c += b"ET\n"
    t = g.simple_doc(w, [bytes(c)], font=font)
    with open(path, "wb") as f:
        f.write(w.classic(t))


# ---------------------------------------------------------------- passwords

def owner_hash(r, salt, udata):
    """The empty owner password's hash (Algorithm 2.B, or SHA-256 for R5)."""
    if r == 6:
        return g.hash_2b(b"", salt, udata)
    return hashlib.sha256(salt + udata).digest()


def user_hash(r, pw, salt):
    return g.hash_2b(pw, salt) if r == 6 else g.hash_r5(pw, salt)


def aes256_owner_empty(user_pw, r, owner_pw=b""):
    """V5 security with a user password and an owner password (empty: its
    /O and /OE are what readers opening with no password check)."""
    file_key = hashlib.sha256(b"file key realsweep8" + bytes([r])).digest()
    u = user_hash(r, user_pw, b"uvsalt01") + b"uvsalt01" + b"uksalt01"
    ue = g.aes_cbc_raw(user_hash(r, user_pw, b"uksalt01"), file_key, bytes(16))
    if owner_pw:
        h = (lambda s: g.hash_2b(owner_pw, s, u)) if r == 6 else (lambda s: hashlib.sha256(owner_pw + s + u).digest())
    else:
        h = (lambda s: owner_hash(r, s, u))
    o = h(b"ovsalt01") + b"ovsalt01" + b"oksalt01"
    oe = g.aes_cbc_raw(h(b"oksalt01"), file_key, bytes(16))

    def crypt(num, gen, data, is_stream):
        iv = hashlib.md5(b"iv" + struct.pack("<II", num, len(data)) + data).digest()
        return g.aes_cbc(file_key, data, iv)

    enc = {"Filter": g.Name("Standard"), "V": 5, "R": r, "Length": 256, "P": -3904,
           "O": o, "U": u, "OE": oe, "UE": ue, "Perms": bytes(16),
           "CF": {"StdCF": {"CFM": g.Name("AESV3"), "Length": 32, "AuthEvent": g.Name("DocOpen")}},
           "StmF": g.Name("StdCF"), "StrF": g.Name("StdCF")}
    return enc, crypt


def owner_content():
    return (b"BT /F1 12 Tf 72 720 Td (Locked payroll record) Tj 0 -16 Td (Jane Roe SSN "
            + SSN_OWNER.encode() + b") Tj ET\n")


def encrypted_doc(path, enc, crypt, fid):
    w = g.Writer()
    t = g.simple_doc(w, [owner_content()], info={"Title": "Locked payroll"})
    e = w.add(enc)
    w.plain.add(e.num)
    w.crypt = crypt
    t["Encrypt"] = e
    t["ID"] = [g.Raw(b"<" + fid.hex().encode() + b">"), g.Raw(b"<" + fid.hex().encode() + b">")]
    with open(path, "wb") as f:
        f.write(w.classic(t))


def owner_empty_aes256(path, r, owner_pw=b""):
    enc, crypt = aes256_owner_empty(b"uhexapdf", r, owner_pw)
    encrypted_doc(path, enc, crypt, hashlib.md5(path.encode()[-24:]).digest())


def owner_empty_rc4(path, aes=False, owner_pw=b""):
    fid = hashlib.md5(b"realsweep8" + (b"aes" if aes else b"rc4") + owner_pw).digest()
    enc, crypt = g.security(user_pw=b"uhexapdf", owner_pw=owner_pw, aes=aes, file_id=fid)
    encrypted_doc(path, enc, crypt, fid)


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    p = lambda n: os.path.join(outdir, n)  # noqa: E731
    std14_times(p("std14_times.pdf"))
    std14_helvetica(p("std14_helvetica.pdf"))
    ligature_doc(p("ligature_space.pdf"), False)
    ligature_doc(p("ligature_space_tu.pdf"), True)
    actualtext_doc(p("actualtext.pdf"))
    listbox_doc(p("listbox.pdf"))
    unigb_utf16_doc(p("unigb_utf16.pdf"))
    owner_empty_aes256(p("owner_empty_r6.pdf"), 6)
    owner_empty_aes256(p("owner_empty_r5.pdf"), 5)
    owner_empty_rc4(p("owner_empty_rc4.pdf"))
    owner_empty_rc4(p("owner_empty_aes128.pdf"), aes=True)
    owner_empty_aes256(p("both_passwords_r6.pdf"), 6, owner_pw=b"ohexapdf")
    owner_empty_rc4(p("both_passwords_rc4.pdf"), owner_pw=b"ohexapdf")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    generate(sys.argv[1])
