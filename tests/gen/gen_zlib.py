#!/usr/bin/env python3
"""Bare zlib streams (RFC 1950) for tests/e2e/test_zlib.py: the zlib
handler (src/extract/zlibfile.c) inflates them; the raw scan saw nothing.

    gen_zlib.py OUTDIR

Written with Python's zlib (all values fake):
- notes.zlib: zlib.compress() of a text with an SSN and an address;
- cache.bin: the same kind of stream under a name that says nothing (libmagic
  calls it zlib data);
- export.zz: a zlib'd zip whose member holds an SSN (a child of a child);
- cut.zlib: a stream cut in half: what came before the cut is read,
  truncated;
- trailing.zlib: a stream followed by plain bytes holding an address;
- bomb.zlib: 64 MiB of zeros in 64 KiB: cut at the bomb ratio;
- decoy.bin: random bytes that start with the two header bytes 78 9C but are
  no stream: not the zlib handler's, no finding.
"""
import io
import os
import random
import sys
import zipfile
import zlib

SSN1, SSN2, SSN3 = "536-22-1874", "536-22-1875", "536-22-1876"
NOTE = ("Employee record\nName: Jane Roe\nSSN: %s\nE-mail: jane.roe@acme-payroll.com\n" % SSN1).encode()


def generate(out):
    os.makedirs(out, exist_ok=True)

    def put(name, data):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)

    put("notes.zlib", zlib.compress(NOTE, 9))
    put("cache.bin", zlib.compress(("cached profile\nSSN: %s\n" % SSN2).encode() * 3, 6))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("hr/staff.txt", "Staff list\nSSN: %s\n" % SSN3)
    put("export.zz", zlib.compress(buf.getvalue(), 9))
    long_text = b"".join(b"line %05d of the payroll export, nothing to see\n" % i for i in range(4000))
    z = zlib.compress(long_text + ("SSN: %s\n" % "536-22-1877").encode(), 9)
    put("cut.zlib", z[: len(z) // 2])
    put("trailing.zlib", zlib.compress(b"the stream's own text\n", 9) + b"appended: w.zhang@acme-payroll.com\n")
    put("bomb.zlib", zlib.compress(bytes(64 << 20), 9))
    rnd = random.Random(7)
    put("decoy.bin", b"\x78\x9c" + bytes(rnd.randrange(256) for _ in range(4094)))
    return {"ssn": [SSN1, SSN2, SSN3]}


if __name__ == "__main__":
    generate(sys.argv[1])
