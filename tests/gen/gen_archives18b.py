#!/usr/bin/env python3
"""Fixtures for tests/e2e/test_archives18b.py: a zip cut before its end
records that does not start at byte 0 (a self-extractor's program, padding
or another file in front of it; found cutting libarchive's zip_sfx,
zip_padded and compat_zip_4 test files, never copied here). libarchive's
seekable zip reader needs the end record and its streaming reader a local
header at byte 0, so such a file read as a blob, `full`, its members
unread. Written from scratch with zipfile and a seeded random prefix:

- prefix + zip cut inside its central directory (every member whole);
- prefix + zip cut inside its second member's data;
- the same zip whole after the prefix (stays `full`, read as before);
- a random blob holding one "PK\\x03\\x04" with no sane local header after
  it, and one with a whole zip inside it followed by more bytes (its end
  record is there: not a cut): both stay `full`;
- tars compressed as several bzip2 or xz streams one after another
  (pbzip2, pixz, `cat`; libarchive's compat_bzip2_1 and compat_xz_1 are
  such), cut inside the second stream: libarchive's filter fails at open
  (it drops the block it was decoding) and the member the first stream
  holds whole was lost (`truncated`, "nothing could be decoded"); the
  same files whole stay `full`.

generate(dir) writes them and fills EXPECT {file: {member: (coverage,
reasons that must be there, PII found or an errors substring)}} (checked
by lsutil.check_expect).
"""
import bz2
import io
import lzma
import os
import sys
import tarfile
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arc_common import PII, SSN, memo, noise, tar_bytes, write_all  # noqa: E402,F401 (shared PII)

EXPECT = {}

MEMO = memo(40)


def zip_bytes():
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_STORED) as z:
        z.writestr(zipfile.ZipInfo("hr/staff.txt", (2014, 11, 24, 9, 30, 0)), PII.encode())
        z.writestr(zipfile.ZipInfo("hr/memo.txt", (2014, 11, 24, 9, 31, 0)), MEMO)
    return b.getvalue()


def prefix(n, seed):
    return noise(n, seed).replace(b"PK", b"pk")


def multistream(compress):
    """A tar whose first member (the PII) ends in the first stream, the
    second member in the second; the whole file and one cut halfway into
    the second stream."""
    raw = tar_bytes((("staff.txt", PII.encode() * 4), ("memo.txt", MEMO * 8)), tarfile.USTAR_FORMAT, 1416821400)
    split = 512 + (len(PII.encode() * 4) + 511) // 512 * 512
    s1, s2 = compress(raw[:split]), compress(raw[split:])
    return s1 + s2, s1 + s2[:len(s2) // 2]


def generate(out):
    os.makedirs(out, exist_ok=True)
    EXPECT.clear()
    z = zip_bytes()
    cd = z.find(b"PK\x01\x02")
    second = z.find(b"PK\x03\x04", 4)
    stub = prefix(1500, 18)
    files = {
        "cut_in_directory.bin": stub + z[:cd + 20],
        "cut_in_member.bin": stub + z[:second + 30 + len("hr/memo.txt") + 100],
        "whole_after_prefix.bin": stub + z,
        "stray_signature.bin": prefix(3000, 19)[:1200] + b"PK\x03\x04" + prefix(3000, 20)[:1800],
        "zip_inside.bin": stub + z + prefix(2000, 21),
    }
    for ext, comp in (("bz2", bz2.compress), ("xz", lzma.compress)):
        whole, cut = multistream(comp)
        files["streams_whole.tar." + ext] = whole
        files["streams_cut.tar." + ext] = cut
        EXPECT["streams_whole.tar." + ext] = {"": ("full", [], None),
                                              "staff.txt": ("full", [], True),
                                              "memo.txt": ("full", [], None)}
        EXPECT["streams_cut.tar." + ext] = {"": ("partial", ["truncated"], "whole streams before it"),
                                            "staff.txt": ("full", [], True)}
    write_all(out, files)
    why = "no end of central directory record"
    EXPECT["cut_in_directory.bin"] = {"": ("partial", ["truncated"], why),
                                      "hr/staff.txt": ("full", [], True),
                                      "hr/memo.txt": ("full", [], None),
                                      "hidden_prefix": ("full", [], None)}
    EXPECT["cut_in_member.bin"] = {"": ("partial", ["truncated"], why),
                                   "hr/staff.txt": ("full", [], True)}
    EXPECT["whole_after_prefix.bin"] = {"": ("full", [], None),
                                        "hr/staff.txt": ("full", [], True)}
    EXPECT["stray_signature.bin"] = {"": ("full", [], None)}
    EXPECT["zip_inside.bin"] = {"": ("full", [], None)}
    return EXPECT


if __name__ == "__main__":
    generate(sys.argv[1] if len(sys.argv) > 1 else "archives18b")
