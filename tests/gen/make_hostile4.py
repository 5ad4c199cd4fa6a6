#!/usr/bin/env python3
"""Fifth hostile dump with an answer key (tests/e2e/test_hostile4.py).

make_hostile4.py OUT -> OUT/dump/... and OUT/key.json

Same key format and checker as make_hostile3.py (its docstring lists the
expect fields; make_hostile3.check is what the test runs). Aimed at what
the earlier red teams (gen_hostile.py, gen_redteam.py, gen_hostile2.py,
gen_rarcab.py, make_hostile3.py, make_maildump.py) do not plant:

- a realistic breach layout: a user's home share as share.tar.gz holding a
  spreadsheet, backup_2014.zip (a docx, and a tar.bz2 of an mbox whose
  message carries a zip of an xlsx), an Outlook .eml export with a zip of an
  xlsx, a UTF-16 notes file; a PST beside it;
- self-extractors: a PE stub followed by a zip, a 7z, a RAR, an MSZIP
  cabinet with more of the program after it (IExpress), a signed 7z SFX,
  `7z a -sfx` output; a JPEG with a 7z after its end marker;
- misleading extensions: an xlsx named .jpg, a docx named .txt, an e-mail
  named .dat, a CSV named .log, a tar.gz named .jpg;
- names: NFC and NFD spellings of one name, case-only twins, the names "."
  and "..", an empty name, a 5,000-byte name, ESC, backslash traversal, a
  UNC path and a drive letter in tar, a climbing ustar prefix field;
- zip: zip64 extra fields that lie about the size, directory and local
  header disagreeing in the compression method (both ways), wrong CRCs
  (data descriptor and header), a deflate stream damaged after its first
  part;
- gzip: a header CRC (FHCRC), a wrong trailer CRC, a second member named
  ../../, 64 MiB of zeros (a disk image, not a bomb), tape padding after a
  .tar.gz;
- tar: a base-256 size field, an unknown type flag carrying data, an old
  GNU sparse member made by GNU tar; cpio hard links (data on the last);
- a solid 7z of 120 members (the planted value in the 97th);
- mail: an attachment whose Content-Type says text/plain and which is a
  zip, a base64-encoded message/rfc822 part, a boundary line followed by
  blanks, an mbox whose message carries a .tar.gz, messages saved as
  UTF-16 (with and without a BOM);
- a docx with an embedded workbook;
- UTF-16 text with and without a BOM, files of NUL bytes, PII after
  megabytes of NULs (disk slack), a zero-byte .xlsx;
- a PDF "redacted" by an incremental update that replaces the page content
  (the old stream is still in the file).

Every case plants its own PII (an SSN in a valid range, an e-mail
address): the key demands the planted value's fingerprint in the record
that must hold it. "arguable" and "gap" as in make_hostile3.py.
"""
import bz2, gzip, io, os, struct, sys, tarfile, unicodedata, zipfile, zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_hostile3 as h3  # noqa: E402  (raw zip/tar writers, the checker)
import hostile_common as hc  # noqa: E402
import make_maildump as mm  # noqa: E402  (docx, xlsx, MIME writers)
import gen_rarcab  # noqa: E402
import gen_pst  # noqa: E402
import gen_pdf  # noqa: E402

FP_KEY = b"hostile4 fingerprint key, test only"
CLEAN = h3.CLEAN
entry, zipit, tarb, tadd, tar_header, blk, zf, noise = (h3.entry, h3.zipit, h3.tarb, h3.tadd, h3.tar_header,
                                                         h3.blk, h3.zf, h3.noise)
check = h3.check
D = hc.Dump(FP_KEY, stamp=False)
key, put, run, tmpd, sevenz = D.key, D.put, D.run, D.tmpd, D.sevenz
have = hc.have


def pii():
    """A fresh PII block: (text bytes, planted dict); one value per case."""
    D.n += 1
    n = D.n
    ssn = "4%02d-%02d-%04d" % (10 + n, 11 + n % 80, 1000 + 41 * n)
    return hc.record("Employee", n, "John Roe", ssn, "staffer%03d@example.net" % n)


def pb():
    t, pl = pii()
    return t.encode(), pl


def xlsx(rows):
    return mm.xlsx(rows)


def docx(paras):
    return mm.docx(paras)


def rows_of(t, pl):
    """A sheet holding the planted values."""
    ssn = pl["ssn"][0]
    return [["Name", "SSN", "E-mail"], ["John Roe", "%s-%s-%s" % (ssn[:3], ssn[3:5], ssn[5:]), pl["email"][0]]]


def eml(subject, parts_ct_body):
    return mm.message(subject, parts_ct_body)


def pe_stub(n=4096):
    """A DOS/PE header and padding, as a self-extractor's stub starts."""
    h = bytearray(n)
    h[0:2] = b"MZ"
    struct.pack_into("<I", h, 0x3C, 0x80)
    h[0x80:0x84] = b"PE\0\0"
    struct.pack_into("<HH", h, 0x84, 0x14C, 1)
    h[0x40:0x40 + 39] = b"This program cannot be run in DOS mode."
    return bytes(h)


# ---------------------------------------------------------------- a home share
def share_cases():
    t_x, pl_x = pii()
    t_d, pl_d = pii()
    t_m, pl_m = pii()
    t_e, pl_e = pii()
    t_q, pl_q = pii()
    t_u, pl_u = pii()
    mbox_msg = eml("staff list", mm.multipart("mixed", "=_s1", [
        mm.text_plain("attached, as asked\n"),
        mm.attach("staff.zip", zf([("staff.xlsx", xlsx(rows_of(t_m, pl_m)))]), "application/zip")]))
    mbox = b"From jdoe@corp.example Mon Mar 03 10:00:00 2014\n" + mbox_msg.replace(b"\r\n", b"\n") + b"\n"
    oldmail = bz2.compress(tarb(lambda tf: tadd(tf, "inbox.mbox", mbox)))
    backup = zf([("HR/offer.docx", docx(["Offer letter"] + t_d.splitlines())), ("old/mail.tar.bz2", oldmail)])
    outlook = eml("Q3 payroll", mm.multipart("mixed", "=_o1", [
        mm.text_plain(t_e),
        mm.attach("Q3.zip", zf([("Q3 payroll.xlsx", xlsx(rows_of(t_q, pl_q)))]), "application/zip")]))

    def build(tf):
        tadd(tf, "home/jdoe/Documents/payroll_2014.xlsx", xlsx(rows_of(t_x, pl_x)))
        tadd(tf, "home/jdoe/backup_2014.zip", backup)
        tadd(tf, "home/jdoe/Outlook/Q3 payroll.eml", outlook)
        tadd(tf, "home/jdoe/Desktop/notes.txt", b"\xff\xfe" + t_u.encode("utf-16-le"))
        tadd(tf, "home/jdoe/Desktop/desktop.ini", b"[.ShellClassInfo]\r\nIconResource=x\r\n")
    p = put("share/share.tar.gz", gzip.compress(tarb(build), mtime=0))
    base = "home/jdoe/"
    key("share_xlsx", p, [base + "Documents/payroll_2014.xlsx"], planted=pl_x, coverage="full")
    key("share_backup_docx", p, [base + "backup_2014.zip", "HR/offer.docx"], planted=pl_d, coverage="full")
    key("share_backup_mbox_xlsx", p, [base + "backup_2014.zip", "old/mail.tar.bz2", "inbox.mbox", "msg-1",
                                      "staff.zip", "staff.xlsx"], planted=pl_m, coverage="full")
    key("share_eml_body", p, [base + "Outlook/Q3 payroll.eml"], planted=pl_e)
    key("share_eml_xlsx", p, [base + "Outlook/Q3 payroll.eml", "Q3.zip", "Q3 payroll.xlsx"], planted=pl_q,
        coverage="full")
    key("share_utf16", p, [base + "Desktop/notes.txt"], planted=pl_u, coverage="full")
    key("share_ini", p, [base + "Desktop/desktop.ini"], verdict="clean")
    key("share_root", p, [], verdict="sensitive", coverage="full")
    # the user's Outlook store beside the share
    t_p, pl_p = pii()
    t_a, pl_a = pii()
    spec = {"folders": [{"name": "Inbox", "messages": [
        {"subject": "HR file", "sender_name": "HR", "sender_email": "hr@corp.example",
         "to": [("John Doe", "jdoe@corp.example")], "body": t_p,
         "attachments": [{"name": "roster.csv", "data": t_a.encode(), "mime": "text/csv"}]}]}]}
    p = put("share/jdoe.pst", gen_pst.build_bytes(spec))
    key("pst_body", p, ["Inbox/HR file"], planted=pl_p, coverage="full")
    key("pst_att", p, ["Inbox/HR file", "roster.csv"], planted=pl_a, coverage="full")


# ---------------------------------------------------------------- self-extractors and polyglots
def sfx_cases():
    if have("7z"):
        t, pl = pb()
        p = put("sfx/setup_7z.exe", pe_stub() + sevenz([("payroll/staff.txt", t), ("readme.txt", CLEAN)]))
        key("pe_7z_member", p, ["payroll/staff.txt"], planted=pl, coverage="full")
        key("pe_7z_tree", p, None, planted_under=pl, verdict="sensitive")
        # what `7z a -sfx` makes here: p7zip's console stub (an ELF of ~0.5 MB)
        sfx = "/usr/lib/p7zip/7zCon.sfx"
        if os.path.exists(sfx):
            d = tmpd("sfx7z")
            t, pl = pb()
            with open(os.path.join(d, "staff.txt"), "wb") as fh:
                fh.write(t)
            run(["7z", "a", "-bd", "-y", "-sfx" + sfx, "x.exe", "staff.txt"], cwd=d)
            with open(os.path.join(d, "x.exe"), "rb") as fh:
                p = put("sfx/p7zip_sfx.exe", fh.read())
            key("p7zip_sfx_member", p, ["staff.txt"], planted=pl, coverage="full")
        # a 7z after a JPEG's end marker (the zip version is known: docs)
        t, pl = pb()
        tc, plc = pb()  # in the picture's comment: the prefix is read too
        com = b"\xff\xfe" + struct.pack(">H", len(tc) + 2) + tc
        jpg = b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00" + com + \
            noise(2000, 5) + b"\xff\xd9"
        p = put("sfx/holiday.jpg", jpg + sevenz([("staff.txt", t)]))
        key("jpeg_7z_member", p, ["staff.txt"], planted=pl, coverage="full")
        key("jpeg_7z_prefix", p, ["hidden_prefix"], planted=plc)
        key("jpeg_7z_root", p, [], verdict="sensitive", coverage="full")
    # an IExpress package: an MSZIP cabinet among the program's resources,
    # more of the program after it (which holds PII of its own here)
    t, pl = pb()
    tt, plt = pb()
    cab = gen_rarcab.cab_archive([(1, [(b"hr\\staff.csv", t * 40, 0x20)])])
    p = put("sfx/iexpress.exe", pe_stub() + cab + b"\0" * 512 + tt + noise(3000, 8))
    key("iexpress_member", p, ["hr/staff.csv"], planted=pl, coverage="full")
    key("iexpress_tail", p, ["hidden_data"], planted=plt)
    key("iexpress_root", p, [], verdict="sensitive", coverage="full")
    if have("7z"):
        # a signed 7-Zip SFX: the Authenticode table follows the 7z
        t, pl = pb()
        p = put("sfx/signed_7z.exe", pe_stub() + sevenz([("staff.txt", t)]) +
                struct.pack("<IHH", 4096, 0x200, 2) + noise(4088, 9))
        key("signed_7z_member", p, ["staff.txt"], planted=pl, coverage="full")
        key("signed_7z_tail", p, ["hidden_data"], verdict="clean")
    # a Windows zip self-extractor: a PE stub, then the zip (offsets from the zip)
    t, pl = pb()
    p = put("sfx/setup_zip.exe", pe_stub() + zf([("hr/staff.txt", t), ("readme.txt", CLEAN)]))
    key("pe_zip_member", p, ["hr/staff.txt"], planted=pl, coverage="full")
    t, pl = pb()
    rar = gen_rarcab.rar4_archive([gen_rarcab.rar4_file(b"hr\\staff.txt", t),
                                   gen_rarcab.rar4_file(b"readme.txt", CLEAN)])
    p = put("sfx/setup_rar.exe", pe_stub() + rar)
    key("pe_rar_member", p, ["hr/staff.txt"], planted=pl, coverage="full")
    key("pe_rar_tree", p, None, planted_under=pl, verdict="sensitive")
    t, pl = pb()
    rar5 = gen_rarcab.rar5_archive([gen_rarcab.rar5_file(b"hr/staff.txt", t),
                                    gen_rarcab.rar5_file(b"readme.txt", CLEAN)])
    p = put("sfx/setup_rar5.exe", pe_stub(8192) + rar5)
    key("pe_rar5_member", p, ["hr/staff.txt"], planted=pl, coverage="full")


# ---------------------------------------------------------------- wrong extensions
def ext_cases():
    t, pl = pii()
    p = put("ext/payroll.jpg", xlsx(rows_of(t, pl)))
    key("xlsx_as_jpg", p, [], planted=pl, alerts_all=["ext_mismatch"], coverage="full")
    t, pl = pii()
    p = put("ext/letter.txt", docx(t.splitlines()))
    key("docx_as_txt", p, [], planted=pl, alerts_all=["ext_mismatch"], coverage="full")
    t, pl = pii()
    p = put("ext/message.dat", eml("hello", ("Content-Type: text/plain", t.replace("\n", "\r\n"))))
    key("eml_as_dat", p, [], planted=pl, coverage="full")
    t, pl = pii()
    ssn = pl["ssn"][0]
    csv = "id,name,ssn,email\n1,John Roe,%s-%s-%s,%s\n" % (ssn[:3], ssn[3:5], ssn[5:], pl["email"][0])
    p = put("ext/access.log", csv.encode())
    key("csv_as_log", p, [], planted=pl, coverage="full", alerts_none=["ext_mismatch"])
    t, pl = pb()
    p = put("ext/backup.jpg", gzip.compress(tarb(lambda tf: tadd(tf, "db/users.txt", t)), mtime=0))
    key("tgz_as_jpg", p, [], alerts_all=["ext_mismatch"])
    key("tgz_as_jpg_member", p, ["db/users.txt"], planted=pl, coverage="full")


# ---------------------------------------------------------------- names
def name_cases():
    # NFC and NFD spellings of one name: macOS (APFS/HFS+) takes them as one
    t1, pl1 = pb()
    t2, pl2 = pb()
    nfc = unicodedata.normalize("NFC", "caf\u00e9.txt")
    nfd = unicodedata.normalize("NFD", nfc)
    p = put("names/nfc_nfd.zip", zipit([entry(nfc.encode(), t1, 8, flags=0x800),
                                        entry(nfd.encode(), t2, 8, flags=0x800)]))
    # libarchive hands zip names flagged UTF-8 back in NFC, so both records
    # show the NFC name; the second is the duplicate an APFS volume makes of it
    key("nfc_member", p, [nfc], count=2, nth=0, planted=pl1, alerts_none=["duplicate_name"])
    key("nfd_member", p, [nfc], count=2, nth=1, planted=pl2, alerts_all=["duplicate_name"])
    # docs/manifest.md: "zip names byte for byte": the NFD bytes as stored
    key("nfd_member_bytes", p, [nfd], planted=pl2, arguable=True)
    # case-only twins: Windows and macOS extract one over the other
    t1, pl1 = pb()
    t2, pl2 = pb()
    p = put("names/case_twins.tar", tarb(lambda tf: (tadd(tf, "HR/Payroll.txt", t1), tadd(tf, "HR/payroll.txt", t2))))
    key("case_upper", p, ["HR/Payroll.txt"], planted=pl1)
    key("case_lower", p, ["HR/payroll.txt"], planted=pl2, alerts_none=["duplicate_name"])
    # "." and ".." as entry names holding data
    t1, pl1 = pb()
    t2, pl2 = pb()
    p = put("names/dots.zip", zipit([entry(b".", t1), entry(b"..", t2), entry(b"ok.txt", CLEAN)]))
    key("dotdot_member", p, [".."], alerts_all=["path_traversal"], planted=pl2)
    key("dot_member", p, ["."], planted=pl1)
    key("dot_member_badname", p, ["."], alerts_all=["bad_name"], arguable=True)
    key("dots_root", p, [], verdict="hostile")
    # an empty name holding data
    t, pl = pb()
    p = put("names/empty_name.zip", zipit([entry(b"", t), entry(b"ok.txt", CLEAN)]))
    key("empty_name_member", p, [""], alerts_all=["bad_name"], planted=pl)
    # a 5,000-byte pax name (no file system takes it)
    t, pl = pb()
    long_name = "/".join(["d%03d" % i for i in range(1000)])[:4990] + "/x.txt"
    p = put("names/long.tar", tarb(lambda tf: tadd(tf, long_name, t), fmt=tarfile.PAX_FORMAT))
    key("long_name", p, [long_name], alerts_all=["bad_name"], planted=pl)
    # ESC in a tar name (a terminal escape when listed)
    t, pl = pb()
    esc_name = "report\x1b]2;owned\x07.txt"
    p = put("names/esc.tar", tarb(lambda tf: tadd(tf, esc_name, t), fmt=tarfile.PAX_FORMAT))
    key("esc_name", p, [esc_name], alerts_all=["bad_name"], planted=pl)
    # backslash traversal, a UNC path and a drive letter in a tar (Windows
    # tar.exe and 7-Zip take '\' as a separator)
    t1, pl1 = pb()
    t2, pl2 = pb()
    t3, pl3 = pb()
    bs = "..\\..\\Users\\Public\\Start Menu\\Programs\\Startup\\evil.bat"
    unc = "\\\\fileserver\\hr\\staff.txt"
    drv = "C:/Users/jdoe/AppData/Roaming/evil.txt"
    p = put("names/windows.tar", tarb(lambda tf: (tadd(tf, bs, t1), tadd(tf, unc, t2), tadd(tf, drv, t3)),
                                      fmt=tarfile.PAX_FORMAT))
    key("tar_backslash", p, [bs], alerts_all=["path_traversal"], planted=pl1)
    key("tar_unc", p, [unc], alerts_all=["absolute_path"], planted=pl2)
    key("tar_drive", p, [drv], alerts_all=["absolute_path"], planted=pl3)
    # the ustar prefix field climbs, the name field does not
    t, pl = pb()
    h = bytearray(tar_header(b"staff.txt", len(t), b"0"))
    h[257:265] = b"ustar\x0000"
    h[345:345 + 16] = b"../../etc/cron.d"
    h[148:156] = b" " * 8
    h[148:156] = b"%06o\0 " % sum(h)
    p = put("names/ustar_prefix.tar", bytes(h) + blk(t) + b"\0" * 1024)
    key("ustar_prefix_slip", p, ["../../etc/cron.d/staff.txt"], alerts_all=["path_traversal"], planted=pl)


# ---------------------------------------------------------------- zip structure
def zip64_extra(usize, csize):
    return struct.pack("<HHQQ", 1, 16, usize, csize)


def zip_cases():
    # zip64 extra fields that claim 1 TiB for a small deflated member
    t, pl = pb()
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    comp = c.compress(t) + c.flush()
    name = b"export/staff.txt"
    crc = zlib.crc32(t)
    ex = zip64_extra(1 << 40, len(comp))
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 45, 0, 8, 0, 0x21, crc, 0xFFFFFFFF, 0xFFFFFFFF,
                        len(name), len(ex)) + name + ex + comp

    def cd(off):
        return struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 45, 45, 0, 8, 0, 0x21, crc, 0xFFFFFFFF, 0xFFFFFFFF,
                           len(name), len(ex), 0, 0, 0, 0, off) + name + ex
    p = put("zip/zip64_lie.zip", zipit([(local, cd), entry(b"ok.txt", CLEAN)]))
    key("zip64_lie_member", p, ["export/staff.txt"], planted=pl)
    key("zip64_lie_tree", p, None, planted_under=pl, verdict_in=["sensitive", "hostile"])
    # directory says stored, local header says deflate (the data is deflated)
    t, pl = pb()
    lo, _ = entry(b"staff.txt", t, 8)
    lo2, cd2 = entry(b"ok.txt", CLEAN)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    comp = c.compress(t) + c.flush()
    _, cd_st = entry(b"staff.txt", t, 0, comp=comp)
    p = put("zip/method_cd_stored.zip", zipit([(lo, cd_st), (lo2, cd2)]))
    key("method_cd_stored_member", p, ["staff.txt"], planted=pl)
    key("method_cd_stored_root", p, [], coverage="partial", reasons_all=["parse_error"])
    # directory says deflate, local header says stored (the data is stored)
    t, pl = pb()
    lo, _ = entry(b"staff.txt", t, 0)
    _, cd_df = entry(b"staff.txt", t, 8, comp=t)
    p = put("zip/method_cd_deflate.zip", zipit([(lo, cd_df), (lo2, cd2)]))
    key("method_cd_deflate_tree", p, None, planted_under=pl)
    key("method_cd_deflate_root", p, [], coverage="partial", reasons_all=["parse_error"])
    # a data descriptor with a wrong CRC (deflated, streamed)
    t, pl = pb()
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    comp = c.compress(t) + c.flush()
    name = b"staff.txt"
    bad = zlib.crc32(t) ^ 0x5A5A5A5A
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 8, 8, 0, 0x21, 0, 0, 0, len(name), 0) + name + comp + \
        struct.pack("<IIII", 0x08074B50, bad, len(comp), len(t))

    def cdd(off):
        return struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 8, 8, 0, 0x21, bad, len(comp), len(t),
                           len(name), 0, 0, 0, 0, 0, off) + name
    p = put("zip/dd_bad_crc.zip", zipit([(local, cdd), entry(b"ok.txt", CLEAN)]))
    key("dd_bad_crc_member", p, ["staff.txt"], planted=pl)
    key("dd_bad_crc_cov", p, ["staff.txt"], coverage="partial", reasons_all=["parse_error"], arguable=True)
    key("dd_bad_crc_ok", p, ["ok.txt"], verdict="clean")
    # a stored member whose header CRC is wrong
    t, pl = pb()
    p = put("zip/stored_bad_crc.zip", zipit([entry(b"staff.txt", t, crc=0x12345678), entry(b"ok.txt", CLEAN)]))
    key("stored_bad_crc_member", p, ["staff.txt"], planted=pl)
    key("stored_bad_crc_ok", p, ["ok.txt"], verdict="clean")
    # a deflate stream damaged after its first part: what inflated is read
    t, pl = pb()
    body = t + noise(20000, 21).hex().encode()
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    comp = bytearray(c.compress(body) + c.flush())
    for i in range(len(comp) * 3 // 4, len(comp) * 3 // 4 + 64):
        comp[i] ^= 0xFF
    p = put("zip/damaged_deflate.zip", zipit([entry(b"staff.txt", body, 8, comp=bytes(comp)),
                                               entry(b"ok.txt", CLEAN)]))
    key("damaged_deflate_member", p, ["staff.txt"], planted=pl, coverage="partial")
    key("damaged_deflate_ok", p, ["ok.txt"], verdict="clean", coverage="full")


# ---------------------------------------------------------------- gzip
def gz_header(flags, name=b"", extra=b""):
    h = b"\x1f\x8b\x08" + bytes([flags]) + b"\0\0\0\0\0\x03"
    if flags & 4:
        h += struct.pack("<H", len(extra)) + extra
    if flags & 8:
        h += name + b"\0"
    return h


def gz_member(data, flags=0, name=b"", crc=None, fhcrc=False):
    h = gz_header(flags | (2 if fhcrc else 0), name)
    if fhcrc:
        h += struct.pack("<H", zlib.crc32(h) & 0xFFFF)
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    body = c.compress(data) + c.flush()
    return h + body + struct.pack("<II", zlib.crc32(data) if crc is None else crc, len(data) & 0xFFFFFFFF)


def gz_cases():
    t, pl = pb()
    p = put("gz/fhcrc.txt.gz", gz_member(t, flags=8, name=b"fhcrc.txt", fhcrc=True))
    key("gz_fhcrc", p, None, planted_under=pl, verdict="sensitive")
    key("gz_fhcrc_cov", p, [], coverage="full")
    t, pl = pb()
    p = put("gz/bad_crc.txt.gz", gz_member(t * 4, crc=0xDEADBEEF))
    key("gz_bad_crc", p, None, planted_under=pl)
    key("gz_bad_crc_cov", p, [], coverage_not="full", arguable=True)
    # the decoded stream is the damaged record, as a zip member's bad CRC is
    key("gz_bad_crc_stream", p, ["bad_crc.txt"], coverage="partial", reasons_all=["parse_error"])
    # the second member names a path that climbs (gzip -N would write there)
    t, pl = pb()
    p = put("gz/two_members.txt.gz", gz_member(CLEAN, 8, b"notes.txt") +
            gz_member(t, 8, b"../../etc/cron.d/job"))
    key("gz_second_member_tree", p, None, planted_under=pl, verdict_in=["sensitive", "hostile"])
    key("gz_second_member_alert", p, None, alerts_under=["path_traversal"], arguable=True)
    # 64 MiB of zeros: a disk image, compressible 1000:1, no PII
    p = put("gz/disk.img.gz", gzip.compress(b"\0" * (64 << 20), 6, mtime=0))
    # a gzip of 64 MiB of zeros expands 1000:1, as a gzip bomb does: the
    # ratio rule (200:1 past 1 MiB) cannot tell them apart by the bytes
    key("gz_zeros", p, None, verdict_in=["clean", "incomplete", "hostile"])
    key("gz_zeros_no_bomb", p, None, verdict="clean", arguable=True)
    # a .tar.gz with 10 KiB of tape padding (NULs) after the gzip
    t, pl = pb()
    p = put("gz/padded.tar.gz", gzip.compress(tarb(lambda tf: tadd(tf, "staff.txt", t)), mtime=0) + b"\0" * 10240)
    key("gz_padded_member", p, ["staff.txt"], planted=pl, coverage="full")
    key("gz_padded_root", p, [], verdict="sensitive", arguable=True)


# ---------------------------------------------------------------- tar, cpio
def tar_cases():
    # a base-256 (GNU binary) size field
    t, pl = pb()
    h = bytearray(tar_header(b"staff.txt", 0, b"0"))
    h[124:136] = b"\x80" + b"\0" * 7 + struct.pack(">I", len(t))
    h[148:156] = b" " * 8
    h[148:156] = b"%06o\0 " % sum(h)
    p = put("tar/base256.tar", bytes(h) + blk(t) + b"\0" * 1024)
    key("tar_base256", p, ["staff.txt"], planted=pl, coverage="full")
    # an unknown type flag ('Q') carrying data: POSIX says read it as a file
    t, pl = pb()
    p = put("tar/unknown_type.tar", tar_header(b"blob.dat", len(t), b"Q") + blk(t) +
            tar_header(b"ok.txt", len(CLEAN), b"0") + blk(CLEAN) + b"\0" * 1024)
    key("tar_unknown_type_tree", p, None, planted_under=pl)
    key("tar_unknown_type_ok", p, ["ok.txt"], verdict="clean")
    # an old GNU sparse member made by GNU tar: a hole, then the PII
    if have("tar") and have("truncate"):
        d = tmpd("sparse")
        t, pl = pb()
        f = os.path.join(d, "disk.raw")
        with open(f, "wb") as fh:
            fh.seek(3 << 20)
            fh.write(t)
            fh.seek(6 << 20)
            fh.write(b"end\n")
        run(["tar", "--format=oldgnu", "--sparse", "-cf", "s.tar", "disk.raw"], cwd=d)
        with open(os.path.join(d, "s.tar"), "rb") as fh:
            p = put("tar/oldgnu_sparse.tar", fh.read())
        # holes are the archive's own zeros: up to 64 MiB of them per member
        # count toward no bomb ratio, so the 6 MiB file of a 10 KiB tar is
        # read whole (a 20 GiB sparse member is still a bomb)
        key("tar_oldgnu_sparse", p, ["disk.raw"], planted=pl, coverage="full")
    # cpio hard links as GNU cpio writes them: data only with the last
    t, pl = pb()
    c = bytearray()
    ents = [(b"a/link1", 0o100644, b"", 7, 3), (b"a/link2", 0o100644, b"", 7, 3), (b"a/staff.txt", 0o100644, t, 7, 3),
            (b"TRAILER!!!", 0, b"", 0, 1)]
    for nm, mode, data, ino, nlink in ents:
        nz = nm + b"\0"
        c += b"070701" + b"".join(b"%08X" % v for v in (ino, mode, 0, 0, nlink, 1700000000, len(data), 0, 0, 0, 0,
                                                         len(nz), 0)) + nz
        c += b"\0" * (-len(c) % 4) + data
        c += b"\0" * (-len(c) % 4)
    p = put("tar/hardlinks.cpio", bytes(c))
    key("cpio_hardlink_tree", p, None, planted_under=pl, verdict_in=["sensitive", "hostile"])
    key("cpio_hardlink_last", p, ["a/staff.txt"], planted=pl)
    # a pax hard link that carries its file's data (POSIX allows it; GNU
    # tar's --hard-dereference and star write whole copies)
    t, pl = pb()

    def hl(tf):
        tadd(tf, "a/orig.txt", CLEAN)
        ti = tarfile.TarInfo("a/copy.txt")
        ti.type, ti.linkname, ti.size, ti.mtime = tarfile.LNKTYPE, "a/orig.txt", len(t), 1700000000
        ti.pax_headers = {"mtime": "1700000000.5"}  # an 'x' header: libarchive then obeys the size
        tf.addfile(ti, io.BytesIO(t))
        tadd(tf, "a/after.txt", CLEAN)
    p = put("tar/hardlink_data.tar", tarb(hl, fmt=tarfile.PAX_FORMAT))
    key("tar_hardlink_data_tree", p, None, planted_under=pl)
    key("tar_hardlink_data", p, ["a/copy.txt"], planted=pl, alerts_all=["hardlink"], coverage="full")
    key("tar_hardlink_after", p, ["a/after.txt"], verdict="clean", coverage="full")
    # a solid 7z of 120 members, the planted value in the 97th
    if have("7z"):
        t, pl = pb()
        mem = [("f%03d.txt" % i, (CLEAN * (1 + i % 5)) if i != 97 else t) for i in range(120)]
        p = put("tar/solid.7z", sevenz(mem, ["-ms=on", "-mx=5"]))
        key("solid_97", p, ["f097.txt"], planted=pl, coverage="full")
        key("solid_96", p, ["f096.txt"], verdict="clean")
        key("solid_root", p, [], coverage="full", verdict="sensitive")


# ---------------------------------------------------------------- mail
def mail_cases():
    CRLF = "\r\n"
    # the attachment says text/plain and is a zip of an xlsx
    t, pl = pii()
    z = zf([("staff.xlsx", xlsx(rows_of(t, pl)))])
    m = eml("notes", mm.multipart("mixed", "=_l1", [
        mm.text_plain("notes attached\n"),
        mm.part("text/plain; name=\"notes.txt\"", mm.b64(z), "base64", "attachment; filename=\"notes.txt\"")]))
    p = put("mail/lying_type.eml", m)
    key("lying_type_xlsx", p, ["notes.txt", "staff.xlsx"], planted=pl, coverage="full")
    # a forwarded message sent base64-encoded (message/rfc822 may not be,
    # RFC 2046 5.2.1; Outlook and some gateways do it anyway)
    t, pl = pii()
    inner = eml("inner", ("Content-Type: text/plain", t.replace("\n", CRLF)))
    m = eml("fwd", mm.multipart("mixed", "=_f1", [
        mm.text_plain("forwarding\n"),
        mm.part("message/rfc822", mm.b64(inner), "base64")]))
    p = put("mail/b64_rfc822.eml", m)
    key("b64_rfc822_tree", p, None, planted_under=pl, verdict="sensitive")
    # boundary lines followed by blanks (RFC 2046 allows linear white space)
    t, pl = pii()
    t2, pl2 = pii()
    body = ("--=_w1   " + CRLF + "Content-Type: text/plain" + CRLF + CRLF + "hello" + CRLF +
            "--=_w1\t" + CRLF + "Content-Type: text/csv; name=\"a.csv\"" + CRLF + "Content-Transfer-Encoding: base64" +
            CRLF + "Content-Disposition: attachment; filename=\"a.csv\"" + CRLF + CRLF + mm.b64(t.encode()) +
            "--=_w1-- " + CRLF)
    m = eml("ws", ("Content-Type: multipart/mixed; boundary=\"=_w1\"", body + t2.replace("\n", CRLF)))
    p = put("mail/boundary_ws.eml", m)
    key("boundary_ws_att", p, ["a.csv"], planted=pl, coverage="full")
    key("boundary_ws_tree", p, None, planted_under=pl)
    # a message saved as UTF-16 (PowerShell 5's Out-File, Notepad's
    # "Unicode"), with a BOM and without: the zip attachment holds the PII
    for n, enc, bom in (("utf16_bom", "utf-16-le", b"\xff\xfe"), ("utf16le", "utf-16-le", b"")):
        t, pl = pii()
        z = zf([("staff.csv", t.encode())])
        m = eml("export", mm.multipart("mixed", "=_u1", [mm.text_plain("the export\n"),
                                                       mm.attach("staff.zip", z, "application/zip")]))
        p = put("mail/%s.eml" % n, bom + m.decode("latin-1").encode(enc))
        key("mail_%s_att" % n, p, ["staff.zip", "staff.csv"], planted=pl, coverage="full")
        key("mail_%s_root" % n, p, [], verdict="sensitive", coverage="full")
    # an mbox whose second message carries a .tar.gz of a CSV
    t, pl = pii()
    tgz = gzip.compress(tarb(lambda tf: tadd(tf, "export/people.csv", t.encode())), mtime=0)
    m1 = eml("hi", ("Content-Type: text/plain", "nothing to see" + CRLF))
    m2 = eml("export", mm.multipart("mixed", "=_e1", [mm.text_plain("the export\n"),
                                                    mm.attach("export.tar.gz", tgz, "application/gzip")]))
    box = b"".join(b"From x@corp.example Mon Mar 03 10:0%d:00 2014\n" % i + m.replace(b"\r\n", b"\n") + b"\n"
                   for i, m in enumerate((m1, m2)))
    p = put("mail/export.mbox", box)
    key("mbox_tgz_csv", p, ["msg-2", "export.tar.gz", "export/people.csv"], planted=pl, coverage="full")
    key("mbox_tgz_msg1", p, ["msg-1"], coverage="full", alerts_none=["zip_bomb"])  # its From: is an address


# ---------------------------------------------------------------- documents, text, odd files
def doc_cases():
    # a docx with an embedded workbook (Insert > Object > Excel)
    t, pl = pii()
    t2, pl2 = pii()
    emb = xlsx(rows_of(t, pl))
    d = zipfile.ZipFile(io.BytesIO(docx(["Quarterly report"] + t2.splitlines())))
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        for i in d.infolist():
            data = d.read(i)
            if i.filename == "[Content_Types].xml":
                data = data.replace(b"</Types>", b"<Default Extension=\"xlsx\" ContentType=\"application/"
                                    b"vnd.openxmlformats-officedocument.spreadsheetml.sheet\"/></Types>")
            z.writestr(i.filename, data)
        z.writestr("word/embeddings/Microsoft_Excel_Worksheet1.xlsx", emb)
        z.writestr("word/_rels/document.xml.rels",
                   '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.'
                   'openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.'
                   'openxmlformats.org/officeDocument/2006/relationships/package" '
                   'Target="embeddings/Microsoft_Excel_Worksheet1.xlsx"/></Relationships>')
    p = put("docs/report_with_sheet.docx", b.getvalue())
    key("docx_embedded_tree", p, None, planted_under=pl, verdict="sensitive")
    key("docx_embedded_body", p, [], planted=pl2)
    # UTF-16 text: little endian without a BOM, big endian with one
    t, pl = pii()
    p = put("text/utf16le_nobom.txt", ("Staff list\r\n" + t.replace("\n", "\r\n")).encode("utf-16-le"))
    key("utf16le_nobom", p, [], planted=pl, coverage="full")
    t, pl = pii()
    p = put("text/utf16be.csv", b"\xfe\xff" + ("name,record\r\n" + t.replace("\n", "\r\n")).encode("utf-16-be"))
    key("utf16be_bom", p, [], planted=pl, coverage="full")
    # files of NUL bytes, and PII after megabytes of NULs (disk slack)
    p = put("odd/zeros.bin", b"\0" * (1 << 20))
    key("nul_file", p, [], verdict="clean", coverage="full")
    t, pl = pb()
    p = put("odd/slack.bin", b"\0" * (3 << 20) + t + b"\0" * 4096)
    key("nul_slack", p, [], planted=pl, coverage="full")
    p = put("odd/empty.xlsx", b"")
    key("empty_xlsx", p, [], verdict="clean", coverage="full", arguable=True)
    # a PDF "redacted" by an incremental update: revision 2 replaces the
    # page's content stream; revision 1's stream (the PII) is still there
    t, pl = pii()
    w = gen_pdf.Writer()
    c1 = b"BT /F1 12 Tf 72 720 Td " + gen_pdf.lit(t.replace("\n", " ")) + b" Tj ET\n"
    pdf1 = w.classic(gen_pdf.simple_doc(w, [c1]))
    # find the content stream's object number: the one whose stream holds c1
    import re
    objs = {int(m.group(1)): m.start() for m in re.finditer(rb"(\d+) 0 obj", pdf1)}
    cnum = [n for n, off in objs.items() if pdf1.find(b"stream", off) < pdf1.find(c1[:20], off) and
            pdf1.find(c1[:20], off) < pdf1.find(b"endobj", off)]
    root = int(re.search(rb"/Root (\d+) 0 R", pdf1).group(1))
    size = int(re.search(rb"/Size (\d+)", pdf1).group(1))
    prev = int(re.findall(rb"startxref\s+(\d+)", pdf1)[-1])
    blank = b"BT /F1 12 Tf 72 720 Td (REDACTED) Tj ET\n"
    n = cnum[-1] if cnum else None
    if n is not None:
        off = len(pdf1) + 1
        upd = b"\n%d 0 obj\n<< /Length %d >>\nstream\n" % (n, len(blank)) + blank + b"endstream\nendobj\n"
        upd_full = upd
        xref = len(pdf1) + len(upd_full)
        tail = (b"xref\n%d 1\n%010d 00000 n \ntrailer\n<< /Size %d /Root %d 0 R /Prev %d >>\nstartxref\n%d\n%%%%EOF\n"
                % (n, off, size, root, prev, xref))
        p = put("docs/redacted_by_update.pdf", pdf1 + upd_full + tail)
        key("pdf_old_revision", p, [], planted=pl, arguable=True)
        key("pdf_old_revision_tree", p, None, planted_under=pl, arguable=True)


def generate(out):
    """Build OUT/dump and OUT/key.json; return the key."""
    return D.generate(out, (share_cases, sfx_cases, ext_cases, name_cases, zip_cases, gz_cases, tar_cases,
                            mail_cases, doc_cases))


CORPUS = {"sfx/setup_7z.exe": "h4_pe_7z.exe", "sfx/iexpress.exe": "h4_pe_cab.exe", "sfx/setup_rar.exe": "h4_pe_rar.exe",
          "sfx/setup_zip.exe": "h4_pe_zip.exe", "tar/hardlinks.cpio": "h4_cpio_hardlinks.cpio",
          "tar/hardlink_data.tar": "h4_tar_hardlink_data.tar"}
MIME_CORPUS = {"mail/utf16_bom.eml": "h4_utf16.eml"}


def corpus(outdir):
    """Fuzz seeds: OUTDIR/archive/h4_* and OUTDIR/mime/h4_* (fuzz/corpus)."""
    seeds = {src: ("archive", dst) for src, dst in CORPUS.items()}
    seeds.update((src, ("mime", dst)) for src, dst in MIME_CORPUS.items())
    hc.corpus_copy(generate, hc.by_harness(seeds), outdir, optional=True)  # tool-made ones need the tool


if __name__ == "__main__":
    hc.main(generate, corpus)
