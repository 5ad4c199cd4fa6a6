#!/usr/bin/env python3
"""Small OLE2 files for the text-loss classes found by comparing leaksift
with LibreOffice on real Word/Excel/PowerPoint 97-2003 files (docs/formats.md,
OLE2 section, "Recall against LibreOffice"). Stdlib only, via cfb_writer.py.

    python3 tests/gen/gen_ole2_real.py OUTDIR          # all fixtures
    python3 tests/gen/gen_ole2_real.py --corpus DIR    # fuzz seeds (same files)

Files (all PII fake):
  word6_fastsaved.doc  Word 6.0 file saved with "fast save" (FIB fComplex):
                       the piece table (CLX in WordDocument at 0x160) maps an
                       edit appended after fcMac; fcMin..fcMac also holds
                       text the edit deleted (POI TestInvertedClassID.doc,
                       Bug50955.doc: 430 and 164 words lost)
  ppt_comment.ppt      a slide comment (Comment10Container) inside the
                       BinaryTagDataBlob of a "___PPT10" tag, which has
                       recVer 0 although it holds records (POI
                       WithComments.ppt, Tika testPPT_comment.ppt)
"""
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cfb_writer import CFBWriter  # noqa: E402
from gen_ole2 import summary_info  # noqa: E402

W6_KEPT = "Personnel file of Jane Doe\r"
W6_DELETED = "Deleted paragraph: old SSN 536-22-1874\r"
W6_APPENDED = "Added by fast save: card 4556 7375 8689 9855, mail w6.fast@example.com\r"
W6_TAIL = "End of file\r"


def word6_fastsaved():
    """WordDocument of a Word 6.0 file (wIdent 0xA5DC, nFib 0x65, fComplex):
    fcMin..fcMac = KEPT + DELETED + TAIL, the appended edit after fcMac, the
    CLX after it; the pieces read KEPT, APPENDED, TAIL (DELETED is in no
    piece)."""
    fcmin = 0x300
    kept, deleted, tail = (t.encode("cp1252") for t in (W6_KEPT, W6_DELETED, W6_TAIL))
    appended = W6_APPENDED.encode("cp1252")
    text = kept + deleted + tail
    fcmac = fcmin + len(text)
    fc_app = fcmac + 16
    fc_clx = fc_app + len(appended) + 16
    pieces = [(fcmin, len(kept)), (fc_app, len(appended)), (fcmin + len(kept) + len(deleted), len(tail))]
    cps = [0]
    for _, n in pieces:
        cps.append(cps[-1] + n)
    plc = struct.pack("<%dI" % len(cps), *cps)
    for fc, _ in pieces:
        plc += struct.pack("<HIH", 0, fc, 0)
    clx = b"\x01" + struct.pack("<H", 2) + b"\0\0" + b"\x02" + struct.pack("<I", len(plc)) + plc
    wd = bytearray(fc_clx + len(clx))
    struct.pack_into("<HH", wd, 0, 0xA5DC, 0x0065)
    struct.pack_into("<H", wd, 10, 0x0004 | (2 << 4))  # fComplex, cQuickSaves 2
    struct.pack_into("<II", wd, 0x18, fcmin, fcmac)
    struct.pack_into("<I", wd, 0x34, cps[-1])  # ccpText
    struct.pack_into("<II", wd, 0x160, fc_clx, len(clx))
    wd[fcmin:fcmac] = text
    wd[fc_app:fc_app + len(appended)] = appended
    wd[fc_clx:] = clx
    w = CFBWriter()
    w.add_stream("WordDocument", bytes(wd))
    w.add_stream("\x05SummaryInformation", summary_info("Personnel", "Jane Doe"))
    return w.build()[0]


PPT_SLIDE = "Quarterly figures"
PPT_AUTHOR = "Jane Doe"
PPT_COMMENT = "Comment: the admin password is in hr.vault@example.com's mail"


def _rec(ver, inst, rtype, body):
    return struct.pack("<HHI", ver | (inst << 4), rtype, len(body)) + body


def ppt_comment():
    """A slide whose ProgTags hold a "___PPT10" ProgBinaryTag; its
    BinaryTagDataBlob (0x138B, recVer 0) holds a Comment10Container (0x2EE0)
    with the author (CString instance 0), the text (1), the initials (2)
    and a Comment10Atom (0x2EE1)."""
    def cstr(inst, s):
        return _rec(0, inst, 0x0FBA, s.encode("utf-16-le"))
    text = _rec(0, 0, 0x0FA0, PPT_SLIDE.encode("utf-16-le"))
    comment = _rec(0xF, 1, 0x2EE0, cstr(0, PPT_AUTHOR) + cstr(1, PPT_COMMENT) + cstr(2, "JD") +
                   _rec(0, 0, 0x2EE1, struct.pack("<i", 1) + b"\0" * 24))
    blob = _rec(0, 0, 0x138B, comment)
    tag = _rec(0xF, 0, 0x1388, _rec(0xF, 0, 0x138A, cstr(0, "___PPT10") + blob))
    slide = _rec(0xF, 0, 0x03EE, _rec(0xF, 0, 0x0FF0, text) + tag)
    doc = _rec(0xF, 0, 0x03E8, b"") + slide
    w = CFBWriter()
    w.add_stream("PowerPoint Document", doc)
    w.add_stream("Current User", b"\0" * 20)
    return w.build()[0]


def generate(out):
    os.makedirs(out, exist_ok=True)
    files = {"word6_fastsaved.doc": word6_fastsaved(), "ppt_comment.ppt": ppt_comment()}
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    return sorted(files)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--corpus":
        generate(sys.argv[2])
    elif len(sys.argv) == 2:
        generate(sys.argv[1])
    else:
        sys.exit(__doc__)
