#!/usr/bin/env python3
"""TIFF files: faxes and scans (one bit per pixel) and photos (tests/e2e/
test_fax.py, fuzz seeds). Python's standard library writes the IFDs by
hand; when Ghostscript is installed, its tiffg4 device (CCITT Group 4, as a
fax server or a document scanner writes) and its tiff24nc / tiffgray devices
(colour and grey photos of the same pages) make real-tool files.

  fax_g4.tif        two pages, CCITT Group 4 (Compression 4), little-endian
  fax_be.tif        one page, CCITT Group 3 (Compression 3), big-endian
  bilevel.tif       one page, no BitsPerSample tag (1 by default), uncompressed
  photo_rgb.tif     one page, 8,8,8 bits, three samples: a photo
  gray.tif          one page, 8 bits, one sample
  thumb_photo.tif   a bilevel thumbnail (NewSubfileType 1) before an RGB page
  loop.tif          two bilevel IFDs pointing at each other (2 pages, no hang)
  mixed.tif         one bilevel page and three grey ones: mostly photos
  gs_fax.tif        Ghostscript tiffg4 of a two-page text PDF
  gs_rgb.tif        Ghostscript tiff24nc of the same
  gs_gray.tif       Ghostscript tiffgray of the same
"""
import os
import random
import shutil
import struct
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_pdf import Writer, lit  # noqa: E402
from gen_pdf_scan import doc  # noqa: E402

SHORT, LONG = 3, 4

def tiff(pages, be=False, chain=None):
    """pages: lists of (tag, type, values) entries (the strip offset and
    byte count are added); chain: the next-IFD index of each page (default:
    the next page, the last 0)."""
    e = ">" if be else "<"
    out = bytearray(b"MM\0*" if be else b"II*\0")
    out += struct.pack(e + "I", 0)
    rnd = random.Random(len(pages))
    ifd_at = []
    fixups = []
    for entries in pages:
        strip = bytes(rnd.getrandbits(8) for _ in range(256))
        strip_at = len(out)
        out += strip
        extra = []  # values over four bytes, after the IFD
        ents = sorted(entries + [(273, LONG, [strip_at]), (279, LONG, [len(strip)])])
        if len(out) % 2:
            out += b"\0"
        ifd_at.append(len(out))
        out += struct.pack(e + "H", len(ents))
        value_base = len(out) + 12 * len(ents) + 4
        for tag, typ, vals in ents:

            raw = b"".join(struct.pack(e + ("H" if typ == SHORT else "I"), v) for v in vals)
            if len(raw) <= 4:
                out += struct.pack(e + "HHI", tag, typ, len(vals)) + raw.ljust(4, b"\0")
            else:
                off = value_base + sum(len(x) for x in extra)
                out += struct.pack(e + "HHII", tag, typ, len(vals), off)
                extra.append(raw)
        fixups.append(len(out))
        out += struct.pack(e + "I", 0)
        for x in extra:
            out += x
    struct.pack_into(e + "I", out, 4, ifd_at[0])
    for i, at in enumerate(fixups):
        nxt = chain[i] if chain is not None else (i + 1 if i + 1 < len(pages) else None)
        struct.pack_into(e + "I", out, at, ifd_at[nxt] if nxt is not None else 0)
    return bytes(out)

def page(compression=1, bits=(1,), samples=1, photometric=0, subfile=0, width=1728, height=2200):
    ents = [(256, SHORT, [width]), (257, SHORT, [height]), (259, SHORT, [compression]),
            (262, SHORT, [photometric]), (277, SHORT, [samples])]
    if bits is not None:
        ents.append((258, SHORT, list(bits)))
    if subfile:
        ents.append((254, LONG, [subfile]))
    return ents

def fixtures():
    return {
        "fax_g4.tif": (tiff([page(4), page(4)]), (2, 2)),
        "fax_be.tif": (tiff([page(3)], be=True), (1, 1)),
        "bilevel.tif": (tiff([page(1, bits=None)]), (1, 1)),
        "photo_rgb.tif": (tiff([page(1, bits=(8, 8, 8), samples=3, photometric=2)]), None),
        "gray.tif": (tiff([page(5, bits=(8,), photometric=1)]), None),
        "thumb_photo.tif": (tiff([page(4, subfile=1, width=64, height=80),
                                  page(1, bits=(8, 8, 8), samples=3, photometric=2)]), None),
        "loop.tif": (tiff([page(4), page(4)], chain=[1, 0]), (2, 2)),
        "mixed.tif": (tiff([page(4)] + [page(1, bits=(8,), photometric=1)] * 3), None),
    }

def ghostscript(outdir):
    """gs_fax.tif, gs_rgb.tif, gs_gray.tif from a two-page text PDF; the
    names made (empty when gs is missing)."""
    gs = shutil.which("gs")
    if not gs:
        return []
    made = []
    with tempfile.TemporaryDirectory() as t:
        src = os.path.join(t, "letter.pdf")
        w = Writer()
        pages = [b"BT /F1 14 Tf 72 700 Td " + lit("Fax cover sheet, page %d" % i) + b" Tj ET\n" for i in (1, 2)]
        with open(src, "wb") as f:
            f.write(doc(w, pages))
        for name, dev in (("gs_fax.tif", "tiffg4"), ("gs_rgb.tif", "tiff24nc"), ("gs_gray.tif", "tiffgray")):
            out = os.path.join(outdir, name)
            r = subprocess.run([gs, "-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=" + dev, "-r50",
                                "-sOutputFile=" + out, src], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            if r.returncode == 0 and os.path.exists(out):
                made.append(name)
    return made

def generate(outdir, gs=True):
    """Writes the fixtures; returns {name: (bilevel pages, pages) or None}."""
    os.makedirs(outdir, exist_ok=True)
    expect = {}
    for name, (data, want) in fixtures().items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)
        expect[name] = want
    if gs:
        for name in ghostscript(outdir):
            expect[name] = (2, 2) if name == "gs_fax.tif" else None
    return expect

if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: gen_fax.py OUTDIR")
    print(generate(sys.argv[1]))
