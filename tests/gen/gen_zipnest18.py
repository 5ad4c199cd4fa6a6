#!/usr/bin/env python3
"""Fixtures for tests/e2e/test_zipnest18.py: a zip cut short whose STORED
member is itself a zip (a backup.zip of stored .zip files; Apache POI's
bar-chart-template.pptx holds a stored xlsx, never copied here). Cut in or
before the outer directory, or one byte short of its end record, the last
end record left in the file is the INNER zip's: its directory lies where
it says relative to the inner zip's start, so it passed for a
self-extractor's and the reader said `full` with the inner members as the
outer's (the outer's own members and the cut unsaid). Written from scratch
with zipfile:

- backup.zip: readme.txt, inner.zip (stored; it holds hr/staff.txt with
  the PII and hr/memo.txt), notes.txt; whole, cut inside its directory,
  right before it, inside notes.txt, one byte short, and inside inner.zip
  (before the inner end record: no end record at all, read as before);
- the same zip with a whole second zip appended (not a cut: stays as it
  was read, `full`);
- a jar-like zip written to a pipe (every size in a data descriptor): a
  deflated member, then two stored zips; cut inside the second (the
  first's end record is then the last) and whole;
- the same zip after a self-extractor's program, cut in its directory
  (read by its local headers from the program's end) and whole;
- report.docx: a package whose stored embedding is itself a docx (the
  PII in the embedded one), whole and cut inside its directory.

generate(dir) writes them and fills EXPECT {file: {member path joined by
"/"... as a tuple: (coverage, reasons that must be there, PII found or an
errors substring, False: the member must NOT be there)}}.
"""
import io
import os
import random
import struct
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_unpack2 import PII, SSN  # noqa: E402,F401 (shared PII)

EXPECT = {}
WHEN = (2014, 11, 24, 9, 30, 0)
MEMO = ("Quarterly staffing memo\n" + "The payroll export is attached for review.\n" * 30).encode()
NOTES = ("Backup notes\n" + "Restore the share from the nightly set.\n" * 30).encode()


def zipof(members, method=zipfile.ZIP_STORED):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", method) as z:
        for name, data in members:
            z.writestr(zipfile.ZipInfo(name, WHEN), data)
    return b.getvalue()


class Unseekable(io.RawIOBase):
    """A pipe: zipfile then writes every member with a data descriptor
    (flag bit 3, sizes 0 in the local header), as `zip - ` or a streaming
    jar writer does."""

    def __init__(self):
        super().__init__()
        self.buf = bytearray()

    def writable(self):
        return True

    def write(self, b):
        self.buf += b
        return len(b)


def streamed(members):
    out = Unseekable()
    with zipfile.ZipFile(out, "w") as z:
        for name, data, method in members:
            zi = zipfile.ZipInfo(name, WHEN)
            zi.compress_type = method
            with z.open(zi, "w") as w:
                w.write(data)
    return bytes(out.buf)


def inner_zip():
    return zipof([("hr/staff.txt", PII.encode()), ("hr/memo.txt", MEMO)], zipfile.ZIP_DEFLATED)


def docx(text, embed=None):
    ct = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
          'package/2006/content-types"><Default Extension="rels" ContentType="application/'
          'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType='
          '"application/xml"/><Default Extension="docx" ContentType="application/vnd.openxmlformats-'
          'officedocument.wordprocessingml.document"/><Override PartName="/word/document.xml" '
          'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.'
          'main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.'
            'org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/'
            'document.xml"/></Relationships>')
    doc = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.'
           'org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>' + text +
           '</w:t></w:r></w:p></w:body></w:document>')
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in (("[Content_Types].xml", ct), ("_rels/.rels", rels), ("word/document.xml", doc)):
            z.writestr(zipfile.ZipInfo(name, WHEN), data, zipfile.ZIP_DEFLATED)
        if embed is not None:
            z.writestr(zipfile.ZipInfo("word/embeddings/Microsoft_Word_Document.docx", WHEN), embed,
                       zipfile.ZIP_STORED)
        z.writestr(zipfile.ZipInfo("docProps/app.xml", WHEN),
                   '<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.'
                   'openxmlformats.org/officeDocument/2006/extended-properties"><Application>'
                   'Microsoft Office Word</Application></Properties>', zipfile.ZIP_DEFLATED)
    return b.getvalue()


def generate(out):
    os.makedirs(out, exist_ok=True)
    EXPECT.clear()
    inner = inner_zip()
    outer = zipof([("readme.txt", MEMO), ("inner.zip", inner), ("notes.txt", NOTES)])
    cd = struct.unpack_from("<I", outer, len(outer) - 6)[0]  # the outer directory (end record)
    istart = outer.find(inner)
    notes = outer.find(b"PK\x03\x04", istart + len(inner))
    other = zipof([("extra/other.txt", NOTES)])
    embedded = docx("Embedded staff sheet: " + PII.strip())
    pkg = docx("Quarterly report, see the embedded sheet.", embedded)
    pcd = struct.unpack_from("<I", pkg, len(pkg) - 6)[0]
    r = random.Random(18)
    stub = bytes(r.getrandbits(8) for _ in range(1500)).replace(b"PK", b"pk")  # a program in front
    # a jar-like file written to a pipe: a deflated member first (its size
    # only in its descriptor), then two stored zips; cut inside the second
    # stored zip, the first one's end record is the last in the file
    jar = streamed([("META-INF/MANIFEST.MF", MEMO, zipfile.ZIP_DEFLATED), ("lib/a.zip", inner, zipfile.ZIP_STORED),
                    ("lib/b.zip", zipof([("b/notes.txt", NOTES)]), zipfile.ZIP_STORED)])
    bstart = jar.find(b"lib/b.zip") + len("lib/b.zip")
    files = {
        "streamed_cut.jar": jar[:bstart + 200],
        "streamed_whole.jar": jar,
        "whole.zip": outer,
        "cut_in_directory.zip": outer[:cd + 60],
        "cut_before_directory.zip": outer[:cd],
        "cut_in_last_member.zip": outer[:notes + 30 + len("notes.txt") + 200],
        "one_byte_short.zip": outer[:-1],
        "cut_in_inner.zip": outer[:istart + len(inner) // 2],
        "appended.zip": outer + other,
        "sfx_cut.bin": stub + outer[:cd + 60],
        "sfx_whole.bin": stub + outer,
        "whole_package.docx": pkg,
        "cut_package.docx": pkg[:pcd + 40],
    }
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    whole = ("full", [], None)
    staff = ("full", [], True)
    cut = ("partial", ["truncated"], "no end of central directory record")
    for name in ("cut_in_directory.zip", "cut_before_directory.zip", "cut_in_last_member.zip",
                 "one_byte_short.zip"):
        EXPECT[name] = {(): cut,
                        ("readme.txt",): whole,
                        ("inner.zip",): whole,
                        ("inner.zip", "hr/staff.txt"): staff,
                        ("inner.zip", "hr/memo.txt"): whole,
                        # the inner members are not the root's
                        ("hr/staff.txt",): False}
    for name in ("cut_in_directory.zip", "cut_before_directory.zip", "one_byte_short.zip"):
        EXPECT[name][("notes.txt",)] = whole
    EXPECT["whole.zip"] = {(): whole, ("readme.txt",): whole, ("inner.zip",): whole,
                           ("inner.zip", "hr/staff.txt"): staff, ("notes.txt",): whole,
                           ("hr/staff.txt",): False}
    EXPECT["cut_in_inner.zip"] = {(): ("partial", ["truncated"], None), ("readme.txt",): whole,
                                  ("hr/staff.txt",): False}
    EXPECT["appended.zip"] = {(): whole}
    EXPECT["streamed_whole.jar"] = {(): whole, ("lib/a.zip", "hr/staff.txt"): staff, ("hr/staff.txt",): False}
    EXPECT["streamed_cut.jar"] = {(): cut, ("META-INF/MANIFEST.MF",): whole, ("lib/a.zip",): whole,
                                  ("lib/a.zip", "hr/staff.txt"): staff, ("hr/staff.txt",): False}
    EXPECT["sfx_cut.bin"] = dict(EXPECT["cut_in_directory.zip"])
    EXPECT["sfx_cut.bin"][()] = ("partial", ["truncated"], "from offset 1500")
    EXPECT["sfx_whole.bin"] = dict(EXPECT["whole.zip"])
    EXPECT["whole_package.docx"] = {(): whole}
    EXPECT["cut_package.docx"] = {(): ("partial", ["truncated"], None)}
    return EXPECT


if __name__ == "__main__":
    generate(sys.argv[1] if len(sys.argv) > 1 else "zipnest18")
