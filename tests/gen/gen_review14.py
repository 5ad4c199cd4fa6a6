#!/usr/bin/env python3
"""Files for review14's findings on the fifteenth session's readers
(nacha.c, fire1099.c, bai2.c, x937.c, metro2.c, efw2.c, ofx.c, swift.c,
dicom.c, hl7.c);
tests/e2e/test_review14.py.

    gen_review14.py OUTDIR
    gen_review14.py --seed OUTDIR   (small versions for fuzz/corpus/<t>/)

Written from scratch with Python's standard library (all values fake).
Each format comes twice: whole (its trailer or end tag present: must stay
full) and cut at a record boundary, the way a copy or a transfer stops
between two records (no trailer: was reported full, every record read and
nothing said about the missing rest):
- nacha_whole.ach / nacha_cut.ach: a PPD payroll file; the cut one ends
  after its entries (no batch control, no file control record 9);
- fire_whole.txt / fire_cut.txt: an IRS FIRE 1099 file (T, A, B, C, F);
  the cut one ends after the payees' B records (no F);
- bai2_whole.bai / bai2_cut.bai: a BAI2 prior-day report; the cut one ends
  after a transaction (no 49/98/99 trailers);
- x937_whole.x937 / x937_cut.x937: an EBCDIC X9.37 cash letter with a
  user record (68) holding an e-mail address; the cut one ends after the
  check's records (no 70, 90, 99);
- metro2_whole.txt / metro2_cut.txt: a Metro 2 file, HEADER, base
  segments, TRAILER; the cut one has no TRAILER;
- efw2_whole.txt / efw2_cut.txt: an EFW2 W-2 file (RA RE RW RT RF); the cut
  one ends after the RW records;
- ofx_whole.ofx / ofx_cut.ofx: an OFX 1 (SGML) statement; the cut one ends
  between two transactions (no </OFX>);
- swift_whole.fin / swift_cut.fin: an MT103; the cut one ends inside its
  text block (no "-}");
- dicom_whole.dcm / dicom_cut.dcm: a DICOM Part 10 file whose Other Patient
  IDs Sequence (undefined length, as DCMTK writes it) holds an item with a
  Patient ID issued by the SSA; the cut one ends right after that item's
  last element (no item or sequence delimiter, nor the elements after);
- digits.txt: a fixed-width export of digit-only lines of 1,000 digits,
  the first starting 0512 1 then 14 digits that are no time stamp: the
  metro2 probe took it (a headerless base segment: an RDW, the processing
  indicator 1, any 14 digits, and digits where the RDW ends);
- metro2_headerless.txt: two base segments without a header record (still
  metro2);
- hl7_whole.hl7 / hl7_cut.hl7: an HL7 v2 batch file (FHS, BHS, two ADT
  messages, BTS, FTS); the cut one ends after the second message's PID
  (no BTS, no FTS);
- dicom_un.dcm: a DICOM file whose private sequence (0009,1010) is encoded
  as UN of undefined length (PS3.5 6.2.2: its value an implicit VR little
  endian sequence), before the patient's elements (an SSN issued by the SSA,
  a birth date): the reader stopped there (parse_error), none read.
"""
import os
import struct
import sys

SSNS = ["536221874", "421113037", "512447219"]
NAMES = [("MOSS", "ADA"), ("KOWALSKI", "MAREK"), ("OKAFOR", "NGOZI")]
EMAIL = "ada.moss@acme-corp.test"


def fx(s, n, right=False, fill=" "):
    s = str(s)[:n]
    return s.rjust(n, fill) if right else s.ljust(n, fill)


def num(v, n):
    return fx(v, n, right=True, fill="0")


def rec_at(kind, fields, size):
    """A fixed-width record of SIZE bytes: KIND first, {1-based position: value}."""
    r = [" "] * size
    r[0:len(kind)] = list(kind)
    for pos, v in fields.items():
        r[pos - 1:pos - 1 + len(v)] = list(v)
    return "".join(r[:size])


# ---------------------------------------------------------------- NACHA
def nacha(cut):
    recs = ["101 021000021" + fx("1134567890", 10) + "1411240800A094101" + fx("FEDERAL RESERVE BANK", 23)
            + fx("ACME CORP", 23) + fx("", 8)]
    recs.append("5220" + fx("ACME CORP", 16) + fx("", 20) + "1134567890PPD" + fx("PAYROLL", 10) + "NOV 14"
                + "141126   1" + "02100002" + num(1, 7))
    for i, (last, first) in enumerate(NAMES):
        recs.append("622" + "011000015" + fx("%012d" % (482001 + i), 17) + num(231045 + i, 10) + fx(SSNS[i], 15)
                    + fx(first + " " + last, 22) + "  0" + "02100002" + num(i + 1, 7))
    if not cut:
        recs.append("8220" + num(3, 6) + num(33000004, 10) + num(0, 12) + num(693138, 12) + "1134567890"
                    + fx("", 25) + "02100002" + num(1, 7))
        recs.append("9" + num(1, 6) + num(1, 6) + num(3, 8) + num(33000004, 10) + num(0, 12) + num(693138, 12)
                    + fx("", 39))
        while len(recs) % 10:
            recs.append("9" * 94)
    assert all(len(r) == 94 for r in recs), [len(r) for r in recs]
    return ("\r\n".join(recs) + "\r\n").encode()


# ---------------------------------------------------------------- IRS FIRE 1099
def fire(cut):
    recs = [rec_at("T", {2: "2014", 7: "113456789", 16: "4ZA12", 30: fx("ACME CORP", 40)}, 750),
            rec_at("A", {2: "2014", 12: "113456789", 26: "NE", 53: fx("ACME CORP", 40)}, 750)]
    for i, (last, first) in enumerate(NAMES):
        recs.append(rec_at("B", {2: "2014", 7: last[:4], 11: "2", 12: SSNS[i], 21: fx("V%05d" % i, 20),
                                 288: fx(last + " " + first, 40)}, 750))
    if not cut:
        recs.append(rec_at("C", {2: num(3, 8)}, 750))
        recs.append(rec_at("F", {2: num(1, 8), 10: "0" * 21}, 750))
    return ("\r\n".join(recs) + "\r\n").encode()


# ---------------------------------------------------------------- BAI2
def bai2(cut):
    lines = ["01,ACMEBANK,ACMECORP,141125,0600,1,80,,2/",
             "02,ACMECORP,021000021,1,141124,2400,USD,2/",
             "03,482001,USD,010,1250000,,,015,1250000,,/"]
    for i, (last, first) in enumerate(NAMES):
        lines.append("16,142,%d,Z,%d,/" % (100000 + i, 900 + i))
        lines.append("88,ACH CREDIT SEC:PPD IND ID:%s IND NAME:%s %s" % (SSNS[i], first, last))
    if not cut:
        lines += ["49,1553003,8/", "98,1553003,1,10/", "99,1553003,1,12/"]
    return ("\n".join(lines) + "\n").encode()


# ---------------------------------------------------------------- X9.37
def x9(fields, size):
    b = fx("".join(fields), size).encode("cp037")
    return struct.pack(">I", len(b)) + b


def x937(cut):
    out = x9(["01", "03", "T", "021000021", "021000021", "20141124", "0800", "N", fx("ACME BANK", 18),
              fx("ACME CORP", 18), "A"], 80)
    out += x9(["10", "01", "021000021", "021000021", "20141124", "20141124", "0800", "I", "G", fx("CL0417", 8),
               fx("ACME CORP", 14), fx("9735550142", 10), "C"], 80)
    out += x9(["20", "01", "021000021", "021000021", "20141124", "20141124", fx("B0417", 10), num(1, 4)], 80)
    out += x9(["25", fx("", 15), " ", "01100001", "5", fx("0048392017/1043", 20), num(125000, 10),
               num(1000417, 15), "G1", "0", "0", "Y", "0", "1"], 80)
    out += x9(["68", "0", fx("PAYEE CONTACT " + EMAIL.upper(), 60)], 80)
    if not cut:
        out += x9(["70", num(1, 4), num(125000, 12), num(125000, 12), num(0, 5)], 80)
        out += x9(["90", num(1, 6), num(1, 8), num(125000, 14), num(0, 9)], 80)
        out += x9(["99", num(1, 6), num(7, 8), num(1, 8), num(125000, 16)], 80)
    return out


# ---------------------------------------------------------------- Metro 2
def metro2_base(i):
    last, first = NAMES[i]
    f = {5: "1", 6: "11242014120000", 44: fx("ACF%011d" % (4170001 + i), 30),
         232: fx(last, 25), 257: fx(first, 20), 298: SSNS[i], 307: "03141975", 315: "2125550142"}
    return num(426, 4) + rec_at("", {k - 4: v for k, v in f.items()}, 422)


def metro2(cut):
    recs = [num(426, 4) + fx("HEADER" + "  " + "ACMECRED", 422)]
    recs += [metro2_base(i) for i in range(3)]
    if not cut:
        recs.append(num(426, 4) + fx("TRAILER" + num(3, 9), 422))
    assert all(len(r) == 426 for r in recs)
    return ("\r\n".join(recs) + "\r\n").encode()


# ---------------------------------------------------------------- EFW2
def efw2(cut):
    recs = [rec_at("RA", {3: "113456789", 12: "ACMEPAY1"}, 512),
            rec_at("RE", {3: "2014", 8: "113456789", 40: fx("ACME CORP", 57)}, 512)]
    for i, (last, first) in enumerate(NAMES):
        recs.append(rec_at("RW", {3: SSNS[i], 12: fx(first, 15), 42: fx(last, 20)}, 512))
    if not cut:
        recs.append(rec_at("RT", {3: num(3, 7)}, 512))
        recs.append(rec_at("RF", {8: num(3, 9)}, 512))
    return ("\r\n".join(recs) + "\r\n").encode()


# ---------------------------------------------------------------- OFX
def ofx(cut):
    head = ("OFXHEADER:100\r\nDATA:OFXSGML\r\nVERSION:102\r\nSECURITY:NONE\r\nENCODING:USASCII\r\n"
            "CHARSET:1252\r\nCOMPRESSION:NONE\r\nOLDFILEUID:NONE\r\nNEWFILEUID:NONE\r\n\r\n")
    body = ("<OFX>\r\n<SIGNONMSGSRSV1><SONRS><STATUS><CODE>0<SEVERITY>INFO</STATUS><DTSERVER>20141124"
            "<LANGUAGE>ENG</SONRS></SIGNONMSGSRSV1>\r\n<BANKMSGSRSV1><STMTTRNRS><TRNUID>1<STMTRS><CURDEF>USD"
            "<BANKACCTFROM><BANKID>021000021<ACCTID>482001<ACCTTYPE>CHECKING</BANKACCTFROM>\r\n<BANKTRANLIST>"
            "<DTSTART>20141101<DTEND>20141124\r\n")
    for i, (last, first) in enumerate(NAMES):
        body += ("<STMTTRN><TRNTYPE>CREDIT<DTPOSTED>2014112%d<TRNAMT>1250.00<FITID>%d<NAME>%s %s"
                 "<MEMO>ZELLE FROM %s</STMTTRN>\r\n" % (i, 9000 + i, first, last, EMAIL))
    if not cut:
        body += "</BANKTRANLIST><LEDGERBAL><BALAMT>3750.00<DTASOF>20141124</LEDGERBAL></STMTRS></STMTTRNRS>" \
                "</BANKMSGSRSV1>\r\n</OFX>\r\n"
    return (head + body).encode()


# ---------------------------------------------------------------- SWIFT
def swift(cut):
    s = ("{1:F01ACMEUS33AXXX0000000000}{2:I103TESTDEFFXXXXN}{3:{108:REF0417}}{4:\r\n"
         ":20:REF0417\r\n:23B:CRED\r\n:32A:141124USD1250,00\r\n"
         ":50K:/482001\r\nADA MOSS\r\n1 ELM STREET\r\nSPRINGFIELD IL\r\n"
         ":59:/DE89370400440532013000\r\nMAREK KOWALSKI\r\n")
    if not cut:
        s += ":71A:SHA\r\n-}{5:{CHK:0123456789AB}}\r\n"
    return s.encode()


# ---------------------------------------------------------------- DICOM
def dcm_el(group, elem, vr, value):
    if len(value) % 2:
        value += b"\0" if vr == "UI" else b" "
    if vr in ("OB", "OW", "SQ", "UN", "UT"):
        return struct.pack("<HH", group, elem) + vr.encode() + b"\0\0" + struct.pack("<I", len(value)) + value
    return struct.pack("<HH", group, elem) + vr.encode() + struct.pack("<H", len(value)) + value


def dicom(cut):
    meta = dcm_el(0x0002, 0x0001, "OB", b"\0\1") + dcm_el(0x0002, 0x0010, "UI", b"1.2.840.10008.1.2.1")
    out = b"\0" * 128 + b"DICM" + dcm_el(0x0002, 0x0000, "UL", struct.pack("<I", len(meta))) + meta
    out += dcm_el(0x0008, 0x0060, "CS", b"CT") + dcm_el(0x0010, 0x0010, "PN", b"MOSS^ADA")
    out += dcm_el(0x0010, 0x0020, "LO", b"PID0417")
    out += struct.pack("<HH", 0x0010, 0x1002) + b"SQ\0\0" + struct.pack("<I", 0xFFFFFFFF)
    out += struct.pack("<HHI", 0xFFFE, 0xE000, 0xFFFFFFFF)
    out += dcm_el(0x0010, 0x0020, "LO", SSNS[0].encode()) + dcm_el(0x0010, 0x0021, "LO", b"SSA")
    if not cut:
        out += struct.pack("<HHI", 0xFFFE, 0xE00D, 0) + struct.pack("<HHI", 0xFFFE, 0xE0DD, 0)
        out += dcm_el(0x0010, 0x0030, "DA", b"19750314") + dcm_el(0x0010, 0x0040, "CS", b"F")
    return out


def dicom_un():
    meta = dcm_el(0x0002, 0x0001, "OB", b"\0\1") + dcm_el(0x0002, 0x0010, "UI", b"1.2.840.10008.1.2.1")
    out = b"\0" * 128 + b"DICM" + dcm_el(0x0002, 0x0000, "UL", struct.pack("<I", len(meta))) + meta
    out += dcm_el(0x0008, 0x0060, "CS", b"CT") + dcm_el(0x0009, 0x0010, "LO", b"ACME PRIVATE")
    out += struct.pack("<HH", 0x0009, 0x1010) + b"UN\0\0" + struct.pack("<I", 0xFFFFFFFF)
    out += struct.pack("<HHI", 0xFFFE, 0xE000, 0xFFFFFFFF)
    for tag, v in ((0x00081150, b"1.2.840.10008.5.1.4.1.1.2\0"), (0x00081155, b"1.2.826.0.1.3680043.417.1")):
        out += struct.pack("<HHI", tag >> 16, tag & 0xFFFF, len(v)) + v
    out += struct.pack("<HHI", 0xFFFE, 0xE00D, 0) + struct.pack("<HHI", 0xFFFE, 0xE0DD, 0)
    out += dcm_el(0x0010, 0x0010, "PN", b"MOSS^ADA") + dcm_el(0x0010, 0x0020, "LO", SSNS[1].encode())
    out += dcm_el(0x0010, 0x0021, "LO", b"SSA") + dcm_el(0x0010, 0x0030, "DA", b"19750314")
    return out


# ---------------------------------------------------------------- HL7 v2 batch
def hl7(cut):
    segs = ["FHS|^~\\&|ACMEADT|ACME|BILLING|ACME|20141124083000||||F0417",
            "BHS|^~\\&|ACMEADT|ACME|BILLING|ACME|20141124083000||||B0417"]
    for i, (last, first) in enumerate(NAMES[:2]):
        segs.append("MSH|^~\\&|ACMEADT|ACME|BILLING|ACME|2014112408300%d||ADT^A04|MSG%04d|P|2.5" % (i, i))
        segs.append("PID|1||PID%04d^^^ACME^MR||%s^%s||19750314|F|||%d ELM ST^^SPRINGFIELD^IL^62704||||||||%s"
                    % (417 + i, last, first, 10 + i, SSNS[i]))
    if not cut:
        segs += ["BTS|2", "FTS|1"]
    return ("\r".join(segs) + "\r").encode()


def digits():
    lines = ["05121" + "99887766554433" + "".join(str((i * 7 + k * 3) % 10) for k in range(981))
             for i in range(3)]
    return ("\r\n".join(lines) + "\r\n").encode()


CASES = {"nacha": (nacha, "ach"), "fire": (fire, "txt"), "bai2": (bai2, "bai"), "x937": (x937, "x937"),
         "metro2": (metro2, "txt"), "efw2": (efw2, "txt"), "ofx": (ofx, "ofx"), "swift": (swift, "fin"),
         "dicom": (dicom, "dcm"), "hl7": (hl7, "hl7")}


def generate(outdir):
    os.makedirs(outdir, exist_ok=True)
    for name, (fn, ext) in CASES.items():
        for cut in (False, True):
            with open(os.path.join(outdir, "%s_%s.%s" % (name, "cut" if cut else "whole", ext)), "wb") as f:
                f.write(fn(cut))
    with open(os.path.join(outdir, "dicom_un.dcm"), "wb") as f:
        f.write(dicom_un())
    with open(os.path.join(outdir, "digits.txt"), "wb") as f:
        f.write(digits())
    with open(os.path.join(outdir, "metro2_headerless.txt"), "wb") as f:
        f.write((metro2_base(0) + "\r\n" + metro2_base(1) + "\r\n").encode())
    return {"ssn": SSNS, "email": EMAIL, "cases": sorted(CASES), "ext": {k: v[1] for k, v in CASES.items()}}


SEED_HARNESS = {"nacha": "nacha", "fire": "fire1099", "bai2": "bai2", "x937": "x937", "metro2": "metro2",
                "efw2": "efw2", "ofx": "ofx", "swift": "swift", "dicom": "dicom",
                "hl7": "hl7"}


def seeds(outdir):
    """The cut files as fuzz seeds, by harness."""
    for name, (fn, ext) in CASES.items():
        path = os.path.join(outdir, SEED_HARNESS[name], "r14_cut.%s" % ext)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(fn(True))
    with open(os.path.join(outdir, "dicom", "r14_un_sequence.dcm"), "wb") as f:
        f.write(dicom_un())


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--seed":
        seeds(sys.argv[2])
    elif len(sys.argv) == 2:
        generate(sys.argv[1])
    else:
        sys.exit(__doc__)
