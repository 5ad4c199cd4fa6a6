#!/usr/bin/env python3
"""BinHex 4.0 (.hqx) files as StuffIt or `binhex` on classic Mac OS wrote
them: the encoder is make_hostile5.binhex (RFC 1741: header, CRC-CCITT,
0x90 run-length escapes, 6-bit text in 64-column lines).

    python3 gen_binhex.py OUTDIR

Planted values (fake): SSN_CSV in a CSV, CARD_ZIP in a text file inside a
zip, SSN_CUT before the cut of a truncated file.
"""
import io
import os
import random
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from make_hostile5 import binhex  # noqa: E402

SSN_CSV = "536-22-1874"
CARD_ZIP = "4556 7375 8689 9855"
SSN_CUT = "523-44-6712"
SSN_CLIMB = "401-55-2870"
SSN_PASTED = "612-12-1043"
HQX_ALPHABET = '!"#$%&\'()*+,-012345689@ABCDEFGHIJKLMNPQRSTUVXYZ[`abcdefhijklmpqr'


def rle_bomb(name, data, runs):
    """A BinHex file whose resource fork is `runs` run-length codes of 254
    bytes each (0x90 0xFF: ~95:1 over the 6-bit text): the data fork is
    read, the runs must not be expanded into memory."""
    import binascii
    import struct
    rlen = runs * 254 + 1
    hdr = bytes([len(name)]) + name + b"\0" + b"TEXT" + b"ttxt" + b"\0\0" + struct.pack(">II", len(data), rlen)
    stream = (hdr + struct.pack(">H", binascii.crc_hqx(hdr, 0)) + data + struct.pack(">H", binascii.crc_hqx(data, 0))
              ).replace(b"\x90", b"\x90\x00") + b"A" + b"\x90\xff" * runs + b"\0\0"
    out, bits, n = bytearray(), 0, 0
    for b in stream:
        bits, n = ((bits << 8) | b) & 0xFFFFFF, n + 8
        while n >= 6:
            n -= 6
            out.append(HQX_ALPHABET.encode()[(bits >> n) & 63])
    if n:
        out.append(HQX_ALPHABET.encode()[(bits << (6 - n)) & 63])
    return (b"(This file must be converted with BinHex 4.0)\r\n:" +
            b"\r\n".join(bytes(out[i:i + 64]) for i in range(0, len(out), 64)) + b":\r\n")


def cases():
    rnd = random.Random(5)
    csv = ("name,ssn,dept\nJane Roe,%s,HR\n" % SSN_CSV).encode() + b"".join(
        b"Employee %04d,,Sales\n" % i for i in range(200))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("cards.txt", "corporate card %s\n" % CARD_ZIP)
    cut_body = ("SSN %s\n" % SSN_CUT).encode() + bytes(rnd.randrange(256) for _ in range(3000))
    garbled = "".join(rnd.choice(HQX_ALPHABET) for _ in range(64 * 10))
    return {
        "payroll.hqx": binhex(b"Payroll FY14.csv", csv),
        "archive.hqx": binhex(b"cards.zip", buf.getvalue()),
        # cut in the middle of the data fork: what is there is read
        "cut.hqx": binhex(b"notes.txt", cut_body)[:2000],
        # the name StuffIt would save it under climbs out
        "climb.hqx": binhex(b"../../Startup/run.txt", ("SSN %s\n" % SSN_CLIMB).encode()),
        # the marker line with a body that decodes to no valid header
        "garbled.hqx": (b"(This file must be converted with BinHex 4.0)\r\n:" +
                        "\r\n".join(garbled[i:i + 64] for i in range(0, len(garbled), 64)).encode() + b":\r\n"),
        # pasted into a mail body, as Eudora sent attachments
        "pasted.eml": (b"From: Mac User <mac.user@corp-example.com>\r\nTo: hr@corp-example.com\r\n"
                       b"Subject: the list\r\nContent-Type: text/plain; charset=us-ascii\r\n\r\n"
                       b"Here is the file.\r\n\r\n" + binhex(b"staff.csv", ("ssn\n%s\n" % SSN_PASTED).encode()) +
                       b"\r\nBest\r\n"),
        # prose quoting the marker (libmagic calls it mac-binhex40 too): text
        "about-binhex.txt": (b"Notes on old Mac files.\nA file that starts with (This file must be converted "
                             b"with BinHex 4.0) is 6-bit text: decode it first.\nSSN %s\n" % SSN_CSV.encode()),
        # no extension: the content says BinHex
        "MAC_FILE_0001": binhex(b"Payroll FY14.csv", csv),
    }


def main(argv):
    if len(argv) != 2:
        sys.stderr.write("usage: gen_binhex.py OUTDIR\n")
        return 2
    os.makedirs(argv[1], exist_ok=True)
    for name, data in cases().items():
        with open(os.path.join(argv[1], name), "wb") as f:
            f.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
