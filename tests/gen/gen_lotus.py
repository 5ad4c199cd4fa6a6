#!/usr/bin/env python3
"""Lotus 1-2-3 and Quattro Pro worksheets with planted values
(tests/e2e/test_lotus.py).

    gen_lotus.py OUTDIR

The files are written from the format (Python stdlib only): records of a
16-bit opcode, a 16-bit length and the data, BOF first and EOF last, in
the three cell layouts src/extract/lotus.c reads:
- staff.wk1: 1-2-3 release 2 (BOF version 0x0406): format byte, column,
  row; the cells written column by column as 1-2-3 writes them; an SSN as
  the double 536221874 under an "SSN" header, a date of birth as a serial
  under a date format, a phone in a label, an address as a formula's
  string result (a FORMULA record followed by STRING), a page header;
- staff.wk3: release 3 (BOF of 26 bytes, version 0x1000): row, sheet,
  column; an SSN as an 80-bit real, employee numbers as 16-bit and packed
  32-bit numbers, a phone number as a double under a "Phone" header, a
  name in LMBCS (a byte of code page 850), an address as a formula string
  and another in a cell comment, the sheet named by a SHEET_NAME record;
- staff.wb2: Quattro Pro for Windows (BOF version 0x1002): column, page,
  row, a 16-bit format; labels with an alignment byte of 0;
- inventory.wk1: quantities and prices only (no finding);
- staff_cut.wk1: staff.wk1 cut inside a record (truncated; what comes
  before the cut is read).
"""
import datetime
import json
import math
import os
import struct
import sys

SSN = 536221874
DOB = datetime.date(1975, 3, 14)


def rec(op, data=b""):
    return struct.pack("<HH", op, len(data)) + data


def serial(d):
    return (d - datetime.date(1899, 12, 30)).days


# ---- release 2 (old layout) ----

def old_num(col, row, v, fmt=0xFF):
    return rec(0x0E, struct.pack("<BHHd", fmt, col, row, v))


def old_int(col, row, v, fmt=0xFF):
    return rec(0x0D, struct.pack("<BHHh", fmt, col, row, v))


def old_label(col, row, text):
    return rec(0x0F, struct.pack("<BHH", 0xFF, col, row) + b"'" + text.encode("cp850") + b"\0")


def old_formula_string(col, row, text):
    nan = struct.pack("<Q", 0x7FF8000000000000)
    formula = b"\x03"  # any bytes: the reader keeps the value, not the formula
    return rec(0x10, struct.pack("<BHH", 0xFF, col, row) + nan + struct.pack("<H", len(formula)) + formula) \
        + rec(0x33, struct.pack("<BHH", 0xFF, col, row) + text.encode("cp850") + b"\0")


STAFF = [  # name, ssn, dob, phone, email
    ("Jane Roe", SSN, DOB, "(312) 746-2291", "jane.roe@example-corp.com"),
    ("John Poe", 212447781, datetime.date(1968, 1, 2), "(415) 555-0134", "john.poe@example-corp.com"),
]


def wk1_staff():
    head = ["Name", "SSN", "Date of birth", "Phone", "E-mail"]
    cells = []
    # column by column, as 1-2-3 writes them
    for col, title in enumerate(head):
        cells.append(old_label(col, 0, title))
        for r, (name, ssn, dob, phone, mail) in enumerate(STAFF, start=1):
            if col == 0:
                cells.append(old_label(col, r, name))
            elif col == 1:
                cells.append(old_num(col, r, float(ssn)))
            elif col == 2:
                cells.append(old_num(col, r, float(serial(dob)), fmt=0x72))  # special 2: d-mmm-yy
            elif col == 3:
                cells.append(old_label(col, r, phone))
            else:
                cells.append(old_formula_string(col, r, mail))
    header = rec(0x26, b"Personnel file - HR only".ljust(242, b"\0"))
    return rec(0x00, struct.pack("<H", 0x0406)) + header + b"".join(cells) + rec(0x01)


def wk1_inventory():
    cells = [old_label(0, 0, "Item"), old_label(1, 0, "Quantity"), old_label(2, 0, "Unit price")]
    for r, (item, qty, price) in enumerate([("Bolts M8", 1200, 0.12), ("Washers", 5400, 0.03),
                                            ("Brackets", 75, 4.5)], start=1):
        cells += [old_label(0, r, item), old_int(1, r, qty), old_num(2, r, price, fmt=0x02)]
    return rec(0x00, struct.pack("<H", 0x0406)) + b"".join(cells) + rec(0x01)


# ---- release 3 (new layout) ----

def treal(v):
    if v == 0:
        return b"\0" * 10
    m, e = math.frexp(abs(v))
    mant = int(m * (1 << 64))
    se = (e - 1 + 16383) | (0x8000 if v < 0 else 0)
    return struct.pack("<QH", mant, se)


def new_cell(op, row, col, data, sheet=0):
    return rec(op, struct.pack("<HBB", row, sheet, col) + data)


def wk3_staff():
    bof = struct.pack("<H", 0x1000) + b"\0" * 14 + b"\x01" + b"\0" * 9  # LMBCS group 1 at byte 16
    cells = [
        new_cell(0x16, 0, 0, b"'Name\0"), new_cell(0x16, 0, 1, b"'SSN\0"), new_cell(0x16, 0, 2, b"'Emp no\0"),
        new_cell(0x16, 0, 3, b"'Phone\0"), new_cell(0x16, 0, 4, b"'Mail\0"),
        new_cell(0x16, 1, 0, b"'J\x81rgen M\x81ller\0"),  # 0x81 is u-umlaut in code page 850
        new_cell(0x17, 1, 1, treal(float(SSN))),
        new_cell(0x18, 1, 2, struct.pack("<h", 4711 << 1)),  # a 16-bit number, even: the value doubled
        new_cell(0x27, 1, 3, struct.pack("<d", 3127462291.0)),
        new_cell(0x19, 1, 4, b"\0" * 7 + b"\xe0\xff\xff" + b"\x03"),  # a formula with a string result
        new_cell(0x1A, 1, 4, b"j.mueller@example-corp.com\0"),
        new_cell(0x16, 2, 0, b"'Ana Lima\0"),
        new_cell(0x17, 2, 1, treal(212447781.0)),
        new_cell(0x25, 2, 2, struct.pack("<I", 80412 << 6)),  # packed: the value shifted left by 6
        new_cell(0x26, 2, 0, b"\0" + b"call back ana.lima@example-corp.com\0"),  # a comment
    ]
    name = rec(0x204, b"\0" * 10 + b"Payroll\0")
    return rec(0x00, bof) + name + b"".join(cells) + rec(0x01)


# ---- Quattro Pro for Windows ----

def qp_cell(op, col, row, data, page=0, fmt=1):
    return rec(op, struct.pack("<BBHH", col, page, row, fmt) + data)


def wb2_staff():
    cells = [qp_cell(0x0F, 0, 0, b"\0Name\0"), qp_cell(0x0F, 1, 0, b"\0SSN\0"),
             qp_cell(0x0F, 0, 1, b"\0Jane Roe\0"), qp_cell(0x0E, 1, 1, struct.pack("<d", float(SSN)))]
    return rec(0x00, struct.pack("<H", 0x1002)) + b"".join(cells) + rec(0x01)


def generate(out):
    os.makedirs(out, exist_ok=True)
    key = {}

    def write(name, data, spec):
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
        key[name] = spec

    staff = wk1_staff()
    write("staff.wk1", staff, {"find": [["ssn", "1874"], ["ssn", "7781"], ["dob", None], ["phone", "2291"],
                                        ["email", None]], "coverage": "full"})
    write("staff.wk3", wk3_staff(), {"find": [["ssn", "1874"], ["ssn", "7781"], ["phone", "2291"],
                                              ["email", None]], "coverage": "full"})
    write("staff.wb2", wb2_staff(), {"find": [["ssn", "1874"]], "coverage": "full"})
    write("inventory.wk1", wk1_inventory(), {"find": [], "coverage": "full"})
    # cut 3 bytes into the record after the first SSN column's values
    cut = staff.index(old_num(2, 1, float(serial(DOB)), fmt=0x72)) + 3
    write("staff_cut.wk1", staff[:cut], {"find": [["ssn", "1874"]], "coverage": "partial",
                                         "reason": "truncated"})
    return key


def main():
    out = sys.argv[1]
    key = generate(os.path.join(out, "lotus"))
    json.dump(key, sys.stdout, indent=1, sort_keys=True)


if __name__ == "__main__":
    main()
