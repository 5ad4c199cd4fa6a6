#!/usr/bin/env python3
"""Images cut short, and whole ones that look cut to a naive check
(Python's standard library only: PNG through zlib, JPEG written marker by
marker). leaksift does not decode media, but a JPEG or PNG says where it
ends, so a cut one is noted truncated.

  whole.png            a complete PNG (IHDR, IDAT, tEXt with an e-mail, IEND)
  cut.png              its first 70%: no IEND
  cut_in_chunk.png     cut inside a chunk's length field
  whole.jpg            SOI, APP0 JFIF, APP1 EXIF holding a thumbnail JPEG
                       (with its own EOI), DQT, SOF0, DHT, SOS, data, EOI
  cut.jpg              cut in the entropy-coded data: the only EOI left is
                       the thumbnail's, inside APP1
  cut_headers.jpg      cut before SOS
  motion.jpg           whole, with 200 KB of other data after EOI
  stuffed.jpg          entropy data full of FF 00 and restart markers, whole
  not_a_layout.jpg     SOI then bytes that are no marker: not judged
  no_scan.jpg          header segments and EOI as its last two bytes, no
                       image data (a stub, as polyglot generators write)

Usage: gen_media.py OUTDIR   (prints {name: expected cut?} as JSON)
"""
import json
import os
import random
import struct
import sys
import zlib

EMAIL = "m.okafor@example.org"


def png(w=64, h=64, seed=1):
    rnd = random.Random(seed)
    raw = b"".join(b"\0" + bytes(rnd.getrandbits(8) for _ in range(3 * w)) for _ in range(h))

    def chunk(t, data):
        return struct.pack(">I", len(data)) + t + data + struct.pack(">I", zlib.crc32(t + data))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
            chunk(b"tEXt", b"Author\0" + EMAIL.encode()) + chunk(b"IDAT", zlib.compress(raw, 1)) +
            chunk(b"IEND", b""))


def seg(marker, body):
    return b"\xff" + bytes([marker]) + struct.pack(">H", len(body) + 2) + body


def entropy(n, seed):
    """Entropy-coded bytes: every 0xFF stuffed with 0x00, a restart marker
    now and then, never FF D9."""
    rnd = random.Random(seed)
    out = bytearray()
    k = 0
    while len(out) < n:
        b = rnd.getrandbits(8)
        out.append(b)
        if b == 0xFF:
            out.append(0x00)
        if len(out) % 997 == 0:
            out += bytes([0xFF, 0xD0 + k % 8])
            k += 1
    return bytes(out)


def jpeg(data_len=30000, seed=2, thumb=True):
    dqt = seg(0xDB, b"\x00" + bytes(range(1, 65)))
    sof = seg(0xC0, b"\x08" + struct.pack(">HH", 16, 16) + b"\x01\x01\x11\x00")
    dht = seg(0xC4, b"\x00" + bytes([0, 1, 5, 1, 1, 1, 1, 1, 1] + [0] * 7) + bytes(range(12)))
    sos = seg(0xDA, b"\x01\x01\x00\x00\x3f\x00")
    small = b"\xff\xd8" + dqt + sof + dht + sos + entropy(300, seed + 1) + b"\xff\xd9"
    app0 = seg(0xE0, b"JFIF\0\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    app1 = seg(0xE1, b"Exif\0\0" + b"MM\0\x2a\0\0\0\x08" + small) if thumb else b""
    com = seg(0xFE, ("Photo by " + EMAIL).encode())
    return (b"\xff\xd8" + app0 + app1 + com + dqt + sof + dht + sos + entropy(data_len, seed) +
            b"\xff\xd9")


def fixtures():
    f = {}
    p = png()
    f["whole.png"] = (p, False)
    f["cut.png"] = (p[: int(len(p) * 0.7)], True)
    f["cut_in_chunk.png"] = (p[:8 + 25 + 2], True)  # signature, IHDR, 2 bytes of the next length
    j = jpeg()
    f["whole.jpg"] = (j, False)
    f["cut.jpg"] = (j[: len(j) - 5000], True)
    sos_at = j.index(b"\xff\xda", j.index(b"\xff\xfe"))
    f["cut_headers.jpg"] = (j[:sos_at - 10], True)
    f["motion.jpg"] = (j + b"\0\0\0\x18ftypmp42" + random.Random(3).randbytes(200000), False)
    f["stuffed.jpg"] = (jpeg(data_len=80000, seed=9, thumb=False), False)
    f["no_scan.jpg"] = (b"\xff\xd8" + seg(0xE0, b"JFIF\0\x01\x01\x00\x00\x01\x00\x01\x00\x00") +
                        seg(0xFE, ("by " + EMAIL).encode()) + b"\xff\xd9", False)
    f["not_a_layout.jpg"] = (b"\xff\xd8\xff\xe0\x00\x10JFIF\0\x01\x01\0\0\x01\0\x01\0\0" + b"garbage" * 100, False)
    return f


def generate(out):
    os.makedirs(out, exist_ok=True)
    expect = {}
    for name, (data, cut) in fixtures().items():
        with open(os.path.join(out, name), "wb") as fh:
            fh.write(data)
        expect[name] = cut
    return expect


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    print(json.dumps(generate(sys.argv[1]), indent=1, sort_keys=True))
