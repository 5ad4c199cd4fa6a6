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


FIXTURES = {
    "simple_font_wide_codespace.pdf": make_simple_font_wide_codespace,
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
