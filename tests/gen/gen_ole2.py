#!/usr/bin/env python3
"""Generate OLE2 / Outlook .msg test files (stdlib only, via cfb_writer.py).

    python3 tests/gen/gen_ole2.py OUTDIR          # all fixtures
    python3 tests/gen/gen_ole2.py --corpus DIR    # small fuzz seeds

Files (all PII is fake; see make_ole2_fixtures.sh for the values):
  mail.msg          subject/body/recipients with PII, an HTML body, a
                    compressed RTF body (LZFu), an attachment notes.txt with
                    PII, and an embedded message two levels deep whose
                    innermost attachment deep_secret.txt holds a card number
                    (three levels below the root .msg)
  plain.doc         a minimal Word 97 file (FIB + CLX), a compressed and a
                    Unicode piece, SSN + e-mail, a summary property set
  macro.doc         plain.doc plus a Macros/VBA storage          -> macro
  package.doc       plain.doc plus ObjectPool/_1/\\x01Ole10Native holding
                    payroll_Gehälter.txt (cp1252 name) with PII   -> child
  encrypted.doc     FIB fEncrypted set                             -> encrypted
  encrypted_ooxml.docx  EncryptionInfo + EncryptedPackage          -> encrypted
  filepass.xls      BIFF8 workbook with FILEPASS                   -> encrypted
  xlm.xls           an Excel 4.0 macro sheet                       -> macro
  hostile_fat_cycle.doc, hostile_out_of_range.doc, hostile_dir_cycle.doc,
  hostile_huge_shift.doc, truncated.doc, hostile_mini_cycle.msg
  hostile_w6_pieces.doc  a fast-saved Word 6 file, 4000 pieces over the
                    same 8 KiB, deleted text in no piece
  hostile_w97_pieces.doc  a Word 97 file, 2000 pieces over the same 64 KiB
"""
import os
import struct
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cfb_writer import CFBWriter, ENDOFCHAIN, fat_entry_offset, patch_u32  # noqa: E402

EMAIL = "jane.doe@example.com"
SSN = "536-22-1874"
CARD = "4556 7375 8689 9855"
CARD2 = "5424 1801 3270 4476"

# ---------------------------------------------------------------- property sets


def summary_info(title, author, company=None):
    """A SummaryInformation (or DocumentSummaryInformation with company)
    stream with VT_LPSTR properties in code page 1252."""
    def lpstr(s):
        b = s.encode("cp1252") + b"\0"
        b = struct.pack("<HHI", 0x1E, 0, len(b)) + b
        return b + b"\0" * (-len(b) % 4)

    def lpwstr(s):  # VT_LPWSTR: UTF-16, invisible to a raw-byte scan
        b = s.encode("utf-16-le") + b"\0\0"
        b = struct.pack("<HHI", 0x1F, 0, len(b) // 2) + b
        return b + b"\0" * (-len(b) % 4)

    if company is None:
        fmtid = bytes.fromhex("E0859FF2F94F6810AB9108002B27B3D9")
        props = [(1, struct.pack("<HHhxx", 2, 0, 1252)), (2, lpstr(title)), (4, lpstr(author)),
                 (6, lpwstr("Reviewed by props.wide@example.com")), (8, lpstr(author))]
    else:
        fmtid = bytes.fromhex("02D5CDD59C2E1B10939708002B2CF9AE")
        props = [(1, struct.pack("<HHhxx", 2, 0, 1252)), (15, lpstr(company))]
    head = 8 + 8 * len(props)
    body, idx, off = b"", b"", head
    for pid, val in props:
        idx += struct.pack("<II", pid, off)
        body += val
        off += len(val)
    pset = struct.pack("<II", off, len(props)) + idx + body
    return (struct.pack("<HHI", 0xFFFE, 0, 0x00020006) + b"\0" * 16 + struct.pack("<I", 1) + fmtid +
            struct.pack("<I", 48) + pset)


def _pset(props):
    head = 8 + 8 * len(props)
    body, idx, off = b"", b"", head
    for pid, val in props:
        idx += struct.pack("<II", pid, off)
        body += val
        off += len(val)
    return struct.pack("<II", off, len(props)) + idx + body


def _lpstr(s):
    b = s.encode("cp1252") + b"\0"
    b = struct.pack("<HHI", 0x1E, 0, len(b)) + b
    return b + b"\0" * (-len(b) % 4)


USER_PROP_NAME = "Case owner"
USER_PROP_VALUE = "Reach hr.case@example.com about SSN 461-37-2851"


def docsum_user(size_lie=0, shift=0):
    """DocumentSummaryInformation with section 0 (Company) and the
    user-defined section 1 (dictionary + one string). size_lie adds bytes
    to section 1's declared size that the stream does not have (writers
    counting padding they never write: POI's bug55505.xls); shift puts
    section 1 that many zero bytes after the offset the header gives
    (POI's hpsf/TestBug52372.doc)."""
    cp = struct.pack("<HHhxx", 2, 0, 1252)
    sec0 = _pset([(1, cp), (15, _lpstr("Initech Holdings"))])
    name = USER_PROP_NAME.encode("cp1252") + b"\0"
    dic = struct.pack("<III", 1, 2, len(name)) + name
    dic += b"\0" * (-len(dic) % 4)
    sec1 = bytearray(_pset([(0, dic), (1, cp), (2, _lpstr(USER_PROP_VALUE))]))
    struct.pack_into("<I", sec1, 0, len(sec1) + size_lie)
    off0 = 28 + 2 * 20
    off1 = off0 + len(sec0)
    head = (struct.pack("<HHI", 0xFFFE, 0, 0x00020006) + b"\0" * 16 + struct.pack("<I", 2) +
            bytes.fromhex("02D5CDD59C2E1B10939708002B2CF9AE") + struct.pack("<I", off0) +
            bytes.fromhex("05D5CDD59C2E1B10939708002B2CF9AE") + struct.pack("<I", off1))
    return head + sec0 + b"\0" * shift + bytes(sec1)


# ---------------------------------------------------------------- Word


def sttb(strings, wide=True):
    """An STTB ([MS-DOC] 2.2.4): extended (UTF-16) or 8-bit, no extra data."""
    if wide:
        return b"\xff\xff" + struct.pack("<HH", len(strings), 0) + b"".join(
            struct.pack("<H", len(x)) + x.encode("utf-16-le") for x in strings)
    return struct.pack("<HH", len(strings), 0) + b"".join(
        bytes([len(x)]) + x.encode("cp1252") for x in strings)


# FibRgFcLcb97 pair numbers of the name lists ([MS-DOC] 2.5.6)
FCLCB_ASSOC, FCLCB_ATNOWNERS, FCLCB_RMARK, FCLCB_SAVEDBY = 32, 36, 51, 71


def word_streams(text8, text16, encrypted=False, pad=0, names=None, deleted=None):
    """WordDocument + 0Table for a two-piece document: text8 compressed
    (cp1252), then text16 as UTF-16LE. pad grows WordDocument past the mini
    stream cutoff so its chain lives in the FAT. names: {FIB pair number:
    bytes} appended to the table stream (the revision log SttbSavedBy,
    SttbfRMark, GrpXstAtnOwners, SttbfAssoc). deleted: (8-bit text,
    UTF-16 text) a fast save left where no piece points, after each piece
    (the FIB says fComplex), plus a formatting page (a CHPX FKP named by
    PlcBteChpx) of printable bytes that are no text."""
    fib = bytearray(1024)
    struct.pack_into("<HH", fib, 0, 0xA5EC, 0x00C1)
    struct.pack_into("<H", fib, 10, 0x0100 if encrypted else 0)
    struct.pack_into("<H", fib, 32, 14)
    struct.pack_into("<H", fib, 62, 22)
    b8 = text8.encode("cp1252")
    b16 = text16.encode("utf-16-le")
    del8, del16 = (deleted[0].encode("cp1252"), deleted[1].encode("utf-16-le")) if deleted else (b"", b"")
    struct.pack_into("<I", fib, 64 + 12, len(b8) + len(b16) // 2)  # ccpText
    struct.pack_into("<H", fib, 152, 0x5D)
    if deleted:
        struct.pack_into("<H", fib, 10, 0x0004)  # fComplex: fast-saved
    off8 = 1024
    off16 = off8 + len(b8) + len(del8) + (-(off8 + len(b8) + len(del8)) % 2)
    wd = bytes(fib) + b8 + del8
    wd += b"\0" * (off16 - len(wd)) + b16 + del16 + b"\0" * pad
    fkp_pn = None
    if deleted:
        wd += b"\0" * (-len(wd) % 512)
        fkp_pn = len(wd) // 512
        page = bytearray(b"FKP bytes are formatting, not text: never read" + b"\0" * 512)[:512]
        page[511] = 1  # crun
        wd += bytes(page)
    n8, n16 = len(b8), len(b16) // 2
    plc = struct.pack("<III", 0, n8, n8 + n16)
    plc += struct.pack("<HIH", 0, (off8 * 2) | 0x40000000, 0)
    plc += struct.pack("<HIH", 0, off16, 0)
    clx = b"\x01" + struct.pack("<H", 2) + b"\0\0" + b"\x02" + struct.pack("<I", len(plc)) + plc
    table = clx
    wd = bytearray(wd)
    struct.pack_into("<II", wd, 0x1A2, 0, len(clx))
    if fkp_pn is not None:  # PlcBteChpx (FIB pair 12): one FKP for the whole text
        plcbte = struct.pack("<III", off8, off16 + len(b16), fkp_pn)
        struct.pack_into("<II", wd, 154 + 8 * 12, len(table), len(plcbte))
        table += plcbte
    for idx, blob in (names or {}).items():
        struct.pack_into("<II", wd, 154 + 8 * idx, len(table), len(blob))
        table += blob
    return bytes(wd), table


DOC_TEXT8 = ("Quarterly HR memo\rEmployee SSN %s, contact %s.\rCell A\x07Cell B\x07\x07"
             "\x13 HYPERLINK \"mailto:%s\" \x14link\x15\r" % (SSN, EMAIL, EMAIL))
DOC_TEXT16 = "Unicode piece: Зарплата %s\r" % CARD


NAMES_EMAIL = "payroll.clerk@example.org"  # a user name Word saved under
NAMES_SSN = "536-22-1899"                  # in a folder name Word saved to
SAVED_BY_PATH = "\\\\fs01\\HR\\Payroll %s.doc" % NAMES_SSN
DOC_NAMES = {
    # Word's revision log: (author, path) of the last saves
    FCLCB_SAVEDBY: sttb(["Jane Roe", "C:\\Users\\jroe\\Desktop\\memo.doc",
                         NAMES_EMAIL, SAVED_BY_PATH]),
    FCLCB_RMARK: sttb(["Unknown", "Reviewer Quokka"]),
    FCLCB_ATNOWNERS: b"".join(struct.pack("<H", len(x)) + x.encode("utf-16-le")
                              for x in ("Commenter Wombat", "Legal Numbat")),
    FCLCB_ASSOC: sttb(["", "Q:\\templates\\hr-letter.dot"], wide=False),
}


# What a fast save left behind: a deleted sentence after each piece.
DELETED_SSN = "536-22-1877"
DELETED_EMAIL = "old.address@example.org"
DOC_DELETED = ("\rDeleted paragraph: bonus for SSN %s withheld.\r" % DELETED_SSN,
               "\rDeleted note: write to %s \u0434\u0430\r" % DELETED_EMAIL)


def plain_doc(encrypted=False, pad=0, extra=None, names=None, deleted=None):
    w = CFBWriter()
    wd, tbl = word_streams(DOC_TEXT8, DOC_TEXT16, encrypted, pad, names, deleted)
    w.add_stream("WordDocument", wd)
    w.add_stream("0Table", tbl)
    w.add_stream("\x05SummaryInformation", summary_info("HR memo", "Jane Doe"))
    w.add_stream("\x05DocumentSummaryInformation", summary_info("", "", company="Initech Holdings"))
    for path, data in (extra or {}).items():
        w.add_stream(path, data)
    return w.build()


def word6_fast_saved(text, appended, pieces):
    """WordDocument of a fast-saved Word 6.0 file (wIdent 0xA5DC, nFib 0x65,
    FIB fComplex): fcMin..fcMac = text (cp1252 bytes) at 0x300, `appended`
    (an edit) after fcMac, the CLX (at 0x160) after that. pieces: (fc, n)
    in CP order, fc relative to text, or to appended when given as
    ("app", fc, n)."""
    fcmin = 0x300
    fcmac = fcmin + len(text)
    fc_app = fcmac + 16
    fc_clx = fc_app + len(appended) + 16
    cps, pcds = [0], b""
    for p in pieces:
        fc = fc_app + p[1] if p[0] == "app" else fcmin + p[0]
        cps.append(cps[-1] + p[-1])
        pcds += struct.pack("<HIH", 0, fc, 0)
    plc = struct.pack("<%dI" % len(cps), *cps) + pcds
    clx = b"\x01" + struct.pack("<H", 2) + b"\0\0" + b"\x02" + struct.pack("<I", len(plc)) + plc
    wd = bytearray(fc_clx + len(clx))
    struct.pack_into("<HH", wd, 0, 0xA5DC, 0x0065)
    struct.pack_into("<H", wd, 10, 0x0004 | (2 << 4))  # fComplex, cQuickSaves 2
    struct.pack_into("<II", wd, 0x18, fcmin, fcmac)
    struct.pack_into("<I", wd, 0x34, cps[-1])  # ccpText
    struct.pack_into("<II", wd, 0x160, fc_clx, len(clx))
    wd[fcmin:fcmac] = text
    wd[fc_app:fc_app + len(appended)] = appended
    wd[fc_clx:] = clx
    return bytes(wd)


W6_HOSTILE_KEPT = "Personnel file of Harriet Okafor\r"
W6_HOSTILE_APPENDED = "Added by fast save: mail h.okafor@example.net\r"
W6_HOSTILE_DELETED = "Deleted paragraph: old SSN 536-22-1874\r"
W6_HOSTILE_TAIL = "End of file\r"
W6_HOSTILE_PIECES = 4000
W6_HOSTILE_FILL = 8192


def word6_overlapping_pieces():
    """A fast-saved Word 6 file whose piece table has thousands of pieces
    each claiming the same 8 KiB (of control bytes, no text) of
    fcMin..fcMac: text = KEPT, the 8 KiB, DELETED (in no piece), TAIL;
    pieces KEPT, 4000 times the 8 KiB, the appended edit, TAIL."""
    kept, deleted, tail, app = (t.encode("cp1252") for t in (W6_HOSTILE_KEPT, W6_HOSTILE_DELETED,
                                                            W6_HOSTILE_TAIL, W6_HOSTILE_APPENDED))
    text = kept + b"\x01" * W6_HOSTILE_FILL + deleted + tail
    pieces = [(0, len(kept))] + [(len(kept), W6_HOSTILE_FILL)] * W6_HOSTILE_PIECES
    pieces += [("app", 0, len(app)), (len(text) - len(tail), len(tail))]
    w = CFBWriter()
    w.add_stream("WordDocument", word6_fast_saved(text, app, pieces))
    return w.build()[0]


FF_HELP_EMAIL = "forms.help@example.org"   # a text field's help text
FF_STATUS_SSN = "536-22-1895"               # its status-bar hint
FF_ENTRY_SSN = "536-22-1896"                # a drop-down entry


def ffdata_stream():
    """A Word Data stream with two legacy form fields ([MS-DOC] FFData
    behind a NilPICFAndBinData header of 0x44 bytes): a text field (name,
    default text, help and status texts) and a drop-down (entries), after a
    picture-shaped record (PICF header, data that is no FFData)."""
    def xstz(v):
        return struct.pack("<H", len(v)) + v.encode("utf-16-le") + b"\0\0"

    def nilpicf(binary):
        return struct.pack("<IH", 0x44 + len(binary), 0x44) + b"\0" * 62 + binary
    text = struct.pack("<IHHH", 0xFFFFFFFF, 0, 0, 0) + xstz("Text1") + xstz("Enter your SSN") + xstz("") + \
        xstz("Ask %s" % FF_HELP_EMAIL) + xstz("Like %s" % FF_STATUS_SSN) + xstz("") + xstz("")
    entries = ["Pending", "SSN " + FF_ENTRY_SSN, "Closed"]
    drop = struct.pack("<IHHH", 0xFFFFFFFF, 2, 0, 0) + xstz("Dropdown1") + struct.pack("<H", 0) + \
        xstz("") * 5 + struct.pack("<HHH", 0xFFFF, len(entries), 0) + \
        b"".join(struct.pack("<H", len(e)) + e.encode("utf-16-le") for e in entries)
    picture = nilpicf(b"\x0f\x00\x04\xf0" + b"\x11" * 40)
    return b"\0" * 16 + picture + nilpicf(text) + b"\0" * 3 + nilpicf(drop)


W97_HOSTILE_HEAD = "Payroll memo, contact payroll.desk@example.org\r"
W97_HOSTILE_TAIL = "Tail piece: SSN 536-22-1893\r"
W97_HOSTILE_FILL = 65536
W97_HOSTILE_PIECES = 2000


def word97_overlapping_pieces():
    """A Word 97 file whose piece table has W97_HOSTILE_PIECES pieces each
    claiming the same 64 KiB of control bytes (no text) between a head
    piece and a tail piece: 128 MB of piece reads for a 66 KB stream."""
    fib = bytearray(1024)
    struct.pack_into("<HH", fib, 0, 0xA5EC, 0x00C1)
    struct.pack_into("<H", fib, 32, 14)
    struct.pack_into("<H", fib, 62, 22)
    head, tail = W97_HOSTILE_HEAD.encode("cp1252"), W97_HOSTILE_TAIL.encode("cp1252")
    wd = bytearray(bytes(fib) + head + b"\x01" * W97_HOSTILE_FILL + tail)
    pieces = [(1024, len(head))] + [(1024 + len(head), W97_HOSTILE_FILL)] * W97_HOSTILE_PIECES
    pieces.append((1024 + len(head) + W97_HOSTILE_FILL, len(tail)))
    cps = [0]
    for _, n in pieces:
        cps.append(cps[-1] + n)
    struct.pack_into("<I", wd, 64 + 12, cps[-1])  # ccpText
    plc = b"".join(struct.pack("<I", c) for c in cps)
    plc += b"".join(struct.pack("<HIH", 0, (fc * 2) | 0x40000000, 0) for fc, _ in pieces)
    clx = b"\x02" + struct.pack("<I", len(plc)) + plc
    struct.pack_into("<II", wd, 0x1A2, 0, len(clx))
    w = CFBWriter()
    w.add_stream("WordDocument", bytes(wd))
    w.add_stream("0Table", clx)
    return w.build()[0]


def quirk_docs():
    """Genuine-file oddities that must still read as complete (coverage
    full): garbage in the size field of a storage and of unused directory
    entries (POI's 53446.doc, 53446.ppt, 54332b.ppt), an empty
    SummaryInformation stream (POI's 57843.doc), property set quirks."""
    out = {}
    blob, info = plain_doc(extra={"ObjectPool/_1/\x01CompObj": b"\x01\x00\xfe\xff" + b"\0" * 24,
                                  "ObjectPool/_1/\x03ObjInfo": b"\x00\x00\x03\x00\x01\x00"})
    d = bytearray(blob)
    dir_off = (info["dir_start"] + 1) * 512
    idx = info["entries"]["ObjectPool"]
    struct.pack_into("<II", d, dir_off + 128 * idx + 120, 2417864201, 4105633772)
    n = 0
    last = max(info["entries"].values())
    for k in range(last + 1, 4 * (last // 4 + 1)):  # unused slots of the last directory sector
        e = dir_off + 128 * k
        if d[e + 66] == 0:
            struct.pack_into("<II", d, e + 120, 2959727411, 1261005366)
            n += 1
    assert n, "no unused directory slot to dirty"
    out["quirk_sizes.doc"] = bytes(d)
    w = CFBWriter()
    wd, tbl = word_streams(DOC_TEXT8, DOC_TEXT16)
    w.add_stream("WordDocument", wd)
    w.add_stream("0Table", tbl)
    w.add_stream("\x05SummaryInformation", b"")
    w.add_stream("\x05DocumentSummaryInformation", docsum_user())
    out["quirk_props_empty.doc"] = w.build()[0]
    w.add_stream("\x05SummaryInformation", b"\0" * 4096)  # JExcelAPI (Tika's jxl.xls)
    out["quirk_props_zero.doc"] = w.build()[0]
    for name, kw in (("quirk_props_pad.doc", {"size_lie": 4}), ("quirk_props_shift.doc", {"shift": 3}),
                     ("quirk_props_small.doc", {"size_lie": -40})):  # POI's 42726.xls: size too small
        w = CFBWriter()
        w.add_stream("WordDocument", wd)
        w.add_stream("0Table", tbl)
        w.add_stream("\x05DocumentSummaryInformation", docsum_user(**kw))
        out[name] = w.build()[0]
    w = CFBWriter()  # really damaged: the stream stops inside the last value
    w.add_stream("WordDocument", wd)
    w.add_stream("0Table", tbl)
    w.add_stream("\x05DocumentSummaryInformation", docsum_user()[:-20])
    out["damaged_props_cut.doc"] = w.build()[0]
    return out


def ole10native(filename, data):
    label = filename.encode("cp1252") + b"\0"
    src = ("C:\\Users\\jane\\Desktop\\" + filename).encode("cp1252") + b"\0"
    tmp = ("C:\\Temp\\" + filename).encode("cp1252") + b"\0"
    body = struct.pack("<H", 2) + label + src + struct.pack("<HH", 0, 3)
    body += struct.pack("<I", len(tmp)) + tmp + struct.pack("<I", len(data)) + data
    return struct.pack("<I", len(body)) + body


def ovba_compress(data):
    """[MS-OVBA] 2.4.1 compression, greedy matches within each chunk."""
    out = bytearray(b"\x01")
    for cs in range(0, len(data), 4096):
        chunk = data[cs:cs + 4096]
        body, pos = bytearray(), 0
        while pos < len(chunk):
            flag_at, flags = len(body), 0
            body.append(0)
            for bit in range(8):
                if pos >= len(chunk):
                    break
                bc = 4
                while (1 << bc) < pos:
                    bc += 1
                bc = min(bc, 12)
                max_len, best = (0xFFFF >> bc) + 3, (0, 0)
                for off in range(1, min(pos, 1 << (16 - bc)) + 1):
                    n = 0
                    while n < max_len and pos + n < len(chunk) and chunk[pos + n - off] == chunk[pos + n]:
                        n += 1
                    if n > best[0]:
                        best = (n, off)
                if best[0] >= 3:
                    body += struct.pack("<H", ((best[1] - 1) << (16 - bc)) | (best[0] - 3))
                    flags |= 1 << bit
                    pos += best[0]
                else:
                    body.append(chunk[pos])
                    pos += 1
            body[flag_at] = flags
        assert len(body) <= 4096
        out += struct.pack("<H", 0xB000 | (len(body) - 1)) + body
    return bytes(out)


VBA_SOURCE = (b'Attribute VB_Name = "Module1"\r\nSub Connect()\r\n'
              b'    conn = "Server=db01;User=sa;Password=hunter2"\r\n'
              b'    mail = "vba.secret@example.com"\r\n    mail2 = "vba.secret@example.com"\r\nEnd Sub\r\n')


# ---------------------------------------------------------------- Excel


def biff(rtype, data):
    return struct.pack("<HH", rtype, len(data)) + data


def filepass_xls():
    bof = struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06)
    wb = biff(0x0809, bof) + biff(0x002F, struct.pack("<HHH", 1, 1, 1) + b"\0" * 48) + biff(0x000A, b"")
    w = CFBWriter()
    w.add_stream("Workbook", wb.ljust(4096, b"\0"))
    return w.build()[0]


def small_xls():
    """BIFF8 with every record type the reader handles: BOUNDSHEET, SST whose
    second string is split by a CONTINUE that switches to 16-bit
    characters, LABELSST, LABEL, NUMBER (a 9-digit SSN), RK, MULRK,
    FORMULA + STRING, BOOLERR, HEADER."""
    bof_g = biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06))
    s1 = "Employee SSN"
    s2a, s2b = "Contact: jane.doe@exa", "mple.com Зарплата"
    sst = struct.pack("<II", 3, 3)
    sst += struct.pack("<HB", len(s1), 0) + s1.encode("latin-1")
    sst += struct.pack("<HB", len(s2a) + len(s2b), 0) + s2a.encode("latin-1")
    cont = b"\x01" + s2b.encode("utf-16-le")  # fresh grbit: 16-bit from here
    s3 = "Card"
    cont += struct.pack("<HB", len(s3), 0) + s3.encode("latin-1")
    sheet_name = "Staff"
    bs_len = 4 + 8 + len(sheet_name)
    glob_len = len(bof_g) + bs_len + (4 + len(sst)) + (4 + len(cont)) + 4
    bs = biff(0x0085, struct.pack("<IBBBB", glob_len, 0, 0, len(sheet_name), 0) + sheet_name.encode())
    glob = bof_g + bs + biff(0x00FC, sst) + biff(0x003C, cont) + biff(0x000A, b"")
    assert len(glob) == glob_len
    bof_s = biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x06))
    hdr = "Payroll header hr.lead@example.com"
    rows = biff(0x0014, struct.pack("<HB", len(hdr), 0) + hdr.encode())
    rows += biff(0x00FD, struct.pack("<HHHI", 0, 0, 15, 0))                   # "Employee SSN"
    rows += biff(0x0203, struct.pack("<HHHd", 0, 1, 15, 536221874.0))         # NUMBER
    rows += biff(0x00FD, struct.pack("<HHHI", 1, 0, 15, 1))                   # split string
    rows += biff(0x00FD, struct.pack("<HHHI", 2, 0, 15, 2))                   # "Card"
    lab = "4556 7375 8689 9855"
    rows += biff(0x0204, struct.pack("<HHHHB", 2, 1, 15, len(lab), 0) + lab.encode())
    rows += biff(0x027E, struct.pack("<HHHI", 3, 0, 15, (1234 << 2) | 2))     # RK int 1234
    rows += biff(0x00BD, struct.pack("<HHHIHIH", 3, 1, 15, (7 << 2) | 2, 15, (150 << 2) | 3, 2))
    f = struct.pack("<HHH", 4, 0, 15) + struct.pack("<BBBBHH", 0, 0, 0, 0, 0, 0xFFFF)
    f += struct.pack("<HI", 0, 0) + struct.pack("<H", 0)
    rows += biff(0x0006, f)
    fs = "formula result fml@example.com"
    rows += biff(0x0207, struct.pack("<HB", len(fs), 0) + fs.encode())
    rows += biff(0x0205, struct.pack("<HHHBB", 4, 1, 15, 1, 0))               # TRUE
    url = "mailto:link.target@example.com".encode("utf-16-le") + b"\0\0"       # HLINK, URL moniker
    rows += biff(0x01B8, struct.pack("<HHHH", 5, 5, 0, 0) + bytes.fromhex("D0C9EA79F9BACE118C8200AA004BA90B") +
                 struct.pack("<II", 2, 0x03) + bytes.fromhex("E0C9EA79F9BACE118C8200AA004BA90B") +
                 struct.pack("<I", len(url)) + url)
    wb = glob + bof_s + rows + biff(0x000A, b"")
    w = CFBWriter()
    w.add_stream("Workbook", wb.ljust(4096, b"\0"))
    w.add_stream("\x05SummaryInformation", summary_info("Staff list", "Jane Doe"))
    return w.build()[0]


IRM_OWNER = "rights.owner@example.com"  # named by an IRM license (XrML in clear)


def irm_doc():
    """A Word 97-2003 file protected by Information Rights Management
    ([MS-OFFCRYPTO] 2.2.6): the content is encrypted in \\tDRMContent, the
    WordDocument stream holds a placeholder, the data-space license
    (\\006Primary, XrML) names the owner in clear."""
    w = CFBWriter()
    wd, tbl = word_streams("This document is protected by Information Rights Management.\r", "")
    w.add_stream("WordDocument", wd)
    w.add_stream("0Table", tbl)
    license_xml = ('<XrML version="1.2"><BODY type="Microsoft Rights Label"><ISSUER><OBJECT type="Group-Identity">'
                   '<NAME>%s</NAME></OBJECT></ISSUER></BODY></XrML>' % IRM_OWNER)
    w.add_stream("\x06DataSpaces/TransformInfo/\tDRMTransform/\x06Primary",
                 struct.pack("<I", 8) + b"\0" * 8 + license_xml.encode("utf-8"))
    w.add_stream("\tDRMContent", os.urandom(2048))
    w.add_stream("\x05SummaryInformation", summary_info("Protected memo", "Jane Doe"))
    return w.build()[0]


EXTERN_PHONE = "713-853-9849"             # a cached cell of another workbook (CRN)
EXTERN_SSN = "536-22-1888"               # same, a UTF-16 string
NAME_EMAIL = "antony.clayton@example.com"  # a defined name's string constant
WRITE_USER = "CORP\\jroe"                  # WRITEACCESS: who last wrote the workbook


def extern_xls():
    """BIFF8 whose formulas refer to another workbook: SUPBOOK names it,
    XCT + CRN cache its cells' values (strings 8-bit and UTF-16, a number,
    a boolean, an empty cell), which no sheet of this file shows; a
    defined name whose formula is a string constant (NAME with ptgStr), as
    Excel's web export keeps HTML_Email; WRITEACCESS naming its last user."""
    bof_g = biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06))
    path = "\x01\\\\fs01\\hr\\Payroll 2014.xls"
    supbook = biff(0x01AE, struct.pack("<HHB", 1, len(path), 1) + path.encode("utf-16-le") +
                   struct.pack("<HB", 5, 0) + b"Staff")
    xct = biff(0x0059, struct.pack("<hH", 2, 0))

    def ser_str(v, wide):
        return b"\x02" + struct.pack("<HB", len(v), 1 if wide else 0) + (
            v.encode("utf-16-le") if wide else v.encode("latin-1"))
    crn1 = biff(0x005A, struct.pack("<BBH", 2, 0, 7) + ser_str("Kerrigan", False) + ser_str(EXTERN_PHONE, False) +
                b"\x01" + struct.pack("<d", 98000.0))
    crn2 = biff(0x005A, struct.pack("<BBH", 3, 0, 8) + ser_str("SSN " + EXTERN_SSN, True) +
                b"\x04\x01" + b"\0" * 7 + b"\x00" + b"\0" * 8 + ser_str("Zürich", False))
    name = "HTML_Email"
    rgce = b"\x17" + struct.pack("<BB", len(NAME_EMAIL), 0) + NAME_EMAIL.encode()
    name_rec = biff(0x0018, struct.pack("<HBBHHHBBBB", 0, 0, len(name), len(rgce), 0, 0, 0, 0, 0, 0) +
                    b"\0" + name.encode() + rgce)
    builtin = biff(0x0018, struct.pack("<HBBHHHBBBB", 0x0020, 0, 1, 3, 0, 0, 0, 0, 0, 0) + b"\0\x06" +
                   b"\x17\x01\x00")  # a built-in name (Print_Titles) is no text
    sheet_name = "Summary"
    bs_len = 4 + 8 + len(sheet_name)
    wa = struct.pack("<HB", len(WRITE_USER), 0) + WRITE_USER.encode()
    writeaccess = biff(0x005C, wa + b" " * (112 - len(wa)))  # padded with spaces
    rest = writeaccess + supbook + xct + crn1 + crn2 + name_rec + builtin + biff(0x000A, b"")
    glob_len = len(bof_g) + bs_len + len(rest)
    bs = biff(0x0085, struct.pack("<IBBBB", glob_len, 0, 0, len(sheet_name), 0) + sheet_name.encode())
    glob = bof_g + bs + rest
    assert len(glob) == glob_len
    bof_s = biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x06))
    rows = biff(0x0203, struct.pack("<HHHd", 0, 0, 15, 98000.0))
    wb = glob + bof_s + rows + biff(0x000A, b"")
    w = CFBWriter()
    w.add_stream("Workbook", wb.ljust(4096, b"\0"))
    return w.build()[0]


DV_LIST_SSN = "536-22-1871"                    # a drop-down entry no cell holds
DV_PROMPT_EMAIL = "approvals.desk@example.org"  # in a validation's input message
NOTE_AUTHOR = "Harriet Okafor"
FILTER_SSN = "536-22-1872"                     # an autofilter's string criterion
CHART_TITLE = "Overtime of H. Okafor, SSN 536-22-1873"  # a chart's title (SeriesText)


def validation_xls():
    """BIFF8 with a chart whose title holds an SSN (SeriesText), an
    autofilter whose criterion is an SSN (AUTOFILTER), a data validation (DV: input and error titles and
    messages, a list whose entries are "Approved", an SSN and "Rejected"
    separated by NUL, split across a CONTINUE record in the middle of its
    entries; a second DV whose strings are all "none" and whose formula is
    a number) and a cell comment's NOTE naming its author."""
    bof_g = biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06))
    sheet_name = "Claims"
    bs_len = 4 + 8 + len(sheet_name)
    rest = biff(0x000A, b"")
    glob_len = len(bof_g) + bs_len + len(rest)
    bs = biff(0x0085, struct.pack("<IBBBB", glob_len, 0, 0, len(sheet_name), 0) + sheet_name.encode())
    glob = bof_g + bs + rest
    bof_s = biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x06))

    def xlu(v, wide=False):  # XLUnicodeString
        return struct.pack("<HB", len(v), 1 if wide else 0) + (v.encode("utf-16-le") if wide else v.encode("latin-1"))
    items = "Approved\0%s\0Rejected" % DV_LIST_SSN
    cut = items.index(DV_LIST_SSN) + 4
    rgce = b"\x17" + struct.pack("<BB", len(items), 0) + items.encode("latin-1")
    dv = struct.pack("<I", 0x00000103) + xlu("Claim status") + xlu("Wrong value") + \
        xlu("Ask %s for new codes" % DV_PROMPT_EMAIL, wide=True) + xlu("Pick one from the list")
    dv += struct.pack("<HH", len(rgce), 0)
    head, tail = dv + rgce[:3 + cut], rgce[3 + cut:]
    tail += struct.pack("<HH", 0, 0) + struct.pack("<HHHHH", 1, 1, 1, 1, 1)  # no formula2, one range
    # BIFF8 CONTINUE of a ShortXLUnicodeString: a fresh flags byte first
    recs = biff(0x01BE, head) + biff(0x003C, b"\x00" + tail)
    num = b"\x1e" + struct.pack("<H", 7)  # ptgInt 7: no text
    recs += biff(0x01BE, struct.pack("<I", 1) + xlu("\0") * 4 + struct.pack("<HH", len(num), 0) +
                 num + struct.pack("<HH", 0, 0) + struct.pack("<HHHHH", 1, 2, 2, 0, 0))
    recs += biff(0x001C, struct.pack("<HHHH", 0, 0, 0, 1) + xlu(NOTE_AUTHOR) + b"\0")
    # AUTOFILTER: column 0, criterion 1 a string (= FILTER_SSN), criterion 2 a number (no text)
    crit = "=" + FILTER_SSN
    doper_str = struct.pack("<BBIBBBB", 6, 2, 0, len(crit), 1, 0, 0)
    doper_num = struct.pack("<BBd", 4, 2, 7.0)
    recs += biff(0x009E, struct.pack("<HH", 0, 0) + doper_str + doper_num + b"\0" + crit.encode("latin-1"))
    rows = biff(0x0204, struct.pack("<HHHHB", 0, 0, 15, 6, 0) + b"Status")
    # a chart substream inside the sheet: its title in a SeriesText record
    chart = biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0020, 0x0DBB, 0x07CC, 0, 0x06))
    chart += biff(0x100D, struct.pack("<HBB", 0, len(CHART_TITLE), 0) + CHART_TITLE.encode("latin-1"))
    chart += biff(0x000A, b"")
    wb = glob + bof_s + rows + recs + chart + biff(0x000A, b"")
    w = CFBWriter()
    w.add_stream("Workbook", wb.ljust(4096, b"\0"))
    return w.build()[0]


QUIRK_XLS_CELL = "Quirk workbook cell quirk.cell@example.com"


def quirk_xls():
    """BIFF8 oddities of genuine workbooks, each documented by POI: an SST
    with a total of 0, a garbage unique count and no strings (57456.xls),
    a FORMAT record one character short (61045_govdocs1_626534.xls), HEADER
    and FOOTER holding only a zero length, no flags byte (61287.xls)."""
    bof_g = biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06))
    fmt = '_("$"* #,##0_);_("$"* \\(#,##0\\);_("$"* "-"_);_(@_)'
    fmt_rec = biff(0x041E, struct.pack("<HHB", 0x2A, len(fmt), 0) + fmt.encode()[:-1])
    sst = biff(0x00FC, struct.pack("<II", 0, 1761))
    sheet_name = "Data"
    bs_len = 4 + 8 + len(sheet_name)
    glob_len = len(bof_g) + len(fmt_rec) + bs_len + len(sst) + 4
    bs = biff(0x0085, struct.pack("<IBBBB", glob_len, 0, 0, len(sheet_name), 0) + sheet_name.encode())
    glob = bof_g + fmt_rec + bs + sst + biff(0x000A, b"")
    assert len(glob) == glob_len
    bof_s = biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0010, 0x0DBB, 0x07CC, 0, 0x06))
    rows = biff(0x0014, b"\0\0") + biff(0x0015, b"\0\0")
    rows += biff(0x0204, struct.pack("<HHHHB", 0, 0, 15, len(QUIRK_XLS_CELL), 0) + QUIRK_XLS_CELL.encode())
    wb = glob + bof_s + rows + biff(0x000A, b"")
    w = CFBWriter()
    w.add_stream("Workbook", wb.ljust(4096, b"\0"))
    return w.build()[0]


PPT95_TEXT = "Betriebsbedingte Kündigung\r\rKontakt: anna.weber@example.com\x0b(§ 1 Abs. 2)\r"


def ppt95():
    """A PowerPoint 95 file as POI's PPT95.ppt / bug56240.ppt: the "Header"
    stream names the writer, "PowerPoint Document" is not the 97 record
    tree (here: 0xFF filler), "Text_Content" holds the slide text in
    cp1252 (CR paragraphs, VT line breaks)."""
    w = CFBWriter()
    w.add_stream("Header", b"Microsoft (R) PowerPoint (R) Windows  \0\x07\x01\0\0\xf0\x03\0\0" + b"\0" * 8)
    w.add_stream("PowerPoint Document", b"\x03\x00\x00\x00\x10\x00\x00\x00" + b"\xff" * 5000)
    w.add_stream("Text_Content", PPT95_TEXT.encode("cp1252"))
    w.add_stream("Current User", b"\x07\x00" + b"\0" * 13)
    return w.build()[0]


def xlm_xls():
    """A workbook whose only sheet is an Excel 4.0 macro sheet (dt = 1)."""
    bof = biff(0x0809, struct.pack("<HHHHII", 0x0600, 0x0005, 0x0DBB, 0x07CC, 0, 0x06))
    name = b"Macro1"
    bs = biff(0x0085, struct.pack("<IBBBB", 0, 0, 1, len(name), 0) + name)
    w = CFBWriter()
    w.add_stream("Workbook", (bof + bs + biff(0x000A, b"")).ljust(4096, b"\0"))
    return w.build()[0]


def small_ppt(embed=True):
    """A PowerPoint Document stream: containers (recVer 0xF) holding a
    TextCharsAtom (UTF-16), a TextBytesAtom and a CString."""
    def rec(ver, inst, rtype, body):
        return struct.pack("<HHI", ver | (inst << 4), rtype, len(body)) + body
    t16 = ("Slide title: Зарплата card %s\r" % CARD).encode("utf-16-le")
    t8 = ("Bytes atom SSN %s" % SSN).encode("latin-1")
    cs = "comment by ppt.author@example.com".encode("utf-16-le")
    inner = rec(0, 0, 0x0FA0, t16) + rec(0, 0, 0x0FA8, t8) + rec(0, 0, 0x0FBA, cs)
    doc = rec(0xF, 0, 0x03E8, rec(0xF, 0, 0x0FF0, inner))
    if embed:  # ExOleObjStg, compressed: an embedded workbook
        obj = small_xls()
        doc += rec(0, 1, 0x1011, struct.pack("<I", len(obj)) + zlib.compress(obj))
        w2 = CFBWriter()  # an object storage on its own: Ole10Native at its root
        w2.add_stream("\x01Ole10Native", ole10native("slide_notes.txt", ("SSN %s\n" % SSN).encode()))
        obj2 = w2.build()[0]
        doc += rec(0, 1, 0x1011, struct.pack("<I", len(obj2)) + zlib.compress(obj2))
    w = CFBWriter()
    w.add_stream("PowerPoint Document", doc)
    w.add_stream("Current User", b"\0" * 20)
    return w.build()[0]


# ---------------------------------------------------------------- Outlook .msg

RTF_PREFIX = (b"{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern "
              b"\\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0"
              b"\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx")


def lzfu_compress(raw):
    """MS-OXRTFCP compression: greedy matches against the 4096-byte ring."""
    ring = bytearray(4096)
    ring[:len(RTF_PREFIX)] = RTF_PREFIX
    wpos = len(RTF_PREFIX)
    out = bytearray()
    i = 0
    done = False
    while not done:
        ctl, chunk = 0, bytearray()
        for bit in range(8):
            if i >= len(raw):
                chunk += struct.pack(">H", (wpos << 4) & 0xFFF0)  # end marker
                ctl |= 1 << bit
                done = True
                break
            best_len, best_off = 0, 0
            for off in range(4096):
                n = 0
                while (n < 17 and i + n < len(raw) and off != wpos and
                       ring[(off + n) % 4096] == raw[i + n] and (off + n) % 4096 != wpos):
                    n += 1
                if n > best_len:
                    best_len, best_off = n, off
            if best_len >= 3:
                chunk += struct.pack(">H", (best_off << 4) | (best_len - 2))
                ctl |= 1 << bit
                for k in range(best_len):
                    ring[wpos] = raw[i + k]
                    wpos = (wpos + 1) % 4096
                i += best_len
            else:
                chunk.append(raw[i])
                ring[wpos] = raw[i]
                wpos = (wpos + 1) % 4096
                i += 1
        out += bytes([ctl]) + chunk
    return struct.pack("<IIII", len(out) + 12, len(raw), 0x75465A4C, 0) + bytes(out)


def u16(s):
    return s.encode("utf-16-le") + b"\0\0"


def add_props(w, prefix, props, header_len):
    """props: {id: str | bytes}; str as PT_UNICODE, bytes as PT_BINARY."""
    fixed = b""
    for pid, val in props.items():
        if isinstance(val, str):
            w.add_stream("%s__substg1.0_%04X001F" % (prefix, pid), u16(val))
            fixed += struct.pack("<IIQ", (pid << 16) | 0x001F, 6, len(u16(val)))
        else:
            w.add_stream("%s__substg1.0_%04X0102" % (prefix, pid), val)
            fixed += struct.pack("<IIQ", (pid << 16) | 0x0102, 6, len(val))
    w.add_stream(prefix + "__properties_version1.0", b"\0" * header_len + fixed)


def add_message(w, prefix, subject, body, attachments, recipients=(), html=None, rtf=None, top=False):
    props = {0x0037: subject, 0x0C1A: "Jane Doe", 0x0C1F: EMAIL, 0x1000: body,
             0x0E04: "; ".join(r[0] for r in recipients), 0x007D: "Received: from mx.example.com\r\n"}
    if html is not None:
        props[0x1013] = html.encode()
    if rtf is not None:
        props[0x1009] = lzfu_compress(rtf.encode())
    add_props(w, prefix, props, 32 if top else 24)
    for k, (name, addr) in enumerate(recipients):
        p = "%s__recip_version1.0_#%08X/" % (prefix, k)
        add_props(w, p, {0x3001: name, 0x39FE: addr}, 8)
    for k, att in enumerate(attachments):
        p = "%s__attach_version1.0_#%08X/" % (prefix, k)
        if att[0] == "file":
            add_props(w, p, {0x3707: att[1], 0x3001: att[1], 0x3701: att[2]}, 8)
        else:  # embedded message
            _, name, sub = att
            add_props(w, p, {0x3001: name}, 8)
            w.add_storage(p + "__substg1.0_3701000D")
            add_message(w, p + "__substg1.0_3701000D/", sub["subject"], sub["body"], sub["attachments"])


def mail_msg():
    deep = {"subject": "Level three", "body": "Innermost message body.",
            "attachments": [("file", "deep_secret.txt", ("Card on file: %s\n" % CARD2).encode())]}
    mid = {"subject": "Fwd level two", "body": "Forwarding the level three message.",
           "attachments": [("msg", "Level three", deep)]}
    w = CFBWriter()
    w.set_root_clsid(bytes.fromhex("0B0D020000000000C000000000000046"))
    add_message(
        w, "", "Payroll export CONFIDENTIAL",
        "Hi team,\r\nJane's SSN is %s and her card is %s.\r\nReply to %s\r\n" % (SSN, CARD, EMAIL),
        [("file", "notes.txt", ("Notes: SSN %s\n" % SSN).encode()), ("msg", "Fwd level two", mid)],
        recipients=[("John Roe", "john.roe@example.com"), ("HR", "hr.lead@example.com")],
        html="<html><body><p>HTML body mentions html.only@example.com</p></body></html>",
        rtf="{\\rtf1\\ansi{\\fonttbl\\f0\\fswiss Arial;}\\f0\\pard RTF body for rtf.only@example.com\\par}",
        top=True)
    return w.build()


def ansi_msg(longs, subject, body):
    """A .msg with 8-bit (PT_STRING8, 001E) subject and body bytes and the
    given PT_LONG properties (code pages, locale) in __properties_version1.0."""
    w = CFBWriter()
    w.set_root_clsid(bytes.fromhex("0B0D020000000000C000000000000046"))
    fixed = b""
    for pid, val in ((0x0037, subject), (0x1000, body), (0x001A, b"IPM.Note")):
        w.add_stream("__substg1.0_%04X001E" % pid, val + b"\0")
        fixed += struct.pack("<IIQ", (pid << 16) | 0x001E, 6, len(val) + 1)
    for pid, v in longs.items():
        fixed += struct.pack("<IIIxxxx", (pid << 16) | 0x0003, 6, v)
    w.add_stream("__properties_version1.0", b"\0" * 32 + fixed)
    return w.build()[0]


ANSI_SUBJECT = "Grüße Müller"
ANSI_BODY = "Zahlung für Jürgen: jürgen.k@example.com"


def ansi_msgs():
    """Outlook's code page quirks (POI's hsmf/ASCII_UTF-8_CP1252_LCID1031.msg
    and HTMLBodyBinary_CP1251.msg): cp1252 bytes declared UTF-8 by
    PidTagInternetCodepage with a German PidTagMessageLocaleId, and cp1252
    bytes with an internet code page of 1251 and the same locale."""
    sub, body = ANSI_SUBJECT.encode("cp1252"), ANSI_BODY.encode("cp1252")
    return {"ansi_utf8_lcid1031.msg": ansi_msg({0x3FDE: 65001, 0x3FF1: 1031}, sub, body),
            "ansi_cp1251_lcid1031.msg": ansi_msg({0x3FDE: 1251, 0x3FF1: 1031}, sub, body),
            "ansi_cp1251_lcid1049.msg": ansi_msg({0x3FDE: 1251, 0x3FF1: 1049},
                                                 "Тема".encode("cp1251"), "Текст письма".encode("cp1251"))}


# ---------------------------------------------------------------- hostile


def hostile(out):
    big, info = plain_doc(pad=6000)
    chain = info["chains"]["WordDocument"]
    with open(os.path.join(out, "hostile_fat_cycle.doc"), "wb") as f:
        f.write(patch_u32(big, fat_entry_offset(info, chain[2]), chain[0]))
    with open(os.path.join(out, "hostile_out_of_range.doc"), "wb") as f:
        f.write(patch_u32(big, fat_entry_offset(info, chain[3]), 0x00FFFFF0))
    # Directory: make the root's child's right sibling point back at the root.
    d = bytearray(big)
    dir_off = (info["dir_start"] + 1) * 512
    idx = info["entries"]["WordDocument"]
    struct.pack_into("<I", d, dir_off + 128 * idx + 72, 0)
    struct.pack_into("<I", d, dir_off + 128 * idx + 68, idx)
    with open(os.path.join(out, "hostile_dir_cycle.doc"), "wb") as f:
        f.write(bytes(d))
    d = bytearray(big)
    struct.pack_into("<H", d, 30, 30)
    with open(os.path.join(out, "hostile_huge_shift.doc"), "wb") as f:
        f.write(bytes(d))
    with open(os.path.join(out, "truncated.doc"), "wb") as f:
        f.write(big[: int(len(big) * 0.6)])
    with open(os.path.join(out, "hostile_w6_pieces.doc"), "wb") as f:
        f.write(word6_overlapping_pieces())
    with open(os.path.join(out, "hostile_w97_pieces.doc"), "wb") as f:
        f.write(word97_overlapping_pieces())
    # Mini stream chain loop inside a .msg: the body's mini chain loops.
    m, minfo = mail_msg()
    body = "__substg1.0_1000001F"
    ch = minfo["chains"][body]
    mini_fat_sector = None
    # mini FAT is the sector after the mini stream chain: find it from the header
    mini_fat_sector = struct.unpack_from("<I", m, 60)[0]
    off = (mini_fat_sector + 1) * 512 + 4 * ch[1]
    with open(os.path.join(out, "hostile_mini_cycle.msg"), "wb") as f:
        f.write(patch_u32(m, off, ch[0]))


def write_all(out):
    os.makedirs(out, exist_ok=True)
    files = {}
    files["mail.msg"] = mail_msg()[0]
    files["plain.doc"] = plain_doc()[0]
    files["macro.doc"] = plain_doc(extra={"Macros/VBA/dir": b"\x01\x00" * 8,
                                          "Macros/VBA/Module1": b"\x00\x01" * 40 + ovba_compress(VBA_SOURCE),
                                          "Macros/PROJECT": b"ID=\"{00000000}\"\r\n"})[0]
    files["package.doc"] = plain_doc(extra={"ObjectPool/_1/\x01Ole10Native": ole10native(
        "payroll_Gehälter.txt", ("Payroll: SSN %s, mail %s\n" % (SSN, EMAIL)).encode())})[0]
    files["encrypted.doc"] = plain_doc(encrypted=True)[0]
    files["names.doc"] = plain_doc(names=DOC_NAMES)[0]
    bad = dict(DOC_NAMES)
    bad[FCLCB_SAVEDBY] = DOC_NAMES[FCLCB_SAVEDBY][:-9]  # the last path cut short
    files["names_cut.doc"] = plain_doc(names=bad)[0]
    files["fastsaved.doc"] = plain_doc(deleted=DOC_DELETED)[0]
    w = CFBWriter()
    w.add_stream("EncryptionInfo", b"\x04\x00\x04\x00\x40\x00\x00\x00" + b"<encryption/>")
    w.add_stream("EncryptedPackage", struct.pack("<Q", 5000) + os.urandom(5000))
    files["encrypted_ooxml.docx"] = w.build()[0]
    files["filepass.xls"] = filepass_xls()
    files["small.xls"] = small_xls()
    files["small.ppt"] = small_ppt()
    files["xlm.xls"] = xlm_xls()
    files.update(quirk_docs())
    files.update(ansi_msgs())
    files["quirk_records.xls"] = quirk_xls()
    files["extern.xls"] = extern_xls()
    files["validation.xls"] = validation_xls()
    files["formfields.doc"] = plain_doc(extra={"Data": ffdata_stream()})[0]
    files["irm.doc"] = irm_doc()
    files["ppt95.ppt"] = ppt95()
    # Word pads a module stream with zero bytes after the compressed source
    # (POI's 60279.doc): padding, not a damaged chunk.
    files["quirk_vba_pad.doc"] = plain_doc(extra={
        "Macros/VBA/dir": b"\x01\x00" * 8,
        "Macros/VBA/Module1": b"\x00\x01" * 40 + ovba_compress(VBA_SOURCE) + b"\0" * 3000,
        "Macros/PROJECT": b"ID=\"{00000000}\"\r\n"})[0]
    for name, data in files.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    hostile(out)


def write_corpus(out):
    """Fuzz seeds: small, varied, all under 64 KiB."""
    os.makedirs(out, exist_ok=True)
    write_all(out)


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--corpus":
        write_corpus(sys.argv[2])
    elif len(sys.argv) == 2:
        write_all(sys.argv[1])
    else:
        sys.exit(__doc__)
