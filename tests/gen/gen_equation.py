#!/usr/bin/env python3
"""Generate embedded equations as Word and PowerPoint keep them: an OLE
object (CompObj, ObjInfo, "Equation Native") whose stream is a 28-byte
EQNOLEFILEHDR and MTEF data (Design Science's MTEF v.3 as Equation Editor
3.0 writes it, v.5 as MathType writes it). The Open-XML-SDK test files hold
163 of them (word/embeddings/oleObjectN.bin, ppt/embeddings/...); leaksift
said "no document stream this handler knows" (unsupported, partial) for
each, and an equation in a .doc's ObjectPool was passed over silently.

    python3 gen_equation.py OUTDIR   # eq3.bin eq5.bin eqdamaged.bin
                                     # equations.docx equation.doc
"""
import os
import struct
import sys
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from cfb_writer import CFBWriter  # noqa: E402
import gen_ole2  # noqa: E402

# Words the tests look for; the digits form a labelled SSN once extracted.
EQ3_TEXT = "SSN=536-22-1874"
EQ5_TEXT = "Invoice=4111"


def eqn_header(mtef):
    return struct.pack("<HIHIIIII", 28, 0x00020000, 0xC1F0, len(mtef), 0, 0, 0, 0)


def v3_char(ch, face=3, embell=False):
    """CHAR: tag (xfAUTO, xfEMBELL in the high nibble), typeface + 128,
    16-bit character; an embellishment list (EMBELL prime, its 0-ended
    embellishment bytes, END) when embell."""
    tag = 0x02 | 0x10 | (0x20 if embell else 0)
    rec = bytes([tag, (face + 128) & 0xFF]) + struct.pack("<H", ord(ch))
    if embell:
        rec += b"\x06\x05\x00" + b"\x00"
    return rec


def mtef3():
    """x' = SSN=536-22-1874 over a fraction template, then padding after
    the outermost END as Equation Editor leaves it."""
    h = bytes([3, 1, 1, 3, 10])
    body = b"\x0a"                                  # FULL
    body += b"\x08\x03\x01Times New Roman\x00"      # FONT
    body += b"\x09\x64\x00\x0c\x00"                 # SIZE lsize=100 form
    body += b"\x01"                                 # LINE
    body += v3_char("x", embell=True)
    body += b"\x03\x0e\x00\x00"                     # TMPL fraction
    body += b"\x01" + b"".join(v3_char(c) for c in EQ3_TEXT[:4]) + b"\x00"
    body += b"\x01" + b"".join(v3_char(c, face=8) for c in EQ3_TEXT[4:]) + b"\x00"
    body += b"\x00"                                 # end of template
    body += b"\x11"                                 # LINE xfNULL (empty slot, no list)
    body += b"\x85\x01\x02" + b"\x00\x00\x00\x01\x01\x00\x00"  # MATRIX, nudge, 1x1
    body += b"\x01" + v3_char("q") + b"\x00"
    body += b"\x00"                                 # end of matrix
    body += b"\x00"                                 # end of LINE
    return h + body + b"\x00\x00\xef\xef" + b"\x00" * 8


def v5_char(ch):
    return bytes([0x02, 0x00, 0x83]) + struct.pack("<H", ord(ch))


def mtef5():
    h = bytes([5, 1, 0, 6, 0]) + b"DSMT6\x00" + b"\x00"
    body = b"\x13WinAllBasicCodePages\x00"          # ENCODING_DEF
    body += b"\x11\x01Times New Roman\x00"           # FONT_DEF
    body += b"\x08\x01\x00"                          # FONT_STYLE_DEF
    body += b"\x12\x00" + b"\x01\x01\x2f" + b"\x01\x00\x0f" + b"\x02\x01\x00\x00"  # EQN_PREFS
    body += b"\x0a"                                  # FULL
    body += b"\x01\x00"                              # LINE
    body += b"".join(v5_char(c) for c in EQ5_TEXT)
    body += b"\x00\x00"
    return h + body


def eqn_object(mtef, compobj=True):
    w = CFBWriter()
    if compobj:
        w.add_stream("\x01CompObj", b"\x01\x00\xfe\xff\x03\x0a\x00\x00" + b"\0" * 20)
    w.add_stream("\x03ObjInfo", b"\x00\x00\x03\x00\x01\x00")
    w.add_stream("Equation Native", eqn_header(mtef) + mtef)
    blob, _ = w.build()
    return blob


def docx(obj):
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="bin" ContentType="application/vnd.openxmlformats-officedocument.oleObject"/>'
          '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
          'officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    drels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
             '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
             '<Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
             'relationships/oleObject" Target="embeddings/oleObject1.bin"/></Relationships>')
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
           'xmlns:o="urn:schemas-microsoft-com:office:office" '
           'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
           '<w:body><w:p><w:r><w:t>The natural frequency is</w:t></w:r><w:r><w:object>'
           '<o:OLEObject Type="Embed" ProgID="Equation.3" ShapeID="_x0000_i1025" '
           'DrawAspect="Content" ObjectID="_1234567890" r:id="rId5"/></w:object></w:r></w:p>'
           '</w:body></w:document>')
    import io
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", ct)
        z.writestr("_rels/.rels", rels)
        z.writestr("word/document.xml", doc)
        z.writestr("word/_rels/document.xml.rels", drels)
        z.writestr("word/embeddings/oleObject1.bin", obj)
    return buf.getvalue()


def doc_with_equation(mtef):
    """A .doc whose ObjectPool holds one equation storage."""
    blob, _ = gen_ole2.plain_doc(extra={
        "ObjectPool/_1234567890/\x01CompObj": b"\x01\x00\xfe\xff\x03\x0a\x00\x00" + b"\0" * 20,
        "ObjectPool/_1234567890/\x03ObjInfo": b"\x00\x00\x03\x00\x01\x00",
        "ObjectPool/_1234567890/Equation Native": eqn_header(mtef) + mtef,
    })
    return blob


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    m3 = mtef3()
    files = {
        "eq3.bin": eqn_object(m3),
        "eq5.bin": eqn_object(mtef5(), compobj=False),
        # cut inside the template: the characters before the cut are kept
        "eqdamaged.bin": eqn_object(m3[:60]),
        "equations.docx": docx(eqn_object(m3)),
        "equation.doc": doc_with_equation(m3),
    }
    for name, data in files.items():
        with open(os.path.join(outdir, name), "wb") as f:
            f.write(data)


if __name__ == "__main__":
    generate(sys.argv[1] if len(sys.argv) > 1 else ".")
