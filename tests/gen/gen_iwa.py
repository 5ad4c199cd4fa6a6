#!/usr/bin/env python3
"""Apple iWork 2013+ packages for the iwa handler (tests/e2e/test_iwa.py,
fuzz/corpus/iwa/), built by the format's description with the standard
library: a zip whose Index/*.iwa members are chunks (0x00, 24-bit length)
of raw Snappy data holding protobuf ArchiveInfo messages and their
payloads. The Snappy encoder below writes literals and back-references
(1-, 2- and 4-byte offsets), so the decoder's every element is used.

    python3 gen_iwa.py OUTDIR        # fixtures + expect.json
    python3 gen_iwa.py --seed DIR    # raw .iwa members as fuzz seeds

expect.json: {file: {"ssn_in": [chain] or null, "coverage": "full" |
"partial"}}
"""
import io
import json
import os
import sys
import zipfile

SSN_TEXT = "Employee Jane Roe, SSN 536-22-1874, salary review 2019."
CELL = "Passport No. X12345678 issued 2015-06-01"


def varint(n):
    out = bytearray()
    while True:
        b = n & 0x7F
        n >>= 7
        out.append(b | (0x80 if n else 0))
        if not n:
            return bytes(out)


def field(num, wire, payload):
    key = varint(num << 3 | wire)
    if wire == 0:
        return key + varint(payload)
    if wire in (1, 5):  # fixed64 / fixed32: the bytes themselves
        assert len(payload) == (8 if wire == 1 else 4)
        return key + payload
    return key + varint(len(payload)) + payload


def message(*fields):
    return b"".join(fields)


def snappy(data):
    """Raw Snappy: a literal, then repeats as copies of each kind."""
    out = bytearray(varint(len(data)))
    i = 0
    kinds = [1, 2, 3]
    k = 0
    while i < len(data):
        # a back-reference when the next 4+ bytes occurred before
        best = None
        if i >= 8:
            for back in (1, 4, 8, min(i, 40), min(i, 300)):
                if back <= i and data[i - back:i - back + 4] == data[i:i + 4] and len(data) - i >= 4:
                    n = 4
                    while i + n < len(data) and n < 11 and data[i - back + n] == data[i + n]:
                        n += 1
                    best = (back, n)
                    break
        if best:
            back, n = best
            kind = kinds[k % 3]
            k += 1
            if kind == 1 and back < 2048 and 4 <= n <= 11:
                out += bytes([(back >> 8) << 5 | (n - 4) << 2 | 1, back & 0xFF])
            elif kind == 2 or back >= 65536:
                out += bytes([(n - 1) << 2 | 2]) + back.to_bytes(2, "little")
            else:
                out += bytes([(n - 1) << 2 | 3]) + back.to_bytes(4, "little")
            i += n
            continue
        j = i + 1
        while j < len(data) and j - i < 70:
            j += 1
        lit = data[i:j]
        n = len(lit) - 1
        if n < 60:
            out.append(n << 2)
        else:
            out += bytes([60 << 2, n])
        out += lit
        i = j
    return bytes(out)


def chunks(stream, parts=2):
    out = b""
    step = max(1, len(stream) // parts)
    for i in range(0, len(stream), step):
        c = snappy(stream[i:i + step])
        out += b"\x00" + len(c).to_bytes(3, "little") + c
    return out


def archive(identifier, payloads):
    """ArchiveInfo{1: identifier, 2: MessageInfo{1: type, 3: length}} + payloads."""
    infos = b"".join(field(2, 2, message(field(1, 0, 2001), field(3, 0, len(p)))) for p in payloads)
    info = message(field(1, 0, identifier), infos)
    return varint(len(info)) + info + b"".join(payloads)


def document_stream():
    storage = message(field(3, 2, SSN_TEXT.encode() + b"\nSecond paragraph of the memo."),
                      field(5, 0, 7), field(6, 1, b"\x00" * 8))
    table = message(field(1, 2, message(field(2, 2, CELL.encode()), field(3, 5, b"\x01\x02\x03\x04"))),
                    field(4, 2, "Sheet 1 \u2013 Salaries".encode()))
    return archive(1, [storage]) + archive(2, [table, message(field(1, 2, b"Author: R\xc3\xa9mi Dupont"))])


def package(members):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for name, data in members:
            z.writestr(name, data)
    return buf.getvalue()


def fixtures():
    doc = chunks(document_stream())
    good = package([("Index/Document.iwa", doc), ("Metadata/DocumentIdentifier", b"4C1B")])
    # a copy that reaches before the output: the first chunk is read, the second is damaged
    first_len = int.from_bytes(doc[1:4], "little")
    second = doc[4 + first_len:]
    bad_second = second[:4] + varint(50) + bytes([(4 << 2) | 2]) + (60000).to_bytes(2, "little")
    damaged = package([("Index/Document.iwa", doc[:4 + first_len] + b"\x00" +
                        (len(bad_second) - 4).to_bytes(3, "little") + bad_second[4:])])
    cut = package([("Index/Document.iwa", doc[:len(doc) - 9])])
    notiwa = package([("Index/Document.iwa", b"just a text file named .iwa with " + SSN_TEXT.encode())])
    return {
        "memo.pages": (good, {"ssn_in": ["Index/Document.iwa"], "coverage": "full"}),
        "damaged.numbers": (damaged, {"ssn_in": ["Index/Document.iwa"], "coverage": "partial"}),
        "cut.key": (cut, {"ssn_in": ["Index/Document.iwa"], "coverage": "partial"}),
        "notiwa.pages": (notiwa, {"ssn_in": ["Index/Document.iwa"], "coverage": "full"}),
    }


def generate(out):
    os.makedirs(out, exist_ok=True)
    expect = {}
    for name, (data, exp) in fixtures().items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        expect[name] = exp
    with open(os.path.join(out, "expect.json"), "w") as f:
        json.dump(expect, f, indent=1, sort_keys=True)
    return expect


def seeds(out):
    os.makedirs(out, exist_ok=True)
    for name, (data, _) in fixtures().items():
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            with open(os.path.join(out, name.replace(".", "_") + ".iwa"), "wb") as f:
                f.write(z.read("Index/Document.iwa"))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--seed":
        seeds(sys.argv[2])
    elif len(sys.argv) == 2:
        print(json.dumps(generate(sys.argv[1]), indent=1, sort_keys=True))
    else:
        sys.exit(__doc__)
