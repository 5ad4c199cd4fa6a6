#!/usr/bin/env python3
"""Fixtures for the quirks found in a sixteenth sweep of other projects'
real PDFs (PdfPig's integration documents, yob/pdf-reader's specs,
CERMINE's papers, olmOCR's "gnarly" PDFs): each is the smallest file
showing the quirk, written with the Python stdlib (and
tests/gen/gen_pdf.py's writer). All PII fake.

    python3 gen_realsweep16.py OUTDIR

- cff_builtin.pdf: simple fonts whose embedded program is a CFF font
  (FontFile3 /Type1C, or /OpenType with a 'CFF ' table) and whose PDF font
  has no /Encoding, or /Differences without /BaseEncoding, or
  /WinAnsiEncoding: the codes draw what the CFF's own encoding and charset
  name (Adobe TN 5176; Distiller and Ghostscript subset fonts so,
  renumbering the glyphs 1, 2, 3 ...). We read the codes through
  Windows-1252: controls, nothing; "efficient" read "ecient" (CERMINE's
  test1.pdf, a Bigtable paper, lost 137 words). Encodings of format 0 and
  1 with supplements, charsets of formats 0, 1 and 2, glyph names from
  the standard strings and from the String INDEX; a CFF that says
  StandardEncoding (0xAE "fi"). A CID-keyed CFF (ROS) names no glyph.
- type3_bitmap.pdf: Type3 bitmap fonts as dvips and Ghostscript write
  them (FontMatrix [1 0 0 -1 0 0], widths in pixels, drawn at 1 Tf under
  a 0.24 text matrix), with TeX's one-pixel position corrections inside
  words. Our em was 1 Tf, so every correction was a word gap: "Accelerato
  r F acilit y", "536-2 2-1874" (CERMINE's timeout/complex.pdf lost 373
  words). The em is now guessed as poppler guesses it (the width of "m"
  is 0.6 em).
"""
import os
import struct
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_pdf as g  # noqa: E402

# ---- a CFF font program (Adobe TN 5176), written from scratch ----

# standard string ids used here (TN 5176 Appendix A)
STD_SID = {"space": 1, "comma": 13, "hyphen": 14, "period": 15, "at": 33, "fi": 109, "fl": 110,
           "emdash": 137, "ff": 266, "ffi": 267}
for _i in range(26):
    STD_SID[chr(65 + _i)] = 34 + _i
    STD_SID[chr(97 + _i)] = 66 + _i
for _i, _d in enumerate(["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]):
    STD_SID[_d] = 17 + _i


def cff_index(items):
    if not items:
        return b"\x00\x00"
    out = bytearray(struct.pack(">HB", len(items), 4))
    off = 1
    out += struct.pack(">I", off)
    for it in items:
        off += len(it)
        out += struct.pack(">I", off)
    for it in items:
        out += it
    return bytes(out)


def dict_int(v):
    return b"\x1d" + struct.pack(">i", v)


def cff_font(glyphs, codes, enc_format=0, charset_format=0, supplements=None, standard=False, ros=False):
    """glyphs: glyph names in glyph-id order from 1 (0 is .notdef); codes:
    {code: glyph id} for the encoding (format 0: ids 1..n in order, format
    1: ranges of consecutive codes); supplements: {code: glyph name} also
    drawn; standard: no Encoding operator (StandardEncoding); ros: a
    CID-keyed font (its charset holds CIDs)."""
    strings = []

    def sid(name):
        if name in STD_SID:
            return STD_SID[name]
        if name not in strings:
            strings.append(name)
        return 391 + strings.index(name)

    sids = [sid(n) for n in glyphs]
    n = len(glyphs) + 1
    if charset_format == 0:
        charset = b"\x00" + b"".join(struct.pack(">H", s) for s in sids)
    else:  # ranges of consecutive string ids
        runs = []
        for s in sids:
            if runs and runs[-1][0] + runs[-1][1] + 1 == s:
                runs[-1][1] += 1
            else:
                runs.append([s, 0])
        k = ">HB" if charset_format == 1 else ">HH"
        charset = bytes([charset_format]) + b"".join(struct.pack(k, a, b) for a, b in runs)
    enc = b""
    if not standard:
        order = sorted(codes, key=lambda c: codes[c])
        assert [codes[c] for c in order] == list(range(1, len(order) + 1))
        if enc_format == 0:
            body = bytes([len(order)]) + bytes(order)
        else:
            ranges = []
            for c in order:
                if ranges and ranges[-1][0] + ranges[-1][1] + 1 == c:
                    ranges[-1][1] += 1
                else:
                    ranges.append([c, 0])
            body = bytes([len(ranges)]) + b"".join(bytes(r) for r in ranges)
        fmt = enc_format | (0x80 if supplements else 0)
        enc = bytes([fmt]) + body
        if supplements:
            enc += bytes([len(supplements)]) + b"".join(struct.pack(">BH", c, sid(nm))
                                                      for c, nm in sorted(supplements.items()))
    charstrings = cff_index([b"\x0e"] * n)  # endchar: outlines do not say what a glyph is

    def top(cs_off, charset_off, enc_off):
        d = b""
        if ros:
            d += dict_int(sid("Adobe")) + dict_int(sid("Identity")) + dict_int(0) + b"\x0c\x1e"
        d += dict_int(charset_off) + b"\x0f"
        if not standard:
            d += dict_int(enc_off) + b"\x10"
        d += dict_int(cs_off) + b"\x11"
        return d

    name = cff_index([b"ABCDEF+Sample"])
    strings_ix = lambda: cff_index([s.encode() for s in strings])  # noqa: E731
    top0 = top(0, 0, 0)  # sizes only: every operand is 5 bytes
    head = 4 + len(name) + len(cff_index([top0])) + len(strings_ix()) + 2
    charset_off = head
    enc_off = charset_off + len(charset)
    cs_off = enc_off + len(enc)
    out = bytes([1, 0, 4, 4]) + name + cff_index([top(cs_off, charset_off, enc_off)]) + strings_ix() + b"\x00\x00"
    assert len(out) == head
    return out + charset + enc + charstrings


def opentype(cff):
    """An OpenType font holding only its 'CFF ' table."""
    head = struct.pack(">4sHHHH", b"OTTO", 1, 16, 0, 0)
    rec = struct.pack(">4sIII", b"CFF ", 0, 12 + 16, len(cff))
    return head + rec + cff


def cff_pdf_font(w, prog, encoding=None, subtype="Type1C"):
    ff = w.add(g.Stream({"Subtype": g.Name(subtype), "Filter": g.Name("FlateDecode")}, zlib.compress(prog)))
    fd = w.add({"Type": g.Name("FontDescriptor"), "FontName": g.Name("ABCDEF+Sample"), "Flags": 4,
                "FontBBox": [0, -250, 1000, 750], "ItalicAngle": 0, "Ascent": 750, "Descent": -250,
                "CapHeight": 700, "StemV": 80, "FontFile3": ff})
    font = {"Type": g.Name("Font"), "Subtype": g.Name("Type1"), "BaseFont": g.Name("ABCDEF+Sample"),
            "FirstChar": 0, "LastChar": 255, "Widths": [500] * 256, "FontDescriptor": fd}
    if encoding is not None:
        font["Encoding"] = encoding
    return w.add(font)


def subset(text):
    """A subsetter's renumbering: each glyph of text in order of first use
    gets the next code from 1, space included; returns the glyph names, the
    encoding {code: glyph id} and the text's codes as a PDF hex string."""
    names = {" ": "space", ",": "comma", ".": "period", "@": "at", "-": "hyphen", "\u2014": "emdash",
             "\ufb01": "fi", "\ufb02": "fl", "\ufb00": "ff", "\ufb03": "ffi"}
    glyphs, codes, out = [], {}, bytearray()
    for ch in text:
        nm = names.get(ch, ch)
        if nm not in glyphs:
            glyphs.append(nm)
            codes[len(glyphs)] = len(glyphs)
        out.append(glyphs.index(nm) + 1)
    return glyphs, codes, b"<" + out.hex().encode() + b">"


def cff_builtin(path):
    w = g.Writer()
    c = bytearray(b"BT 14 TL 72 720 Td\n")
    fonts = {}
    # 1: no /Encoding; encoding format 0, charset format 0, "ffi" by its
    # standard string id, a name from the String INDEX ("uni00E9")
    t1 = "An e\ufb03cient \ufb01nancial o\ufb03ce \ufb02oor, r\u00e9sum\u00e9 of Jane Roe"
    gl, codes, hexs = subset(t1.replace("\u00e9", "\x00"))
    gl = ["uni00E9" if x == "\x00" else x for x in gl]
    fonts["F1"] = cff_pdf_font(w, cff_font(gl, codes))
    c += b"/F1 11 Tf " + hexs + b" Tj T*\n"
    # 2: /Differences without /BaseEncoding over encoding format 1 (codes
    # 40.. in one range) with a supplement, charset format 1
    t2 = "Su\ufb03cient \ufb01eld sta\ufb00"
    gl2, _, _ = subset(t2)
    codes2 = {0x40 + i: i + 1 for i in range(len(gl2))}
    prog2 = cff_font(gl2, codes2, enc_format=1, charset_format=1, supplements={0x21: "at"})
    fonts["F2"] = cff_pdf_font(w, prog2, {"Type": g.Name("Encoding"), "Differences": [0x22, g.Name("hyphen")]})
    s2 = bytes(0x40 + gl2.index({" ": "space", "\ufb03": "ffi", "\ufb01": "fi", "\ufb00": "ff"}.get(ch, ch))
               for ch in t2)
    c += b"/F2 11 Tf <" + s2.hex().encode() + b"21" + b"22" + b"> Tj T*\n"
    # 3: an OpenType font (FontFile3 /OpenType), charset format 2
    t3 = "The o\ufb03cer filed it"
    gl3, codes3, hex3 = subset(t3)
    fonts["F3"] = cff_pdf_font(w, opentype(cff_font(gl3, codes3, charset_format=2)), subtype="OpenType")
    c += b"/F3 11 Tf " + hex3 + b" Tj T*\n"
    # 4: /WinAnsiEncoding named: the font's codes fill only the codes it
    # leaves empty (controls): "fi" at 1, the rest as WinAnsi says
    gl4 = ["fi", "ffi"]
    fonts["F4"] = cff_pdf_font(w, cff_font(gl4, {1: 1, 2: 2}), g.Name("WinAnsiEncoding"))
    c += b"/F4 11 Tf (the \\001les of the o\\002ce) Tj T*\n"
    # 5: a CFF saying StandardEncoding, no /Encoding: 0xAE is "fi", 0xD0 an em dash
    fonts["F5"] = cff_pdf_font(w, cff_font(["fi"], {}, standard=True))
    c += b"/F5 11 Tf (con\\256dential \\320 pro\\256le) Tj T*\n"
    # 6: a CID-keyed CFF (ROS) under a simple font: no names, WinAnsi
    fonts["F6"] = cff_pdf_font(w, cff_font(["A"], {0x42: 1}, ros=True))
    c += b"/F6 11 Tf (Plain B text) Tj T*\n"
    c += b"ET\n"
    t = g.simple_doc(w, [bytes(c)], font=fonts["F1"])
    for v in w.objs.values():
        if isinstance(v, dict) and v.get("Type") == g.Name("Page"):
            v["Resources"] = {"Font": dict(fonts)}
    with open(path, "wb") as f:
        f.write(w.classic(t))


def type3_bitmap(path):
    w = g.Writer()
    chars = {"m": 25, "i": 8, "l": 8}
    names = [chr(c) for c in range(ord("a"), ord("z") + 1)] + [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    digits = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    extra = {"hyphen": "-", "at": "@", "period": "."}
    order = names + digits + list(extra)
    procs, widths = {}, []
    for nm in order:
        wd = chars.get(nm, 17)
        widths.append(wd)
        procs[nm] = w.add(g.Stream({}, b"%d 0 0 0 %d 30 d1\n" % (wd, wd)))
    code_of = {}
    for i, nm in enumerate(order):
        code_of[nm] = 33 + i
    ch_of = {nm: nm for nm in names}
    ch_of.update({d: str(i) for i, d in enumerate(digits)})
    ch_of.update(extra)
    by_char = {v: code_of[k] for k, v in ch_of.items()}
    font = w.add({"Type": g.Name("Font"), "Subtype": g.Name("Type3"), "FontMatrix": [1, 0, 0, -1, 0, 0],
                  "FontBBox": [0, 0, 30, 30], "Resources": {}, "CharProcs": {k: v for k, v in procs.items()},
                  "Encoding": {"Type": g.Name("Encoding"), "Differences": [33] + [g.Name(n) for n in order]},
                  "FirstChar": 33, "LastChar": 33 + len(order) - 1, "Widths": widths})

    def s(text):
        return b"<" + bytes(by_char[c] for c in text).hex().encode() + b">"

    def line(parts):
        """parts: words, each a list of pieces; a one-pixel correction
        between pieces, a 14-pixel gap (3.4 pt) between words"""
        out = bytearray(b"[")
        for i, word in enumerate(parts):
            if i:
                out += b" -14000 "
            for j, piece in enumerate(word):
                if j:
                    out += b" %d " % (-1000 if j % 2 else 1000)
                out += s(piece)
        return bytes(out + b"] TJ")

    rows = [
        [["Accelerato", "r"], ["F", "acilit", "y"], ["Theo", "ry"], ["Group"]],
        [["Additional"], ["copies"], ["are"], ["a", "v", "ailable"], ["from"], ["the"], ["authors."]],
        [["Contact"], ["jane.r", "oe@example.org"], ["SSN"], ["536-2", "2-1874"]],
    ]
    c = bytearray(b"BT /T3 1 Tf 0.24 0 0 -0.24 72 720 Tm\n")
    for i, r in enumerate(rows):
        if i:
            c += b"0 -60 Td\n"
        c += line(r) + b"\n"
    c += b"ET\n"
    t = g.simple_doc(w, [bytes(c)], font=font)
    for v in w.objs.values():
        if isinstance(v, dict) and v.get("Type") == g.Name("Page"):
            v["Resources"] = {"Font": {"T3": font}}
    with open(path, "wb") as f:
        f.write(w.classic(t))


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    p = lambda n: os.path.join(outdir, n)  # noqa: E731
    cff_builtin(p("cff_builtin.pdf"))
    type3_bitmap(p("type3_bitmap.pdf"))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    generate(sys.argv[1])
