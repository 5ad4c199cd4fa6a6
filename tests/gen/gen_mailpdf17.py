#!/usr/bin/env python3
"""Small mail and PDF files reproducing the cases the sixteenth session left
(docs/formats.md, Mail and PDF sections) and what the seventeenth session's
sweep of other projects' real files found. Each file is written here from
scratch in the real file's structure; none is copied. Stdlib only (and the
other generators here); all personal data is fake.

    python3 tests/gen/gen_mailpdf17.py OUTDIR          # all fixtures
    python3 tests/gen/gen_mailpdf17.py --corpus DIR    # fuzz seeds (mime, pdf)

Files:
  weird_boundary.eml  a boundary parameter that ends in two spaces, quoted
                      (RFC 2046 lets a boundary end in white space), its
                      delimiter lines carrying them, and a line one space
                      short of the delimiter inside the part (mime4j's
                      weird-boundary.msg): the spaces were dropped from the
                      parameter, the near line split the part and the
                      closing line was never found (truncated)
  spaced_boundary.eml the same boundary with delimiter lines that do not
                      carry the spaces (a gateway trimmed them): read by the
                      boundary without them
  empty_boundary.eml  boundary="" and "--" delimiter lines, a CSV
                      attachment in the second part (gmime's substring.mbox
                      nests three such multiparts): an empty boundary is a
                      boundary (Python's email and gmime read the parts);
                      it was "without a boundary parameter" (parse_error)
                      and the attachment never a child
  broken_pgp.txt      a text file with an armored PGP message block whose
                      base64 decodes to no OpenPGP packet: it was
                      `unsupported` ("could not be decoded"), a corrupt
                      block is `parse_error`
  type3_charprocs.pdf a Type3 font whose glyphs are named T and V among
                      others: its /CharProcs dictionary was read as a form
                      field (/T, /V a stream) and a glyph procedure's
                      operands ("17 0 0 0 17 30 d1") printed after the page
  symbol_font.pdf     the Symbol and ZapfDingbats fonts without /Encoding
                      (and Symbol with /Differences over none): their codes
                      are the fonts' built-in encodings (ISO 32000-1
                      9.6.6.2): "a" in Symbol is alpha, "4" in ZapfDingbats
                      a check mark; both read as WinAnsi before
  cff_expert.pdf      CFF fonts (FontFile3 /Type1C, no /Encoding) with the
                      predefined Expert encoding, and with a custom
                      encoding over the predefined Expert and ExpertSubset
                      charsets (TN 5176 Appendices B and C): ligatures,
                      small capitals and old-style figures read as WinAnsi
                      codes before ("eYcient"); and a Type 1 font whose
                      /Differences name Expert glyphs ("Asmall")
  ocr_letterspaced.pdf an OCR text layer as EPSON Scan writes it (pypdf's
                      indirect-rotation.pdf): words spread by 0.15-0.18 em
                      of Tc, the last letter of each a show of its own at
                      0 Tc; the gap before it (the Tc of the show before)
                      was a word gap: "Nort h", "536-22-316 4"; and a
                      word broken at a line end whose string ends in a
                      blank after the hyphen ("al- " / "most"), not joined
  cjk_no_tounicode.pdf a Type0 font over Adobe-Japan1 CIDs without ToUnicode
                      and not embedded (Distiller's Ryumin-Light, pdfminer's
                      kampo.pdf): CIDs past 95 were printed as the CID taken
                      for a code point (kana read as Greek letters) and the
                      file was full; U+FFFD now, and `unsupported`
"""
import os
import struct
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_pdf as g  # noqa: E402
import gen_realsweep16 as cff  # noqa: E402

SSN_WEIRD = "536-22-3107"
SSN_SPACED = "536-22-3118"
SSN_EMPTY = "536-22-3129"
SSN_T3 = "536-22-3131"
SSN_SYM = "536-22-3142"
SSN_EXPERT = "536-22-3153"
SSN_OCR = "536-22-3164"
SSN_CJK = "536-22-3186"
SSN_PGP = "536-22-3175"

WEIRD = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFLMNOPRSTUVWXYZ'()+_,-./:=?  "


def weird_boundary():
    return ("From: Lee Chan <lee.chan@corp-mail.test>\r\n"
            "To: Anna Berg <anna.berg@corp-mail.test>\r\n"
            "Subject: payroll fix\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: multipart/mixed; boundary=\"%s\"\r\n"
            "\r\n"
            "preamble\r\n"
            "\r\n"
            "--%s\r\n"
            "Content-Type: text/plain; charset=us-ascii\r\n"
            "\r\n"
            "Anna, the corrected record follows.\r\n"
            "--%s\r\n"
            "The line above is one space short of the boundary: body text.\r\n"
            "Jane Roe, SSN %s.\r\n"
            "\r\n"
            "--%s--\r\n"
            "epilogue\r\n" % (WEIRD, WEIRD, WEIRD[:-1], SSN_WEIRD, WEIRD)).encode()


def spaced_boundary():
    b = "==part  "
    return ("From: Lee Chan <lee.chan@corp-mail.test>\r\n"
            "To: Anna Berg <anna.berg@corp-mail.test>\r\n"
            "Subject: the figures\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: multipart/mixed; boundary=\"%s\"\r\n"
            "\r\n"
            "--%s\r\n"
            "Content-Type: text/plain\r\n"
            "\r\n"
            "The list is attached.\r\n"
            "--%s\r\n"
            "Content-Type: text/csv; name=\"staff.csv\"\r\n"
            "Content-Disposition: attachment; filename=\"staff.csv\"\r\n"
            "\r\n"
            "name,ssn\r\n"
            "Sam Poe,%s\r\n"
            "--%s--\r\n" % (b, b.rstrip(), b.rstrip(), SSN_SPACED, b.rstrip())).encode()


def empty_boundary():
    return ("From: Lee Chan <lee.chan@corp-mail.test>\r\n"
            "To: Anna Berg <anna.berg@corp-mail.test>\r\n"
            "Subject: staff list\r\n"
            "MIME-Version: 1.0\r\n"
            "Content-Type: multipart/mixed; boundary=\"\"\r\n"
            "\r\n"
            "--\r\n"
            "Content-Type: text/plain\r\n"
            "\r\n"
            "Anna, the list you asked for.\r\n"
            "--\r\n"
            "Content-Type: text/csv; name=\"list.csv\"\r\n"
            "Content-Disposition: attachment; filename=\"list.csv\"\r\n"
            "Content-Transfer-Encoding: base64\r\n"
            "\r\n"
            "%s\r\n"
            "----\r\n" % __import__("base64").b64encode(
                ("name,ssn\r\nSam Poe,%s\r\n" % SSN_EMPTY).encode()).decode()).encode()


def broken_pgp():
    """An armored PGP message block whose base64 decodes to no packet."""
    body = __import__("base64").b64encode(bytes(range(7, 200))).decode()
    lines = "\n".join(body[i:i + 64] for i in range(0, len(body), 64))
    return ("Forwarded signed note:\n\n-----BEGIN PGP MESSAGE-----\nVersion: GnuPG v2\n\n" + lines +
            "\n=AbCd\n-----END PGP MESSAGE-----\n\nEmployee SSN %s.\n" % SSN_PGP).encode()


def _write(w, path, content, fonts):
    t = g.simple_doc(w, [content], font=next(iter(fonts.values())))
    for v in w.objs.values():
        if isinstance(v, dict) and v.get("Type") == g.Name("Page"):
            v["Resources"] = {"Font": dict(fonts)}
    with open(path, "wb") as f:
        f.write(w.classic(t))


def type3_charprocs(path):
    """A Type3 font with a glyph procedure per letter (T and V among them)."""
    w = g.Writer()
    letters = [chr(c) for c in range(ord("A"), ord("Z") + 1)]
    digits = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
    order = letters + digits + ["hyphen", "space"]
    procs = {nm: w.add(g.Stream({}, b"%d 0 0 0 %d 30 d1\n0 0 %d 30 re f\n" % (17 + i % 3, 17 + i % 3, 17)))
             for i, nm in enumerate(order)}
    font = w.add({"Type": g.Name("Font"), "Subtype": g.Name("Type3"), "FontMatrix": [0.03, 0, 0, 0.03, 0, 0],
                  "FontBBox": [0, 0, 30, 30], "Resources": {}, "CharProcs": procs,
                  "Encoding": {"Type": g.Name("Encoding"), "Differences": [33] + [g.Name(n) for n in order]},
                  "FirstChar": 33, "LastChar": 33 + len(order) - 1, "Widths": [20] * len(order)})
    ch = {nm: nm for nm in letters}
    ch.update({d: str(i) for i, d in enumerate(digits)})
    ch.update({"hyphen": "-", "space": " "})
    code = {ch[nm]: 33 + i for i, nm in enumerate(order)}
    text = "VAT CASE SSN " + SSN_T3
    s = b"<" + bytes(code[c] for c in text).hex().encode() + b">"
    _write(w, path, b"BT /T3 12 Tf 72 720 Td " + s + b" Tj ET\n", {"T3": font})


def symbol_font(path):
    w = g.Writer()
    helv = g.helvetica(w)
    sym = w.add({"Type": g.Name("Font"), "Subtype": g.Name("Type1"), "BaseFont": g.Name("Symbol")})
    sym_diff = w.add({"Type": g.Name("Font"), "Subtype": g.Name("Type1"), "BaseFont": g.Name("Symbol"),
                      "Encoding": {"Type": g.Name("Encoding"), "Differences": [0x21, g.Name("alpha")]}})
    zapf = w.add({"Type": g.Name("Font"), "Subtype": g.Name("Type1"), "BaseFont": g.Name("ZapfDingbats")})
    c = (b"BT 14 TL 72 720 Td /F1 11 Tf (Case SSN " + SSN_SYM.encode() + b": test result ) Tj"
         b" /S1 11 Tf (a = 0.05, b \\263 0.8) Tj T*"
         b" /S2 11 Tf (!b) Tj /S1 11 Tf ( p r) Tj T*"
         b" /Z1 11 Tf (4) Tj /F1 11 Tf ( approved) Tj ET\n")
    _write(w, path, c, {"F1": helv, "S1": sym, "S2": sym_diff, "Z1": zapf})


# string ids of the Expert set (TN 5176 Appendix A)
EXPERT_CHARSET = ([0, 1] + list(range(229, 239)) + [13, 14, 15, 99] + list(range(239, 249)) + [27, 28] +
                  list(range(249, 267)) + [109, 110] + list(range(267, 319)) + [158, 155, 163] +
                  list(range(319, 327)) + [150, 164, 169] + list(range(327, 379)))
EXPERT_SUBSET = ([0, 1, 231, 232, 235, 236, 237, 238, 13, 14, 15, 99] + list(range(239, 249)) + [27, 28] +
                 [249, 250, 251] + list(range(253, 267)) + [109, 110, 267, 268, 269, 270, 272, 300, 301, 302,
                                                             305, 314, 315, 158, 155, 163] +
                 list(range(320, 327)) + [150, 164, 169] + list(range(327, 347)))


def expert_cff(charset, encoding, nglyphs, codes=None):
    """A CFF whose Top DICT names a predefined charset (1 Expert, 2
    ExpertSubset) and encoding (1 Expert), or a custom encoding of format 0
    (codes: the code of glyph id 1, 2, ...)."""
    enc = b""
    if codes is not None:
        enc = bytes([0, len(codes)]) + bytes(codes)
    charstrings = cff.cff_index([b"\x0e"] * nglyphs)

    def top(enc_off, cs_off):
        return (cff.dict_int(charset) + b"\x0f" + cff.dict_int(enc_off if codes is not None else encoding) +
                b"\x10" + cff.dict_int(cs_off) + b"\x11")

    name = cff.cff_index([b"GHIJKL+SampleExpert"])
    head = 4 + len(name) + len(cff.cff_index([top(0, 0)])) + 2 + 2
    enc_off = head
    cs_off = enc_off + len(enc)
    out = bytes([1, 0, 4, 4]) + name + cff.cff_index([top(enc_off, cs_off)]) + b"\x00\x00" + b"\x00\x00"
    assert len(out) == head
    return out + enc + charstrings


def cff_expert(path):
    w = g.Writer()
    helv = g.helvetica(w)
    fonts = {"F1": helv}
    # 1: predefined Expert encoding and charset: 0x57 fi, 0x59 ffi, small
    # capitals at 0x61.., old-style figures at 0x30..
    fonts["E1"] = cff.cff_pdf_font(w, expert_cff(1, 1, len(EXPERT_CHARSET)))
    # 2: a custom encoding (code 128 + glyph id) over the Expert charset:
    # glyph 46 fi, 48 ffi; codes below 128 keep WinAnsi
    fonts["E2"] = cff.cff_pdf_font(w, expert_cff(1, 0, len(EXPERT_CHARSET), [128 + i for i in range(1, 81)]))
    # 3: the same over the ExpertSubset charset: glyph 41 fi, 43 ffi
    fonts["E3"] = cff.cff_pdf_font(w, expert_cff(2, 0, len(EXPERT_SUBSET), [128 + i for i in range(1, 81)]))
    # 4: a Type 1 font whose /Differences name Expert glyphs
    fonts["E4"] = w.add({"Type": g.Name("Font"), "Subtype": g.Name("Type1"), "BaseFont": g.Name("Garamond-Expert"),
                         "Encoding": {"Type": g.Name("Encoding"),
                                      "Differences": [0x41, g.Name("Ssmall"), g.Name("Nsmall"),
                                                      g.Name("fiveoldstyle"), g.Name("threeoldstyle"),
                                                      g.Name("sixoldstyle")]}})
    ssn = SSN_EXPERT.encode()
    c = (b"BT 14 TL 72 720 Td /F1 11 Tf (Record of ) Tj /E1 11 Tf (jane roe, 0.5 \\127) Tj"
         b" /F1 11 Tf ( SSN " + ssn + b") Tj T*"
         b" /E2 11 Tf (su\\260cient \\256nancial) Tj T*"
         b" /E3 11 Tf (o\\253ce \\251les) Tj T*"
         b" /E4 11 Tf (AB CDE) Tj ET\n")
    _write(w, path, c, fonts)


def ocr_letterspaced(path):
    """An OCR layer as scanners write it (invisible text, 3 Tr): each word
    spread over the scanned one by character spacing, its last letter set
    apart with 0 Tc so no spacing follows the word."""
    w = g.Writer()
    helv = g.helvetica(w)
    lines = ["Personnel record of Jane Roe", "SSN %s issued to the employee" % SSN_OCR,
             "Letter spaced text stays whole"]
    c = bytearray(b"BT 3 Tr /F1 11 Tf\n")
    for i, line in enumerate(lines):
        c += b"1 0 0 1 72 %d Tm 90 Tz\n" % (700 - 16 * i)
        for k, word in enumerate(line.split(" ")):
            lead = b" " if k else b""
            c += b"%.2f Tc (%s%s) Tj 0 Tc (%s) Tj\n" % (1.6 + 0.2 * (k % 2), lead, word[:-1].encode(),
                                                     word[-1:].encode())
    # a word broken at a line end whose string ends in a blank after the
    # hyphen, as OCR layers write each line
    c += b"0 Tc 1 0 0 1 72 640 Tm 100 Tz (the bullets are so frequent that we have al- ) Tj\n"
    c += b"1 0 0 1 72 626 Tm (most ceased to notice them.) Tj\n"
    c += b"ET\n"
    _write(w, path, bytes(c), {"F1": helv})


def cjk_no_tounicode(path):
    """A Type0 font over Adobe-Japan1 CIDs (Identity-H, not embedded, no
    ToUnicode) as Distiller wrote Ryumin-Light: CIDs 1-95 are ASCII, the
    rest (kana, kanji) need Adobe's table."""
    w = g.Writer()
    helv = g.helvetica(w)
    desc = w.add({"Type": g.Name("Font"), "Subtype": g.Name("CIDFontType0"), "BaseFont": g.Name("Ryumin-Light"),
                  "CIDSystemInfo": {"Registry": b"Adobe", "Ordering": b"Japan1", "Supplement": 2},
                  "DW": 1000})
    font = w.add({"Type": g.Name("Font"), "Subtype": g.Name("Type0"), "BaseFont": g.Name("Ryumin-Light-Identity-H"),
                  "Encoding": g.Name("Identity-H"), "DescendantFonts": [desc]})
    ascii_cids = b"".join(struct.pack(">H", ord(ch) - 31) for ch in "SSN %s " % SSN_CJK)
    kana = b"".join(struct.pack(">H", c) for c in (843, 887, 1000, 1205))  # beyond CID 95
    c = (b"BT /F1 11 Tf 72 720 Td (Personnel file) Tj ET\n"
         b"BT /J1 11 Tf 72 700 Td <" + (ascii_cids + kana).hex().encode() + b"> Tj ET\n")
    _write(w, path, c, {"F1": helv, "J1": font})


def files():
    return {
        "weird_boundary.eml": weird_boundary(),
        "spaced_boundary.eml": spaced_boundary(),
        "empty_boundary.eml": empty_boundary(),
        "broken_pgp.txt": broken_pgp(),
    }


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    for name, data in files().items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)
    p = lambda n: os.path.join(outdir, n)  # noqa: E731
    type3_charprocs(p("type3_charprocs.pdf"))
    symbol_font(p("symbol_font.pdf"))
    cff_expert(p("cff_expert.pdf"))
    ocr_letterspaced(p("ocr_letterspaced.pdf"))
    cjk_no_tounicode(p("cjk_no_tounicode.pdf"))


def corpus(outdir):
    """Fuzz seeds: the mail files for mime, the PDFs for pdf."""
    d = os.path.join(outdir, "mime")
    os.makedirs(d, exist_ok=True)
    for n, data in files().items():
        with open(os.path.join(d, "mailpdf17_" + n), "wb") as f:
            f.write(data)
    d = os.path.join(outdir, "pdf")
    os.makedirs(d, exist_ok=True)
    for n, fn in (("type3_charprocs.pdf", type3_charprocs), ("symbol_font.pdf", symbol_font),
                  ("cff_expert.pdf", cff_expert), ("ocr_letterspaced.pdf", ocr_letterspaced),
                  ("cjk_no_tounicode.pdf", cjk_no_tounicode)):
        fn(os.path.join(d, "mailpdf17_" + n))


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--corpus":
        corpus(sys.argv[2])
    else:
        generate(sys.argv[1] if len(sys.argv) > 1 else ".")
