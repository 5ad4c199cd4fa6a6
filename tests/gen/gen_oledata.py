#!/usr/bin/env python3
"""Generate an oledata.mso as Word writes it for the embedded objects of
a Word 2003 XML document (w:binData w:name="oledata.mso") or of a
document saved as a web page ("X_files/oledata.mso"): a compound file
whose root holds one stream per object, each a u32 decompressed size and
a zlib stream of the object's own compound file. Tika's
testWORD2003.xml holds one (an Excel sheet and a PDF package); leaksift
read it as a compound file with "no document stream" (partial).

    python3 gen_oledata.py OUTDIR   # oledata.mso, embeds.xml, bomb.mso
"""
import base64
import os
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from cfb_writer import CFBWriter  # noqa: E402
import gen_ole2  # noqa: E402

NOTE = "Embedded note: payroll contact oledata.owner@example.org\n"


def packed(blob):
    return struct.pack("<I", len(blob)) + zlib.compress(blob)


def oledata():
    obj = CFBWriter()
    obj.add_stream("\x01Ole10Native", gen_ole2.ole10native("note.txt", NOTE.encode()))
    inner, _ = obj.build()
    w = CFBWriter()
    w.add_stream("_1523270608", packed(inner))
    w.add_stream("_1523270609", packed(gen_ole2.small_xls()))
    blob, _ = w.build()
    return blob


def bomb():
    """An oledata.mso whose one object is 64 MiB of zeros in 64 KB."""
    c = zlib.compressobj(9)
    z = b"".join(c.compress(bytes(1 << 20)) for _ in range(64)) + c.flush()
    w = CFBWriter()
    w.add_stream("_1523270610", struct.pack("<I", 64 << 20) + z)
    return w.build()[0]


def word_xml(mso):
    b64 = base64.encodebytes(mso).decode()
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            '<?mso-application progid="Word.Document"?>\n'
            '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" '
            'xmlns:o="urn:schemas-microsoft-com:office:office">'
            '<w:body><w:p><w:r><w:t>Document with embedded objects</w:t></w:r></w:p>'
            '<w:binData w:name="oledata.mso">' + b64 + '</w:binData>'
            '</w:body></w:wordDocument>\n')


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    mso = oledata()
    with open(os.path.join(outdir, "oledata.mso"), "wb") as f:
        f.write(mso)
    with open(os.path.join(outdir, "embeds.xml"), "w", encoding="utf-8") as f:
        f.write(word_xml(mso))
    with open(os.path.join(outdir, "bomb.mso"), "wb") as f:
        f.write(bomb())


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.stderr.write(__doc__)
        sys.exit(2)
    generate(sys.argv[1])
