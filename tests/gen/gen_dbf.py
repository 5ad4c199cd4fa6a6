#!/usr/bin/env python3
"""dBASE / FoxPro tables with planted values (tests/e2e/test_dbf.py).

    gen_dbf.py OUTDIR

The files are written from the format (Python stdlib only): a 32-byte
header (version, last update, record count, header size, record size,
the dBASE IV encryption flag, the language driver), 32-byte field
descriptors ended by 0x0D, fixed-size records each led by a deletion flag
(' ', or '*' for a record deleted but still in the file), and the 0x1A end
mark. Values are planted where only a reader of the format can tell what
they are: an SSN stored as the number 536221874 in a field named SSN, a
date of birth as 19750314 in a D field named DOB, a deleted record's
values; a shapefile's attribute table holds only look-alikes (parcel ids,
areas) and must give no finding.
"""
import json
import os
import struct
import sys


def field(name, ftype, length, dec=0):
    return name.encode("ascii").ljust(11, b"\0") + ftype.encode("ascii") + b"\0" * 4 \
        + bytes([length, dec]) + b"\0" * 14


def table(version, fields, records, lang=0x57, deleted=(), encrypted=False, vfp=False):
    """fields: [(name, type, length, dec)]; records: [[bytes per field]]."""
    desc = b"".join(field(*f) for f in fields) + b"\x0d"
    if vfp:
        desc += b"\0" * 263  # Visual FoxPro: the database container backlink
    reclen = 1 + sum(f[2] for f in fields)
    hlen = 32 + len(desc)
    head = bytes([version, 114, 11, 30]) + struct.pack("<IHH", len(records), hlen, reclen) \
        + b"\0\0" + b"\0" + (b"\x01" if encrypted else b"\0") + b"\0" * 13 + bytes([lang]) + b"\0\0"
    body = b""
    for i, rec in enumerate(records):
        row = b"*" if i in deleted else b" "
        for (name, ftype, length, _), value in zip(fields, rec):
            assert len(value) == length, (name, value)
            row += value
        body += row
    return head + desc + body + b"\x1a"


def c(s, n, enc="cp1252"):
    return s.encode(enc).ljust(n, b" ")


def num(s, n):
    return s.encode("ascii").rjust(n, b" ")


STAFF_FIELDS = [("EMPNO", "C", 6, 0), ("LASTNAME", "C", 20, 0), ("FIRSTNAME", "C", 15, 0),
                ("SSN", "N", 9, 0), ("DOB", "D", 8, 0), ("PHONE", "C", 14, 0),
                ("SALARY", "N", 10, 2), ("EMAIL", "C", 40, 0), ("ACTIVE", "L", 1, 0)]


def staff_records():
    return [
        [c("E1001", 6), c("Müller", 20), c("Jürgen", 15), num("536221874", 9), b"19750314",
         c("(312) 746-2291", 14), num("84250.00", 10), c("j.mueller@example-corp.com", 40), b"T"],
        [c("E1002", 6), c("Okafor", 20), c("Ada", 15), num("412583307", 9), b"19820921",
         c("", 14), num("91000.50", 10), c("", 40), b"T"],
        [c("E1003", 6), c("Lindqvist", 20), c("Sven", 15), num("", 9), b"        ",
         c("", 14), num("", 10), c("", 40), b"F"],
        # deleted in dBASE (DELETE without PACK): still in the file
        [c("E0999", 6), c("Reyes", 20), c("Carmen", 15), num("212447781", 9), b"19680102",
         c("", 14), num("70000.00", 10), c("", 40), b"F"],
    ]


def parcels():
    """A shapefile's .dbf: ids and measures, no personal data."""
    fields = [("FID", "N", 9, 0), ("PARCEL_ID", "N", 12, 0), ("AREA_M2", "N", 19, 3),
              ("ZONING", "C", 8, 0), ("OWNER", "C", 30, 0)]
    recs = [[num("1", 9), num("536221875", 12), num("1234567.891", 19), c("R-1", 8), c("City of Springfield", 30)],
            [num("2", 9), num("412583308", 12), num("88123.500", 19), c("C-2", 8), c("Acme Holdings LLC", 30)]]
    return table(0x03, fields, recs, lang=0x57)


def vfp_payroll():
    """Visual FoxPro: binary integer, currency, date-time and double
    fields, character fields in Windows-1251 (language driver 0xC9)."""
    fields = [("TABNUM", "I", 4, 0), ("FIO", "C", 30, 0), ("TELEFON", "C", 18, 0), ("PAY", "Y", 8, 0),
              ("HIRED", "T", 8, 0), ("RATE", "B", 8, 2), ("BIRTHDATE", "D", 8, 0)]

    def t(jd):
        return struct.pack("<II", jd, 0)
    recs = [[struct.pack("<i", 40017), c("Иванова Мария Петровна", 30, "cp1251"), c("+7 495 123-45-67", 18),
             struct.pack("<q", 1250005000), t(2455198), struct.pack("<d", 1.25), b"19790503"]]
    return table(0x30, fields, recs, lang=0xC9, vfp=True)


def generate(out):
    os.makedirs(out, exist_ok=True)
    key = {}

    def write(name, data, spec):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        key[name] = spec

    staff = table(0x03, STAFF_FIELDS, staff_records(), deleted={3})
    write("staff.dbf", staff, {"find": [["ssn", "1874"], ["ssn", "3307"], ["ssn", "7781"], ["dob", None],
                                        ["phone", "2291"], ["email", None]], "coverage": "full"})
    write("parcels.dbf", parcels(), {"find": [], "coverage": "full"})
    write("payroll_vfp.dbf", vfp_payroll(), {"find": [["phone", "4567"], ["dob", None]], "coverage": "full"})
    # cut inside the second record: the first is read
    reclen = 1 + sum(f[2] for f in STAFF_FIELDS)
    hlen = 32 + 32 * len(STAFF_FIELDS) + 1
    write("staff_cut.dbf", staff[:hlen + reclen + 40], {"find": [["ssn", "1874"]], "coverage": "partial",
                                                        "reason": "truncated"})
    # dBASE IV with the encryption flag: the records are ciphertext (here a
    # plain XOR, not dBASE's cipher: the reader only looks at the flag)
    enc = bytearray(table(0x8B, STAFF_FIELDS, staff_records(), encrypted=True))
    for i in range(hlen, len(enc) - 1):
        enc[i] ^= 0xA5
    write("staff_encrypted.dbf", bytes(enc), {"find": [], "coverage": "none", "reason": "encrypted"})
    return key


def main():
    out = sys.argv[1]
    key = generate(os.path.join(out, "tables"))
    with open(os.path.join(out, "key.json"), "w") as f:
        json.dump(key, f, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
