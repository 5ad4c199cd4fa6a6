#!/usr/bin/env python3
"""Binaries that store their text as UTF-16LE, as Windows programs do
(tests/e2e/test_wide.py): no handler reads them, so leaksift lists their
UTF-16LE strings into the text (pipeline.c, "UTF-16 strings in binaries").

    python3 gen_wide.py OUTDIR     # the files below + expect.json

  resource.bin   random bytes, an e-mail address and an SSN in UTF-16LE at
                 an even offset, a Latin-1 name (U+00E9) in between
  odd.bin        the SSN at an odd offset
  short.bin      UTF-16LE runs shorter than six characters only (nothing)
  noise.bin      random bytes only (nothing)
  photo.png      a PNG whose private chunk holds the SSN in UTF-16LE: media
                 is not listed (its metadata is read as printable runs)

expect.json: {file: {"entities": [...], "text": bool}}
"""
import json
import os
import random
import struct
import sys
import zlib

RND = random.Random(20261129)


def rnd(n):
    return bytes(RND.getrandbits(8) for _ in range(n))


def w16(s):
    return s.encode("utf-16-le")


def png_with(chunk_data):
    def chunk(t, d):
        return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    idat = zlib.compress(b"\x00\x00")
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"prVt", chunk_data) +
            chunk(b"IDAT", idat) + chunk(b"IEND", b""))


def generate(out):
    os.makedirs(out, exist_ok=True)
    files = {
        "resource.bin": (rnd(2000) + w16("Owner: Ren\u00e9e Dubois <renee.dubois@example.org>") + rnd(64) +
                         w16("SSN 536-22-1874") + rnd(2000), ["email", "ssn"], True),
        "odd.bin": (rnd(2001) + w16("Employee SSN 536-22-1874") + rnd(2000), ["ssn"], True),
        "short.bin": (rnd(500) + w16("SSN") + rnd(9) + w16("53622") + rnd(500), [], False),
        "noise.bin": (rnd(65536), [], False),
        "photo.png": (png_with(w16("Employee SSN 536-22-1874")), [], False),
    }
    expect = {}
    for name, (data, ents, text) in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        expect[name] = {"entities": ents, "text": text}
    with open(os.path.join(out, "expect.json"), "w") as f:
        json.dump(expect, f, indent=1, sort_keys=True)
    return expect


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    print(json.dumps(generate(sys.argv[1]), indent=1, sort_keys=True))
