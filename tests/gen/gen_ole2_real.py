#!/usr/bin/env python3
"""Small OLE2 files for the text-loss classes found by comparing leaksift
with LibreOffice on real Word/Excel/PowerPoint 97-2003 files (docs/formats.md,
OLE2 section, "Recall against LibreOffice"). Stdlib only, via cfb_writer.py.

    python3 tests/gen/gen_ole2_real.py OUTDIR          # all fixtures
    python3 tests/gen/gen_ole2_real.py --corpus DIR    # fuzz seeds (same files)

Files (all PII fake):
  word6_fastsaved.doc  Word 6.0 file saved with "fast save" (FIB fComplex):
                       the piece table (CLX in WordDocument at 0x160) maps an
                       edit appended after fcMac; fcMin..fcMac also holds
                       text the edit deleted (POI TestInvertedClassID.doc,
                       Bug50955.doc: 430 and 164 words lost)
  word6_fonts.doc      a Word 6.0 file whose text is Windows-1251, known only
                       from its font table (Times New Roman Cyr, charset
                       204): no SummaryInformation code page the core has
                       (POI 52117.doc, Bug60936.doc: POI writes 65001)
  ppt_comment.ppt      a slide comment (Comment10Container) inside the
                       BinaryTagDataBlob of a "___PPT10" tag, which has
                       recVer 0 although it holds records (POI
                       WithComments.ppt, Tika testPPT_comment.ppt)
  ppt_alttext.ppt      a picture's alternative text, file name and tooltip
                       and WordArt text, complex properties of an OfficeArt
                       shape (OfficeArtFOPT; POI 60003.ppt, Tika
                       testPPT_2imgs.ppt: LibreOffice shows the alt text)
  xls_errors.xls       error values: BOOLERR cells and FORMULA results
                       (#REF!, #N/A, #DIV/0! ...; SheetJS ErrorTypes.xls,
                       POI IndexFunctionTestCaseData.xls) between text cells
  xls_velvet.xls       BIFF8 RC4-encrypted (FILEPASS, RC4 1.1) with Excel's
                       default password "VelvetSweatshop": a workbook only
                       write-protected, which Excel and LibreOffice open
                       without a prompt (POI 50833.xls, calamine
                       issue_385.xls, PhpSpreadsheet pwtest.xls)
  xls_password.xls     the same workbook under another password: encrypted
  xls_capi40.xls       the same workbook with RC4 CryptoAPI (FILEPASS 4.2,
  xls_capi128.xls      SHA-1 keys of 40 and 128 bits), Excel 2002-2010's
                       default, with the default password (PhpSpreadsheet
                       pwtest3.xls; LibreOffice opens it without a prompt)
  xls_capi_password.xls  CryptoAPI under another password: encrypted
  xls_xor.xls          BIFF5 "Book" XOR-obfuscated (4-byte FILEPASS: key,
                       verifier) with the default password (POI 60284.xls)
"""
import hashlib
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cfb_writer import CFBWriter  # noqa: E402
from gen_ole2 import biff, summary_info, word6_fast_saved  # noqa: E402

W6_KEPT = "Personnel file of Jane Doe\r"
W6_DELETED = "Deleted paragraph: old SSN 536-22-1874\r"
W6_APPENDED = "Added by fast save: card 4556 7375 8689 9855, mail w6.fast@example.com\r"
W6_TAIL = "End of file\r"


def word6_fastsaved():
    """A Word 6.0 file (wIdent 0xA5DC, nFib 0x65, fComplex; the WordDocument
    of gen_ole2.word6_fast_saved()): fcMin..fcMac = KEPT + DELETED + TAIL,
    the appended edit after fcMac, the CLX after it; the pieces read KEPT,
    APPENDED, TAIL (DELETED is in no piece)."""
    kept, deleted, tail = (t.encode("cp1252") for t in (W6_KEPT, W6_DELETED, W6_TAIL))
    appended = W6_APPENDED.encode("cp1252")
    pieces = [(0, len(kept)), ("app", 0, len(appended)), (len(kept) + len(deleted), len(tail))]
    w = CFBWriter()
    w.add_stream("WordDocument", word6_fast_saved(kept + deleted + tail, appended, pieces))
    w.add_stream("\x05SummaryInformation", summary_info("Personnel", "Jane Doe"))
    return w.build()[0]


W6_CYR = "Зарплата сотрудника Иванова: паспорт 4509 123456"


def word6_fonts():
    """Word 6.0 (wIdent 0xA5DC, nFib 0x65), text in fcMin..fcMac as cp1251,
    the STTBFFFN at fcSttbfffn (0xD0): Times New Roman (ANSI), Symbol,
    Times New Roman Cyr (charset 204); no SummaryInformation."""
    fcmin = 0x300
    text = (W6_CYR + "\r").encode("cp1251")
    fonts = b""
    for chs, name in ((0, b"Times New Roman"), (2, b"Symbol"), (204, b"Times New Roman Cyr"), (1, b"Arial")):
        body = struct.pack("<BHBB", 0x16, 400, chs, 0) + name + b"\0"
        fonts += bytes([len(body)]) + body  # cbFfnM1 = length of what follows
    sttbf = struct.pack("<H", 2 + len(fonts)) + fonts
    fc_ffn = fcmin + len(text) + 16
    wd = bytearray(fc_ffn + len(sttbf))
    struct.pack_into("<HH", wd, 0, 0xA5DC, 0x0065)
    struct.pack_into("<II", wd, 0x18, fcmin, fcmin + len(text))
    struct.pack_into("<I", wd, 0x34, len(text))
    struct.pack_into("<II", wd, 0xD0, fc_ffn, len(sttbf))
    wd[fcmin:fcmin + len(text)] = text
    wd[fc_ffn:] = sttbf
    w = CFBWriter()
    w.add_stream("WordDocument", bytes(wd))
    return w.build()[0]


PPT_SLIDE = "Quarterly figures"
PPT_AUTHOR = "Jane Doe"
PPT_COMMENT = "Comment: the admin password is in hr.vault@example.com's mail"


def _rec(ver, inst, rtype, body):
    return struct.pack("<HHI", ver | (inst << 4), rtype, len(body)) + body


def ppt_comment():
    """A slide whose ProgTags hold a "___PPT10" ProgBinaryTag; its
    BinaryTagDataBlob (0x138B, recVer 0) holds a Comment10Container (0x2EE0)
    with the author (CString instance 0), the text (1), the initials (2)
    and a Comment10Atom (0x2EE1)."""
    def cstr(inst, s):
        return _rec(0, inst, 0x0FBA, s.encode("utf-16-le"))
    text = _rec(0, 0, 0x0FA0, PPT_SLIDE.encode("utf-16-le"))
    comment = _rec(0xF, 1, 0x2EE0, cstr(0, PPT_AUTHOR) + cstr(1, PPT_COMMENT) + cstr(2, "JD") +
                   _rec(0, 0, 0x2EE1, struct.pack("<i", 1) + b"\0" * 24))
    blob = _rec(0, 0, 0x138B, comment)
    tag = _rec(0xF, 0, 0x1388, _rec(0xF, 0, 0x138A, cstr(0, "___PPT10") + blob))
    slide = _rec(0xF, 0, 0x03EE, _rec(0xF, 0, 0x0FF0, text) + tag)
    doc = _rec(0xF, 0, 0x03E8, b"") + slide
    w = CFBWriter()
    w.add_stream("PowerPoint Document", doc)
    w.add_stream("Current User", b"\0" * 20)
    return w.build()[0]


PPT_ALT = "Scan of passport 123456789 of Jane Doe"
PPT_PIB = "C:\\Users\\jdoe\\Desktop\\passport_scan.png"
PPT_TIP = "Tooltip alt.tip@example.com"
PPT_WORDART = "CONFIDENTIAL WordArt banner"
PPT_SHAPE_NAME = "Picture 4"


def ppt_alttext():
    """A slide's PPDrawing (0x040C) > DgContainer (0xF002) > SpContainer
    (0xF004) > OfficeArtFOPT (0xF00B, recVer 3, recInstance = property
    count): a simple property, then pibName, wzName, wzDescription,
    wzTooltip and gtextUNICODE as complex UTF-16 values after the table."""
    props = [(0x007F, None, 0x00010001), (0x0105, PPT_PIB, 0), (0x0380, PPT_SHAPE_NAME, 0),
             (0x0381, PPT_ALT, 0), (0x038D, PPT_TIP, 0), (0x00C0, PPT_WORDART, 0)]
    table, data = b"", b""
    for pid, text, val in props:
        if text is None:
            table += struct.pack("<HI", pid, val)
            continue
        v = text.encode("utf-16-le") + b"\0\0"
        table += struct.pack("<HI", pid | 0x8000, len(v))
        data += v
    fopt = _rec(3, len(props), 0xF00B, table + data)
    sp = _rec(0xF, 0, 0xF004, _rec(2, 0, 0xF00A, struct.pack("<II", 1025, 0x0A00)) + fopt)
    drawing = _rec(0xF, 0, 0x040C, _rec(0xF, 0, 0xF002, _rec(0xF, 0, 0xF003, sp)))
    slide = _rec(0xF, 0, 0x03EE, _rec(0xF, 0, 0x0FF0, _rec(0, 0, 0x0FA0, PPT_SLIDE.encode("utf-16-le"))) + drawing)
    w = CFBWriter()
    w.add_stream("PowerPoint Document", _rec(0xF, 0, 0x03E8, b"") + slide)
    w.add_stream("Current User", b"\0" * 20)
    return w.build()[0]


XLS_ERRORS = ["#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"]
XLS_ERROR_CODES = [0x00, 0x07, 0x0F, 0x17, 0x1D, 0x24, 0x2A]


def xls_errors():
    """BIFF8, one sheet: row 0 a LABEL, then one BOOLERR error cell per
    code in column 0 and a FORMULA with the same cached error in column 1."""
    bof_g = biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06))
    name = b"Errors"
    glob_len = len(bof_g) + 4 + 8 + len(name) + 4
    glob = bof_g + biff(0x0085, struct.pack("<IBBBB", glob_len, 0, 0, len(name), 0) + name) + biff(0x000A, b"")
    assert len(glob) == glob_len
    rows = biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x06))
    lab = "Lookup results for err.owner@example.com"
    rows += biff(0x0204, struct.pack("<HHHHB", 0, 0, 15, len(lab), 0) + lab.encode())
    for i, code in enumerate(XLS_ERROR_CODES, 1):
        rows += biff(0x0205, struct.pack("<HHHBB", i, 0, 15, code, 1))
        f = struct.pack("<HHH", i, 1, 15) + struct.pack("<BBBBHH", 2, 0, code, 0, 0, 0xFFFF)
        f += struct.pack("<HI", 0, 0) + struct.pack("<H", 0)
        rows += biff(0x0006, f)
    w = CFBWriter()
    w.add_stream("Workbook", (glob + rows + biff(0x000A, b"")).ljust(4096, b"\0"))
    return w.build()[0]


def _rc4(key, data):
    S = list(range(256))
    j = 0
    for i in range(256):
        j = (j + S[i] + key[i % len(key)]) & 255
        S[i], S[j] = S[j], S[i]
    i = j = 0
    out = bytearray()
    for c in data:
        i = (i + 1) & 255
        j = (j + S[i]) & 255
        S[i], S[j] = S[j], S[i]
        out.append(c ^ S[(S[i] + S[j]) & 255])
    return bytes(out)


VELVET_CELL = "Salary list: 536-22-1874 velvet.owner@example.com"


def _capi_filepass(password, bits, salt):
    """[MS-OFFCRYPTO] 2.3.5 RC4 CryptoAPI: FILEPASS type 1, version 4.2, an
    EncryptionHeader (RC4, SHA-1, bits) and an EncryptionVerifier; block n's
    key is SHA-1(H0 || n) cut to bits/8 bytes, a 40-bit key padded with
    zeros to 16 bytes. Returns (FILEPASS data, key function)."""
    h0 = hashlib.sha1(salt + password.encode("utf-16-le")).digest()

    def key(n):
        k = hashlib.sha1(h0 + struct.pack("<I", n)).digest()[:bits // 8]
        return k + bytes(11) if bits == 40 else k
    csp = "Microsoft Enhanced Cryptographic Provider v1.0\0".encode("utf-16-le")
    header = struct.pack("<IIIIIIII", 0x04, 0, 0x6801, 0x8004, bits, 1, 0, 0) + csp
    verifier = bytes(range(100, 116))
    ev = _rc4(key(0), verifier + hashlib.sha1(verifier).digest())
    data = (struct.pack("<HHHII", 1, 4, 2, 0x04, len(header)) + header +
            struct.pack("<I", 16) + salt + ev[:16] + struct.pack("<I", 20) + ev[16:])
    return data, key


def xls_rc4(password, capi_bits=None):
    """[MS-OFFCRYPTO] 2.3.6 RC4 (version 1.1), or 2.3.5 RC4 CryptoAPI when
    capi_bits is given, over a BIFF8 stream as [MS-XLS] 2.2.10 says: the key
    stream runs over the whole stream from offset 0, re-keyed every 1024
    bytes (block n: MD5(H1[0..5] || n) or SHA-1(H0 || n)), headers are not
    encrypted but use key stream, BOF/FILEPASS stay clear, and so does a
    BoundSheet8's lbPlyPos."""
    salt = bytes(range(16))
    h0 = hashlib.md5(password.encode("utf-16-le")).digest()
    h1 = hashlib.md5((h0[:5] + salt) * 16).digest()

    def key(n):
        return hashlib.md5(h1[:5] + struct.pack("<I", n)).digest()
    verifier = bytes(range(100, 116))
    ev = _rc4(key(0), verifier + hashlib.md5(verifier).digest())
    fp_data = struct.pack("<HHH", 1, 1, 1) + salt + ev
    if capi_bits:
        fp_data, key = _capi_filepass(password, capi_bits, salt)
    filepass = biff(0x002F, fp_data)
    bof_g = biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06))
    name = b"Payroll"
    glob_len = len(bof_g) + len(filepass) + 4 + 8 + len(name) + 4
    recs = [bof_g, filepass, biff(0x0085, struct.pack("<IBBBB", glob_len, 0, 0, len(name), 0) + name),
            biff(0x000A, b""), biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x06))]
    for row, text in enumerate([VELVET_CELL, "Card 4556 7375 8689 9855"] + ["filler row %d" % i for i in range(60)]):
        recs.append(biff(0x0204, struct.pack("<HHHHB", row, 0, 15, len(text), 0) + text.encode()))
    recs.append(biff(0x000A, b""))
    plain = b"".join(recs)
    assert struct.unpack_from("<I", plain, len(bof_g) + len(filepass) + 4)[0] == glob_len
    stream = bytearray(plain)
    ks = b"".join(_rc4(key(n), bytes(1024)) for n in range(len(plain) // 1024 + 1))
    off = len(bof_g) + len(filepass)
    while off < len(plain):
        rtype, n = struct.unpack_from("<HH", plain, off)
        start = off + 4 + (4 if rtype == 0x0085 else 0)
        if rtype not in (0x0809, 0x002F):
            for i in range(start, off + 4 + n):
                stream[i] ^= ks[i]
        off += 4 + n
    w = CFBWriter()
    w.add_stream("Workbook", bytes(stream).ljust(4096, b"\0"))
    w.add_stream("\x05SummaryInformation", summary_info("Payroll", "Jane Doe"))
    return w.build()[0]


_XOR_PAD = [0xBB, 0xFF, 0xFF, 0xBA, 0xFF, 0xFF, 0xB9, 0x80, 0x00, 0xBE, 0x0F, 0x00, 0xBF, 0x0F, 0x00]


def _xor_verifier(pw):
    v = 0
    for c in reversed([len(pw)] + list(pw.encode("latin-1"))):
        v = (((v >> 14) & 1) | ((v << 1) & 0x7FFF)) ^ c
    return v ^ 0xCE4B


def _xor_array(pw, key):
    """[MS-OFFCRYPTO] 2.3.7.2 CreateXorArray_Method1 (key as given)."""
    def xror(a, b):
        x = a ^ b
        return ((x >> 1) | (x << 7)) & 0xFF
    b = list(pw.encode("latin-1"))
    arr, i = [0] * 16, len(b)
    if i % 2 == 1:
        arr[i] = xror(_XOR_PAD[0], key >> 8)
        i -= 1
        arr[i] = xror(b[-1], key & 0xFF)
    while i > 0:
        i -= 1
        arr[i] = xror(b[i], key >> 8)
        i -= 1
        arr[i] = xror(b[i], key & 0xFF)
    i, pad = 15, 15 - len(b)
    while pad > 0:
        arr[i] = xror(_XOR_PAD[pad], key >> 8)
        i -= 1
        pad -= 1
        arr[i] = xror(_XOR_PAD[pad], key & 0xFF)
        i -= 1
        pad -= 1
    return arr


XOR_CELL = "Attenuator notes: ssn 536-22-1874 xor.owner@example.com"


def xls_xor(password="VelvetSweatshop", key=0xB359):
    """BIFF5 Book stream, XOR-obfuscated ([MS-XLS] 2.2.10): byte p of a
    record of length l is stored as rotr3(b) ^ array[(p + l) % 16]; BOF,
    FILEPASS and a BOUNDSHEET's lbPlyPos stay clear."""
    bof_g = biff(0x0809, struct.pack("<HHHH", 0x0500, 0x0005, 0x0DBB, 0x07CC))
    filepass = biff(0x002F, struct.pack("<HH", key, _xor_verifier(password)))
    name = b"Pads"
    glob_len = len(bof_g) + len(filepass) + 4 + 7 + len(name) + 4
    recs = [bof_g, filepass, biff(0x0085, struct.pack("<IHB", glob_len, 0, len(name)) + name), biff(0x000A, b""),
            biff(0x0809, struct.pack("<HHHH", 0x0500, 0x0010, 0x0DBB, 0x07CC))]
    for row, text in enumerate([XOR_CELL] + ["xor filler %d" % i for i in range(40)]):
        recs.append(biff(0x0204, struct.pack("<HHHH", row, 0, 15, len(text)) + text.encode("cp1252")))
    recs.append(biff(0x000A, b""))
    plain = b"".join(recs)
    arr = _xor_array(password, key)
    stream = bytearray(plain)
    off = len(bof_g) + len(filepass)
    while off < len(plain):
        rtype, n = struct.unpack_from("<HH", plain, off)
        if rtype != 0x0809:
            for p in range(off + 4 + (4 if rtype == 0x0085 else 0), off + 4 + n):
                b = plain[p]
                stream[p] = (((b >> 3) | (b << 5)) & 0xFF) ^ arr[(p + n) & 15]
        off += 4 + n
    w = CFBWriter()
    w.add_stream("Book", bytes(stream).ljust(4096, b"\0"))
    return w.build()[0]


def generate(out):
    os.makedirs(out, exist_ok=True)
    files = {"word6_fastsaved.doc": word6_fastsaved(), "word6_fonts.doc": word6_fonts(),
             "ppt_comment.ppt": ppt_comment(),
             "ppt_alttext.ppt": ppt_alttext(), "xls_errors.xls": xls_errors(), "xls_velvet.xls": xls_rc4("VelvetSweatshop"),
             "xls_password.xls": xls_rc4("hunter2"), "xls_xor.xls": xls_xor(),
             "xls_capi40.xls": xls_rc4("VelvetSweatshop", 40), "xls_capi128.xls": xls_rc4("VelvetSweatshop", 128),
             "xls_capi_password.xls": xls_rc4("hunter2", 128)}
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    return sorted(files)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--corpus":
        generate(sys.argv[2])
    elif len(sys.argv) == 2:
        generate(sys.argv[1])
    else:
        sys.exit(__doc__)
