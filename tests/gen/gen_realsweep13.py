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
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_pdf as g  # noqa: E402


def lines_content(lines, font="F1", size=11, x=72, y=720, lead=14):
    c = bytearray(b"BT /%s %g Tf %g TL %g %g Td\n" % (font.encode(), size, lead, x, y))
    for ln in lines:
        c += (ln if isinstance(ln, bytes) else g.lit(ln)) + b" Tj T*\n"
    c += b"ET\n"
    return bytes(c)


def hyphenated(path):
    w = g.Writer()
    # a ToUnicode font for the U+2010 and U+00AD hyphens: code 1 is U+2010,
    # code 2 a soft hyphen, the rest ASCII
    cmap = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
            b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
            b"1 begincodespacerange <00> <FF> endcodespacerange\n"
            b"2 beginbfchar <01> <2010> <02> <00AD> endbfchar\n"
            b"1 beginbfrange <20> <7E> <0020> endbfrange\n"
            b"endcmap CMapName currentdict /CMap defineresource pop end end\n")
    tu = w.add(g.Stream({}, cmap))
    font = w.add({"Type": g.Name("Font"), "Subtype": g.Name("Type1"), "BaseFont": g.Name("Helvetica"),
                  "Encoding": g.Name("WinAnsiEncoding"), "ToUnicode": tu})
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


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    p = lambda n: os.path.join(outdir, n)  # noqa: E731
    hyphenated(p("hyphenated.pdf"))


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    generate(sys.argv[1])
