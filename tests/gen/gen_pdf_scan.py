#!/usr/bin/env python3
"""PDFs whose pages are pictures: scans (tests/e2e/test_pdf_scan.py, fuzz
seeds). Written with gen_pdf's writer; scan_gs.pdf is made by Ghostscript's
pdfimage24 device (each page rendered into a picture, as a scanner or a
"print to image PDF" does) when gs is installed.

  scan_xobject.pdf   two pages, each one image XObject over the whole page
  scan_ocr.pdf       the same with an invisible OCR text layer (3 Tr) on
                     each page, as OCR software writes it
  scan_inline.pdf    one page, an inline image (BI ... ID ... EI) over it
  scan_form.pdf      the image inside a form XObject, placed by the form's
                     /Matrix and the page's cm (each scales the area by 2x2)
  scan_strips.pdf    one page in four image strips of a quarter page each
  logo.pdf           one page with a small logo and no text: not a scan
  mostly_text.pdf    three text pages and one full-page photo
  scan_gs.pdf        Ghostscript's pdfimage24 rendering of a text page
"""
import os
import shutil
import subprocess
import sys
import tempfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_pdf import Name, Stream, Writer, helvetica, lit  # noqa: E402

OCR_SSN = "536-22-1883"   # only in the invisible OCR layer
TEXT_SSN = "536-22-1884"  # on the text pages of mostly_text.pdf
GS_SSN = "536-22-1885"    # drawn as text before Ghostscript turns it into pixels


def gray_image(w, width=8, height=8):
    pix = bytes((x * 31 + y * 17) & 0xff for y in range(height) for x in range(width))
    return w.add(Stream({"Type": Name("XObject"), "Subtype": Name("Image"), "Width": width,
                         "Height": height, "ColorSpace": Name("DeviceGray"), "BitsPerComponent": 8,
                         "Filter": Name("FlateDecode")}, zlib.compress(pix)))


def doc(w, pages, xobjects=None):
    """pages: content bytes, one per page; xobjects: the pages' /XObject."""
    font = helvetica(w)
    root_pages = w.reserve()
    kids = []
    for c in pages:
        res = {"Font": {"F1": font}}
        if xobjects:
            res["XObject"] = xobjects
        cs = w.add(Stream({"Filter": Name("FlateDecode")}, zlib.compress(c)))
        kids.append(w.add({"Type": Name("Page"), "Parent": root_pages, "MediaBox": [0, 0, 612, 792],
                           "Resources": res, "Contents": cs}))
    w.add({"Type": Name("Pages"), "Kids": kids, "Count": len(kids)}, root_pages.num)
    root = w.add({"Type": Name("Catalog"), "Pages": root_pages})
    return w.classic({"Root": root, "Info": w.add({"Producer": "gen_pdf_scan.py"})})


FULL = b"q 612 0 0 792 0 0 cm /Im0 Do Q\n"


def scan_xobject():
    w = Writer()
    return doc(w, [FULL, FULL], {"Im0": gray_image(w)})


def scan_ocr():
    w = Writer()
    ocr = b"BT 3 Tr /F1 12 Tf 72 700 Td " + lit("Employee SSN " + OCR_SSN) + b" Tj ET\n"
    ocr2 = b"BT 3 Tr /F1 12 Tf 72 700 Td " + lit("Signed by the employee") + b" Tj ET\n"
    return doc(w, [FULL + ocr, FULL + ocr2], {"Im0": gray_image(w)})


def scan_inline():
    w = Writer()
    pix = bytes(range(64))
    c = b"q 612 0 0 792 0 0 cm BI /W 8 /H 8 /CS /G /BPC 8 ID " + pix + b" EI Q\n"
    return doc(w, [c])


def scan_form():
    w = Writer()
    img = gray_image(w)
    form = w.add(Stream({"Type": Name("XObject"), "Subtype": Name("Form"), "BBox": [0, 0, 306, 396],
                         "Matrix": [2, 0, 0, 2, 0, 0], "Resources": {"XObject": {"Im0": img}}},
                        b"q 153 0 0 198 0 0 cm /Im0 Do Q\n"))
    return doc(w, [b"q 1 0 0 1 0 0 cm q 2 0 0 2 0 0 cm /Fm0 Do Q Q\n"], {"Fm0": form})


def scan_strips():
    w = Writer()
    c = b"".join(b"q 612 0 0 198 0 %d cm /Im0 Do Q\n" % (198 * i) for i in range(4))
    return doc(w, [c], {"Im0": gray_image(w)})


def logo():
    w = Writer()
    return doc(w, [b"q 100 0 0 50 72 700 cm /Im0 Do Q\n"], {"Im0": gray_image(w)})


def mostly_text():
    w = Writer()
    text = b"BT /F1 12 Tf 72 700 Td " + lit("Payroll summary, SSN " + TEXT_SSN) + b" Tj ET\n"
    return doc(w, [text, text, FULL, text], {"Im0": gray_image(w)})


FIXTURES = {
    "scan_xobject.pdf": scan_xobject,
    "scan_ocr.pdf": scan_ocr,
    "scan_inline.pdf": scan_inline,
    "scan_form.pdf": scan_form,
    "scan_strips.pdf": scan_strips,
    "logo.pdf": logo,
    "mostly_text.pdf": mostly_text,
}


def scan_gs(outdir):
    """Ghostscript renders a one-page text PDF into an image-only PDF;
    False when gs is missing or fails."""
    gs = shutil.which("gs")
    if not gs:
        return False
    with tempfile.TemporaryDirectory() as t:
        src = os.path.join(t, "letter.pdf")
        w = Writer()
        text = (b"BT /F1 14 Tf 72 700 Td " + lit("Personnel file") + b" Tj 0 -20 Td " +
                lit("SSN " + GS_SSN) + b" Tj ET\n")
        with open(src, "wb") as f:
            f.write(doc(w, [text]))
        r = subprocess.run([gs, "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pdfimage24", "-r72",
                            "-sOutputFile=" + os.path.join(outdir, "scan_gs.pdf"), src],
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        return r.returncode == 0 and os.path.exists(os.path.join(outdir, "scan_gs.pdf"))


def generate(outdir, gs=True):
    os.makedirs(outdir, exist_ok=True)
    for name, fn in FIXTURES.items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(fn())
    return scan_gs(outdir) if gs else False


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: gen_pdf_scan.py OUTDIR")
    generate(sys.argv[1])
