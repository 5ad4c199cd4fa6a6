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
  record is there: not a cut): both stay `full`.

generate(dir) writes them and fills EXPECT {file: {member: (coverage,
reasons that must be there, PII found or an errors substring)}} (checked
by lsutil.check_expect).
"""
import io
import os
import random
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_unpack2 import PII, SSN  # noqa: E402,F401 (shared PII)

EXPECT = {}

MEMO = ("Quarterly staffing memo\n" + "The payroll export is attached for review.\n" * 40).encode()


def zip_bytes():
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_STORED) as z:
        z.writestr(zipfile.ZipInfo("hr/staff.txt", (2014, 11, 24, 9, 30, 0)), PII.encode())
        z.writestr(zipfile.ZipInfo("hr/memo.txt", (2014, 11, 24, 9, 31, 0)), MEMO)
    return b.getvalue()


def prefix(n, seed):
    r = random.Random(seed)
    return bytes(r.getrandbits(8) for _ in range(n)).replace(b"PK", b"pk")


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
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
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
