#!/usr/bin/env python3
"""Word documents whose zip structure is sound, odd or hostile, for the
package reader (src/unpack/zipread.c: members the central directory
describes soundly are inflated directly with libdeflate, everything else
through libarchive). Written with Python's zipfile, then patched byte by
byte where the case needs it. Each file is a docx whose word/document.xml
holds SSN, CARD and EMAIL; EXPECT says what a scan must report.

Usage: gen_zipread.py OUTDIR
"""
import io
import os
import struct
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_redteam import Unseekable  # noqa: E402  a file zipfile cannot seek in

SSN = "536-22-1874"
CARD = "4556 7375 8689 9855"
EMAIL = "jane.roe@example.com"
DOC_NAME = "word/document.xml"

CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
      'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships'
      '+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" '
      'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="word/document.xml"/></Relationships>')


def document(paragraphs=5, filler=0):
    body = "".join('<w:p><w:r><w:t>Employee %d: SSN %s, card %s, mail %s</w:t></w:r></w:p>' % (i, SSN, CARD, EMAIL)
                   for i in range(paragraphs))
    body += "<w:p><w:r><w:t>%s</w:t></w:r></w:p>" % ("x" * filler) if filler else ""
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.'
            'openxmlformats.org/wordprocessingml/2006/main"><w:body>%s</w:body></w:document>' % body)


def package(doc=None, method=zipfile.ZIP_DEFLATED, extra=(), stream=False):
    """The docx bytes; extra: more (name, text) members; stream: written
    through an unseekable file (data descriptors)."""
    parts = [("[Content_Types].xml", CT), ("_rels/.rels", RELS), (DOC_NAME, doc or document())] + list(extra)

    sink = Unseekable() if stream else io.BytesIO()
    with zipfile.ZipFile(sink, "w", method) as z:
        for name, data in parts:
            z.writestr(zipfile.ZipInfo(name, date_time=(2014, 11, 24, 9, 0, 0)), data, compress_type=method)
    return bytes(sink.buf) if stream else sink.getvalue()


def locate(data, name=DOC_NAME):
    """(local header offset, central directory entry offset) of a member."""
    z = zipfile.ZipFile(io.BytesIO(data))
    info = z.getinfo(name)
    pos = 0
    cd = -1
    while True:
        pos = data.find(b"PK\x01\x02", pos)
        if pos < 0:
            break
        nlen = struct.unpack_from("<H", data, pos + 28)[0]
        if data[pos + 46:pos + 46 + nlen] == name.encode():
            cd = pos
            break
        pos += 4
    return info.header_offset, cd


def patch(data, off, fmt, value):
    b = bytearray(data)
    struct.pack_into(fmt, b, off, value)
    return bytes(b)


def build():
    good = package()
    loc, cd = locate(good)
    crc = struct.unpack_from("<I", good, loc + 14)[0]
    usize = struct.unpack_from("<I", good, loc + 22)[0]
    csize = struct.unpack_from("<I", good, loc + 18)[0]
    nlen = struct.unpack_from("<H", good, loc + 26)[0]
    xlen = struct.unpack_from("<H", good, loc + 28)[0]
    data_at = loc + 30 + nlen + xlen
    files = {}
    files["good.docx"] = good
    files["stored.docx"] = package(method=zipfile.ZIP_STORED)
    files["descriptor.docx"] = package(stream=True)
    files["nonascii.docx"] = package(extra=[("customXml/Übersicht_ß.xml", "<x>Kontakt: %s</x>" % EMAIL)])
    files["crc_cd.docx"] = patch(good, cd + 16, "<I", crc ^ 0xFFFF)              # directory disagrees
    files["crc_both.docx"] = patch(files["crc_cd.docx"], loc + 14, "<I", crc ^ 0xFFFF)
    st = files["stored.docx"]
    sloc, scd = locate(st)
    scrc = struct.unpack_from("<I", st, sloc + 14)[0]
    files["stored_crc.docx"] = patch(patch(st, scd + 16, "<I", scrc ^ 1), sloc + 14, "<I", scrc ^ 1)
    big = patch(patch(good, cd + 24, "<I", usize + 4096), loc + 22, "<I", usize + 4096)
    files["usize_big.docx"] = big
    files["usize_small.docx"] = patch(patch(good, cd + 24, "<I", usize - 100), loc + 22, "<I", usize - 100)
    # a size that would be a 2 GiB allocation: the reader must not trust it
    files["usize_huge.docx"] = patch(patch(good, cd + 24, "<I", 0x7FFFFFF0), loc + 22, "<I", 0x7FFFFFF0)
    # a size the budget would allow, far past what deflate can expand to
    files["usize_lie.docx"] = patch(patch(good, cd + 24, "<I", 0x30000000), loc + 22, "<I", 0x30000000)
    # the directory says stored, the local header deflated
    files["method_cd.docx"] = patch(good, cd + 10, "<H", 0)
    files["encflag.docx"] = patch(patch(good, cd + 8, "<H", 1), loc + 6, "<H", 1)
    corrupt = bytearray(good)
    for i in range(data_at + csize // 3, data_at + csize // 3 + 16):
        corrupt[i] ^= 0x5A
    files["corrupt_data.docx"] = bytes(corrupt)
    files["truncated.docx"] = good[:data_at + csize // 2]
    # a local header whose name differs from the directory's
    lname = bytearray(good)
    lname[loc + 30:loc + 30 + nlen] = b"word/documenX.xml"[:nlen]
    files["lname.docx"] = bytes(lname)
    # two members under one name: the first holds the values
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        import warnings
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for name, d in (("[Content_Types].xml", CT), ("_rels/.rels", RELS), (DOC_NAME, document()),
                            (DOC_NAME, document(paragraphs=0))):
                z.writestr(zipfile.ZipInfo(name, date_time=(2014, 11, 24, 9, 0, 0)), d)
    files["dupnames.docx"] = buf.getvalue()
    # a member that inflates far over the bomb ratio
    files["bomb.docx"] = package(doc=document(filler=8 << 20))
    return files


# What a scan must say of each: coverage, reasons that must be there, and
# whether the planted values are found (None: either).
EXPECT = {
    "good.docx": ("full", [], True),
    "stored.docx": ("full", [], True),
    "descriptor.docx": ("full", [], True),
    "nonascii.docx": ("full", [], True),
    "crc_cd.docx": ("full", [], True),            # the local header and the data agree
    "dupnames.docx": ("full", [], True),
    "lname.docx": ("full", [], True),             # read by the directory's name
    "crc_both.docx": ("partial", ["parse_error"], True),
    "stored_crc.docx": ("partial", ["parse_error"], True),
    "usize_big.docx": ("partial", ["parse_error"], True),
    "usize_small.docx": ("partial", ["parse_error"], True),
    "usize_huge.docx": ("partial", ["parse_error"], True),
    "usize_lie.docx": ("partial", ["parse_error"], True),
    "method_cd.docx": ("full", [], True),        # read by its local header
    "encflag.docx": ("partial", ["encrypted"], False),
    "corrupt_data.docx": ("partial", ["parse_error"], None),
    "truncated.docx": ("partial", ["truncated"], None),
    "bomb.docx": ("partial", ["limit:bytes"], None),
}


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    files = build()
    for name, data in files.items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)
    return sorted(files)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    for n in generate(sys.argv[1]):
        print(n)
