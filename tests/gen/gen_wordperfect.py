#!/usr/bin/env python3
"""WordPerfect 5.1 and 6.x documents with planted values, and damaged copies
(tests/e2e/test_wordperfect.py).

    gen_wordperfect.py OUTDIR

No tool here writes WordPerfect, so the files are built byte by byte from
the format: the 16-byte prefix (FF 'WPC', document offset, product 1, file
type 0x0A, major version 0 for 5.x or 2 for 6.x, encryption key), then for
5.x an empty packet index block and the document area; for 6.x an index
header and prefix packets (a general-text packet holding a header, the
extended document summary) before the document area. Function codes are
written as WordPerfect writes them: 5.x hard returns (0A), soft returns
(0D), hard hyphens (A9), tab groups (C1), bold on/off (C3/C4), extended
characters (C0 char set C0), header (D5) and footnote (D6) groups; 6.x
soft spaces (80), hard hyphens (84), end-of-line groups (D0), tab groups
(E0), undo groups (F1) around text that was deleted, attribute groups
(F2/F3) and extended characters (F0).

Every planted value is split by a function code, so the raw bytes never
hold it whole: only a reader of the format finds it. Writes the documents
to OUTDIR/docs/ and OUTDIR/key.json:
{file: {"find": [[entity, last4], ...], "decoys": [...], "coverage": ...}}.
"""
import json
import os
import struct
import sys


def luhn_complete(prefix):
    """prefix (15 digits) + the Luhn check digit."""
    total = 0
    for i, ch in enumerate(reversed(prefix)):
        d = int(ch)
        if i % 2 == 0:
            d *= 2
            if d > 9:
                d -= 9
        total += d
    return prefix + str((10 - total % 10) % 10)


CARD = luhn_complete("453201511283036")  # Visa range, not a test number


# ---- 5.1 ---------------------------------------------------------------

def wp5_fixed(code, body):
    """A fixed-length group: code, body, code (the size is the code's)."""
    return bytes([code]) + body + bytes([code])


def wp5_var(code, sub, data):
    """A variable-length group: code, subgroup, u16 n, data, u16 n, subgroup,
    code; n counts the data and the four trailing bytes."""
    n = len(data) + 4
    return bytes([code, sub]) + struct.pack("<H", n) + data + struct.pack("<H", n) + bytes([sub, code])


def wp5_text(s):
    """ASCII text: spaces stay spaces, '\n' is a hard return (0A)."""
    return s.replace("\n", "\x0a").encode("ascii")


def wp5_ext(ch):
    """An extended character of WordPerfect's ASCII set (0)."""
    return wp5_fixed(0xC0, bytes([ord(ch), 0]))


def wp5_header(text):
    # 7 bytes, occurrence bits (1: every page), 10 bytes, then the text
    return wp5_var(0xD5, 0x00, b"\0" * 7 + b"\x01" + b"\0" * 10 + text)


def wp5_footnote(number, text):
    # flags, u16 number, additional pages (0), 2*(0+1)+9 bytes, then the text
    return wp5_var(0xD6, 0x00, b"\0" + struct.pack("<H", number) + b"\0" + b"\0" * 11 + text)


def wp5_document(body, key=0):
    prefix = b"\xffWPC" + struct.pack("<I", 0) + bytes([1, 0x0A, 0, 1]) + struct.pack("<HH", key, 0)
    # one packet index block: type FFFB, 5 indexes, block size 50, no next block
    index = struct.pack("<HHI", 0xFFFB, 5, 50) + b"\0" * 40
    doc_offset = len(prefix) + len(index)
    prefix = prefix[:4] + struct.pack("<I", doc_offset) + prefix[8:]
    return prefix + index + body


def wp5_memo():
    hh = bytes([0xA9])  # hard hyphen
    bold_on, bold_off = wp5_fixed(0xC3, b"\x0c"), wp5_fixed(0xC4, b"\x0c")
    tab = wp5_fixed(0xC1, b"\0" * 7)
    body = b"".join([
        wp5_header(wp5_text("Personnel file - phone (312) 746") + hh + wp5_text("2291")),
        bold_on, wp5_text("CONFIDENTIAL PERSONNEL MEMO"), bold_off, b"\x0a",
        wp5_text("Employee:"), tab, wp5_text("Jane Q. Doe"), b"\x0a",
        wp5_text("Social Security number:"), tab,
        wp5_text("536") + hh + wp5_text("22") + hh + wp5_text("1874"), b"\x0a",
        wp5_text("Please write to jane.doe") + wp5_ext("@") + wp5_text("example-corp.com about the"),
        b"\x0d", wp5_text("transfer."),
        wp5_footnote(1, wp5_text("Corporate card ") + wp5_text(CARD[:4]) + bytes([0xA0]) + wp5_text(CARD[4:8])
                     + bytes([0xA0]) + wp5_text(CARD[8:12]) + bytes([0xA0]) + wp5_text(CARD[12:]) + b"\x0a"),
        b"\x0a",
        wp5_text("Reference 000") + hh + wp5_text("12") + hh + wp5_text("3456 is not a valid number."), b"\x0a",
    ])
    return wp5_document(body)


# ---- 6.x ---------------------------------------------------------------

def wp6_var(code, sub, inner):
    """A 6.x variable-length group: code, subgroup, u16 size of the whole
    group, flags, u16 non-deletable size, inner, u16 size, code."""
    size = 1 + 1 + 2 + 1 + 2 + len(inner) + 2 + 1
    return bytes([code, sub]) + struct.pack("<H", size) + b"\0" + struct.pack("<H", len(inner)) + inner \
        + struct.pack("<H", size) + bytes([code])


def wp6_fixed(code, body):
    return bytes([code]) + body + bytes([code])


def wp6_text(s):
    """ASCII text with soft spaces (80) between words."""
    return s.encode("ascii").replace(b" ", b"\x80")


def wp6_eol(sub):
    """An end-of-line group; its data starts with the u16 size of the
    deletable sub-function data (none here)."""
    return wp6_var(0xD0, sub, b"\0\0")


def wp6_hard_eol():
    return wp6_eol(0x04)


def wp6_undo(kind, level):
    return wp6_fixed(0xF1, bytes([kind]) + struct.pack("<H", level))


def wp6_wpstring(s):
    return b"".join(struct.pack("<H", ord(ch)) for ch in s) + b"\0\0"


def wp6_summary(fields):
    out = b""
    for tag, name, value in fields:
        body = struct.pack("<H", tag) + b"\0\0" + wp6_wpstring(name) + wp6_wpstring(value)
        out += struct.pack("<H", 2 + len(body)) + body
    return out


def wp6_general_text(text):
    return struct.pack("<H", 1) + b"\0" * 4 + struct.pack("<I", len(text)) + text


def wp6_document(body, packets, key=0, repeat=1):
    """packets: [(type, data)]. Layout: prefix, index header at 16 (its
    entry count counts itself), the entries, the packets, the body. The
    last packet's entry is written repeat times, all naming the same data."""
    ih = 16
    n = len(packets) + repeat
    header = bytes([0x02, 0x00]) + struct.pack("<H", n) + b"\0" * 10
    entries_len = 14 * (len(packets) + repeat - 1)
    at = ih + len(header) + entries_len
    entries, blobs = b"", b""
    for k, (typ, data) in enumerate(packets):
        entry = bytes([0x00, typ]) + struct.pack("<HHII", 1, 0, len(data), at + len(blobs))
        entries += entry * (repeat if k == len(packets) - 1 else 1)
        blobs += data
    doc = at + len(blobs)
    prefix = b"\xffWPC" + struct.pack("<I", doc) + bytes([1, 0x0A, 2, 1]) + struct.pack("<H", key) \
        + struct.pack("<H", ih)
    return prefix + header + entries + blobs + body


def wp6_letter():
    hh = bytes([0x84])  # hard hyphen
    bold_on, bold_off = wp6_fixed(0xF2, b"\x0c"), wp6_fixed(0xF3, b"\x0c")
    tab = wp6_var(0xE0, 0x11, b"\0\0\0")
    body = b"".join([
        bold_on, wp6_text("Payroll correction"), bold_off, wp6_hard_eol(),
        wp6_text("Employee"), tab, wp6_text("Robert Smith"), wp6_hard_eol(),
        wp6_text("SSN"), tab, wp6_text("412") + hh + wp6_text("58") + hh + wp6_text("3307"), wp6_hard_eol(),
        wp6_text("Mail"), tab, wp6_text("r.smith") + wp6_fixed(0xF0, b"@\0") + wp6_text("example-corp.com"),
        wp6_eol(0x01), wp6_text("for questions."), wp6_hard_eol(),
        wp6_undo(0, 0x20), wp6_text("Old account IBAN DE89") + b"\x80" + wp6_text("3704 0044 0532 0130 00"),
        wp6_undo(1, 0x20), wp6_hard_eol(),
        wp6_text("Tracking 1Z 999 AA1 01 2345 6784 is a parcel, not a card."), wp6_hard_eol(),
    ])
    header = wp6_general_text(wp6_text("Direct line +44 20 7946") + b"\x80" + wp6_text("0321") + wp6_hard_eol())
    summary = wp6_summary([(5, "Author", "Margaret Hill"),
                           (0x0E, "Creation Date", ""),
                           (3, "Address", "m.hill" + "@" + "example-corp.com")])
    return wp6_document(body, [(0x08, header), (0x12, summary)])


def wp5_long_paragraph():
    """A 100 KB paragraph (soft returns only), then an SSN written with hard
    hyphens: the text is handed on in pieces, not held to the line's end."""
    words = b"".join(wp5_text("word%04d " % i) + (b"\x0d" if i % 9 == 8 else b"") for i in range(11000))
    hh = bytes([0xA9])
    return wp5_document(words + wp5_text("SSN 518") + hh + wp5_text("37") + hh + wp5_text("2294 filed") + b"\x0a")


def wp6_amplified():
    """4,000 prefix index entries naming one 16 KB summary packet of empty
    fields: each packet is read once (review5: 4,096 entries naming a 1 MB
    packet had cost 14 s)."""
    summary = struct.pack("<HHH", 6, 5, 0) * 2700
    header = wp6_general_text(wp6_text("Amplified header") + wp6_hard_eol())
    return wp6_document(wp6_text("Body") + wp6_hard_eol(), [(0x08, header), (0x12, summary)], repeat=4000)


def generate(out):
    """Write the documents into out; return their key."""
    os.makedirs(out, exist_ok=True)
    key = {}

    def write(name, data, spec):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        key[name] = spec

    memo = wp5_memo()
    write("memo51.wpd", memo, {"find": [["ssn", "1874"], ["phone", "2291"], ["email", None],
                                        ["credit_card", CARD[-4:]]],
                               "decoys": ["ssn:3456"], "coverage": "full"})
    letter = wp6_letter()
    write("letter6.wpd", letter, {"find": [["ssn", "3307"], ["email", None], ["phone", "0321"],
                                           ["iban", "3000"]],
                                  "decoys": ["credit_card:6784"], "coverage": "full"})
    # cut inside the footnote group / inside the last end-of-line group
    fn = memo.index(b"\xd6\x00")
    write("memo51_cut.wpd", memo[:fn + 30], {"find": [["ssn", "1874"]], "coverage": "partial",
                                            "reason": "truncated"})
    write("letter6_cut.wpd", letter[:-4], {"find": [["ssn", "3307"]], "coverage": "partial",
                                          "reason": "truncated"})
    # the document area past the end of the file: the prefix packets before
    # it are still read (the header's phone; the summary is cut too)
    area = struct.unpack_from("<I", letter, 4)[0]
    write("letter6_noarea.wpd", letter[:area - 1], {"find": [["phone", "0321"]], "coverage": "partial",
                                                  "reason": "truncated"})
    # a password-protected 5.1 document: the key field is set and the
    # document area enciphered (a plain XOR stream here, not WordPerfect's
    # own cipher: the reader only looks at the key field)
    enc = bytearray(memo)
    enc[12:14] = struct.pack("<H", 0x5A3C)
    area = struct.unpack_from("<I", memo, 4)[0]
    for i in range(area, len(enc)):
        enc[i] ^= (0x5A + i * 7) & 0xFF
    write("memo51_encrypted.wpd", bytes(enc), {"find": [], "coverage": "none", "reason": "encrypted"})
    write("memo51_long.wpd", wp5_long_paragraph(), {"find": [["ssn", "2294"]], "coverage": "full"})
    write("letter6_amplified.wpd", wp6_amplified(), {"find": [], "coverage": "full"})
    return key


def main():
    out = sys.argv[1]
    key = generate(os.path.join(out, "docs"))
    with open(os.path.join(out, "key.json"), "w") as f:
        json.dump({"card": CARD, "files": key}, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
