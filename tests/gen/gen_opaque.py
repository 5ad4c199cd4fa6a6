#!/usr/bin/env python3
"""Containers leaksift has no reader for, and look-alikes (the opaque
handler; tests/e2e/test_opaque.py, fuzz/corpus/opaque/).

    python3 gen_opaque.py OUTDIR          # fixtures + expect.json
    python3 gen_opaque.py --seed DIR      # small fuzz seeds

Each container is its format's published header (the fields libmagic and
the format's readers check) followed by bytes that stand for its
compressed members; the ones libmagic names (ACE, StuffIt, ARC, Zoo, ARJ,
QEMU, WIM) carry the fields its magic database tests. A readable SSN sits
after the header of every container, so the test can see that the raw
bytes are still scanned.

expect.json: {file: "opaque" | "other"} - opaque: handler "opaque",
reason unsupported, verdict not clean; other: a look-alike the handler
must leave alone.
"""
import io
import json
import os
import random
import struct
import sys
import zipfile

RND = random.Random(20261129)
PII = b" Employee SSN 536-22-1874 "


def rnd(n):
    return bytes(RND.getrandbits(8) for _ in range(n))


def body(n=600):
    return rnd(n // 2) + PII + rnd(n // 2)


def fixtures():
    f = {}
    f["a.ace"] = (b"\x00" * 4 + b"\x00\x00\x00" + b"**ACE**" + body(), "opaque")
    f["a.sit"] = (b"SIT!" + struct.pack(">HI", 1, 1000) + b"rLau" + body(), "opaque")
    f["a.sitx"] = (b"StuffIt!" + body(), "opaque")
    f["a.arc"] = (b"\x1a\x08" + b"NAME.TXT\x00\x00\x00\x00\x00" + body(), "opaque")
    f["a.zoo"] = (b"ZOO 2.10 Archive.\x1a\x00\x00\xdc\xa7\xc4\xfd" + body(), "opaque")
    # ARJ main header: magic, size, first header size, versions, host, flags,
    # security, file type 2 (main header) at 0x0A, ..., archive name
    arj = bytearray(b"\x60\xea" + struct.pack("<H", 40) + bytes([30, 11, 1, 2, 0, 0, 2]) + bytes(31))
    arj += b"LEAK.ARJ\x00\x00"
    f["a.arj"] = (bytes(arj) + body(), "opaque")
    f["disk.qcow2"] = (b"QFI\xfb\x00\x00\x00\x03" + body(), "opaque")
    f["install.wim"] = (b"MSWIM\x00\x00\x00" + body(), "opaque")
    f["a.alz"] = (b"ALZ\x01" + body(), "opaque")
    f["a.egg"] = (b"EGGA" + body(), "opaque")
    f["a.zpaq"] = (b"zPQ\x01" + body(), "opaque")
    f["a.bz3"] = (b"BZ3v1" + body(), "opaque")
    f["root.sqsh"] = (b"hsqs" + body(), "opaque")
    # a disk image whose file system keeps names and text as UTF-16LE
    f["disk.vmdk"] = (b"KDMV" + struct.pack("<I", 1) + rnd(300) + "Owner: SSN 536-22-1874".encode("utf-16-le") +
                      body(), "opaque")
    f["disk.vhdx"] = (b"vhdxfile" + body(), "opaque")
    f["disk.vhd"] = (body(1000) + b"conectix" + rnd(504), "opaque")
    f["disk.vdi"] = (b"<<< Oracle VM VirtualBox Disk Image >>>\n".ljust(64, b"\x00") +
                     b"\x7f\x10\xda\xbe" + body(), "opaque")
    f["mac.dmg"] = (body(1000) + b"koly" + struct.pack(">II", 4, 512) + rnd(500), "opaque")
    # compressors libarchive reads only through an external program (lzop,
    # lrzip, grzip), never run: they were "full" and clean (hostile7)
    f["notes.lzo"] = (b"\x89LZO\x00\r\n\x1a\n\x10\x30\x20\x80\x09\x40\x01\x05" + body(), "opaque")
    f["notes.lrz"] = (b"LRZI\x00\x06" + body(), "opaque")
    f["notes.grz"] = (b"GRZipII\x00\x02\x04:)" + body(), "opaque")
    f["help.chm"] = (b"ITSF\x03\x00\x00\x00" + struct.pack("<I", 96) + body(), "opaque")
    # BinHex 4.0 has a reader now (binhex: tests/gen/gen_binhex.py)
    # look-alikes: text that starts with a signature, a readable archive,
    # plain binary, a signature with nothing after it
    f["sqsh_notes.txt"] = (b"hsqs is the squashfs magic; our notes on the firmware.\n" + PII + b"\n", "other")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "hello\n")
    f["plain.zip"] = (buf.getvalue(), "other")
    f["noise.bin"] = (rnd(2048), "other")
    f["bare.alz"] = (b"ALZ\x01", "other")
    return f


def write_fixtures(out, fixtures):
    """Write FIXTURES {name: (bytes, expectation)} into OUT and their
    expectations into OUT/expect.json; return {name: expectation}."""
    os.makedirs(out, exist_ok=True)
    expect = {}
    for name, (data, kind) in fixtures.items():
        with open(os.path.join(out, name), "wb") as fh:
            fh.write(data)
        expect[name] = kind
    with open(os.path.join(out, "expect.json"), "w") as fh:
        json.dump(expect, fh, indent=1, sort_keys=True)
    return expect


def write_seeds(out, fixtures, names):
    """The fuzz seeds: FIXTURES' NAMES into OUT, each "." an "_"."""
    os.makedirs(out, exist_ok=True)
    for name in names:
        with open(os.path.join(out, name.replace(".", "_")), "wb") as fh:
            fh.write(fixtures[name][0])


def main(generate, seeds, usage):
    """The command line: OUTDIR (prints expect.json) or --seed DIR."""
    if len(sys.argv) == 3 and sys.argv[1] == "--seed":
        seeds(sys.argv[2])
    elif len(sys.argv) == 2:
        print(json.dumps(generate(sys.argv[1]), indent=1, sort_keys=True))
    else:
        sys.exit(usage)


def generate(out):
    return write_fixtures(out, fixtures())


def seeds(out):
    write_seeds(out, fixtures(), ("a.ace", "a.arj", "root.sqsh", "disk.vhd", "mac.dmg", "help.chm", "sqsh_notes.txt",
                                  "notes.lzo"))


if __name__ == "__main__":
    main(generate, seeds, __doc__)
