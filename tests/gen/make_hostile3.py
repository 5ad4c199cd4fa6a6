#!/usr/bin/env python3
"""Fourth hostile dump with an answer key (tests/e2e/test_hostile3.py).

make_hostile3.py OUT -> OUT/dump/... and OUT/key.json

Written as the adversary who builds a dump and the grader who keys it, aimed
at what the earlier red teams (gen_hostile.py, gen_redteam.py,
gen_hostile2.py, gen_rarcab.py) do not plant:

- a name hidden from one view: an Info-ZIP Unicode Path extra field (0x7075,
  what unzip and 7-Zip extract to) that says ../../ while the header says
  report.txt; a local header that says ../../ while the directory says
  ok.txt; local entries no directory lists; a second end record hidden in
  the archive comment; a member whose Unix mode says "device";
- encryption: ZipCrypto, WinZip AES and clear members in one zip; an
  encryption flag on plain stored data (the APK "fake encryption" trick);
  a 7z with every member's data encrypted and one with encrypted headers;
- links: a zip symlink followed by a member written through it, a Rock Ridge
  symlink in an ISO 9660 image;
- tar: a GNU long name (././@LongLink) that climbs, a pax path that climbs
  while the ustar name does not, a directory entry that carries data, a GNU
  volume label holding PII, a file and a directory of the same name;
- ar: a GNU long name that climbs;
- cut compressed tars (gzip, bzip2, xz, zstd) in the middle of a member:
  the whole member before the cut must still be read;
- nesting to exactly the depth limit (PII at depth 16 is found) and one
  past it (not opened, incomplete);
- empty archives of every kind (clean, not damaged);
- PII only in a zstd or lz4 skippable frame (which decoders skip), and
  after a zip's end record.

Every case plants its own PII (an SSN in a valid range, an e-mail address),
so the key can demand the planted value's fingerprint (HMAC under a known
key, see lsutil.scan_keyed) in the record that must hold it, not just "an
SSN somewhere".

key.json: {"root", "fp_key" (hex), "cases": [{"case", "path" (relative to
dump), "chain" (list of str or null for the root's whole tree), "expect"}]}
expect fields (all optional): coverage, coverage_not, reasons_all,
reasons_any, alerts_all, alerts_none, verdict, verdict_in, entities_all,
no_findings, planted ({entity: [normalised values]} whose fingerprints this
record must hold), absent (no record with this chain), count and nth (that
many records have the chain; check the nth, in the order read), and for the root's
whole tree (chain null): planted_under, alerts_under (some record under the
root has it), max_depth (no record deeper), verdict (of the root).
"arguable": true marks an expectation a careful responder could argue either
way; "gap": true one leaksift is known to miss (the report that came with
this file says why and proposes a fix). Both are reported, not failed; a gap
that starts to hold fails until its mark is dropped.
"""
import base64, bz2, gzip, hashlib, hmac, io, json, lzma, os, struct, sys, tarfile, zipfile, zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_hostile as gh  # noqa: E402  (its ZipCrypto writer)
import hostile_common as hc  # noqa: E402

FP_KEY = b"hostile3 fingerprint key, test only"
CLEAN = b"The quarterly picnic moves to the north lawn. Bring sunscreen.\n"
D = hc.Dump(FP_KEY, stamp=False)
key, put, run, tmpd = D.key, D.put, D.run, D.tmpd
rd, wr, have, noise = hc.rd, hc.wr, hc.have, hc.noise


def pii():
    """A fresh PII block: (bytes, planted dict). SSNs in valid ranges (area
    5xx, group and serial not zero), one per case so a fingerprint pins the
    value to the case that planted it."""
    D.n += 1
    n = D.n
    text, pl = hc.record("Employee", n, "Jane Doe", "5%02d-%02d-%04d" % (10 + n, 11 + n % 80, 1000 + 37 * n),
                         "employee%03d@example.org" % n)
    return text.encode(), pl


# ---------------------------------------------------------------- raw zip
def entry(name, data, method=0, flags=0, extra=b"", cd_name=None, cd_extra=None, attr=0, made_by=20,
          comp=None, crc=None):
    """-> (local bytes, cd builder(offset)). cd_name/cd_extra: what the
    directory says when it differs from the local header."""
    crc = zlib.crc32(data) if crc is None else crc
    if comp is None:
        if method == 8:
            c = zlib.compressobj(9, zlib.DEFLATED, -15)
            comp = c.compress(data) + c.flush()
        else:
            comp = data
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, method, 0, 0x21, crc, len(comp), len(data),
                        len(name), len(extra)) + name + extra + comp
    cn = name if cd_name is None else cd_name
    ce = extra if cd_extra is None else cd_extra

    def cd(off):
        return struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, made_by, 20, flags, method, 0, 0x21, crc, len(comp),
                           len(data), len(cn), len(ce), 0, 0, 0, attr, off) + cn + ce
    return local, cd


def zipit(entries, comment=b"", listed=None):
    """entries -> zip bytes; listed: indexes the directory lists (default all)."""
    out, cds = bytearray(), []
    for i, (local, cd) in enumerate(entries):
        if listed is None or i in listed:
            cds.append(cd(len(out)))
        out += local
    cdo, cdb = len(out), b"".join(cds)
    out += cdb + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(cds), len(cds), len(cdb), cdo, len(comment))
    return bytes(out + comment)


def upath(unicode_name, header_name):
    body = b"\x01" + struct.pack("<I", zlib.crc32(header_name)) + unicode_name
    return struct.pack("<HH", 0x7075, len(body)) + body


def tarb(build, fmt=tarfile.GNU_FORMAT):
    b = io.BytesIO()
    with tarfile.open(fileobj=b, mode="w", format=fmt) as t:
        build(t)
    return b.getvalue()


def tadd(t, name, data=b"", **kw):
    ti = tarfile.TarInfo(name)
    ti.size = len(data)
    ti.mtime = 1700000000
    for k, v in kw.items():
        setattr(ti, k, v)
    t.addfile(ti, io.BytesIO(data) if data else None)


def tar_header(name, size, typ, linkname=b""):
    h = bytearray(512)
    h[0:len(name)] = name
    h[100:108] = b"0000644\0"
    h[108:116] = b"0000000\0"
    h[116:124] = b"0000000\0"
    h[124:136] = b"%011o\0" % size
    h[136:148] = b"%011o\0" % 1700000000
    h[156:157] = typ
    h[157:157 + len(linkname)] = linkname
    h[257:265] = b"ustar  \0"
    h[148:156] = b" " * 8
    h[148:156] = b"%06o\0 " % sum(h)
    return bytes(h)


def blk(b):
    return b + b"\0" * (-len(b) % 512)


def zf(members, comp=zipfile.ZIP_DEFLATED):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", comp) as z:
        for n, d in members:
            z.writestr(n, d)
    return b.getvalue()


# ---------------------------------------------------------------- zip: a name hidden from one view
def zip_view_cases():
    # Info-ZIP Unicode Path extra field: unzip and 7-Zip extract to the UTF-8
    # name it holds when its CRC matches the header name; the header says
    # report.txt. A scanner that shows report.txt hides a write to ~/.bashrc.
    t, pl = pii()
    hn = b"report.txt"
    evil = b"../../../home/user/.bashrc"
    p = put("zipview/upath_slip.zip", zipit([entry(hn, t, 8, extra=upath(evil, hn)),
                                             entry(b"readme.txt", CLEAN)]))
    key("upath_slip_tree", p, None, alerts_under=["path_traversal"], planted_under=pl, verdict="hostile")
    # libarchive-based tools and unzip both show the field's name: the chain does too
    key("upath_slip_member", p, [evil.decode()], planted=pl, coverage="full", alerts_all=["path_traversal"])
    # the same field, only in the directory, naming an absolute path
    t, pl = pii()
    hn = b"notes.txt"
    p = put("zipview/upath_abs_cd.zip", zipit([entry(hn, t, 8, cd_extra=upath(b"/etc/cron.d/evil", hn))]))
    key("upath_abs_tree", p, None, alerts_under=["absolute_path"], planted_under=pl, verdict="hostile")
    key("upath_abs_member", p, ["notes.txt"], alerts_all=["absolute_path"], planted=pl)
    # a Unicode Path field that only restates the header's name is no alert
    t, pl = pii()
    hn = "caf\u00e9.txt"
    p = put("zipview/upath_plain.zip", zipit([entry(hn.encode("cp437"), t, 8,
                                                    extra=upath(hn.encode(), hn.encode("cp437")))]))
    key("upath_plain", p, [hn], planted=pl, alerts_none=["path_traversal", "absolute_path", "bad_name"],
        verdict="sensitive")
    # the local header climbs, the directory says ok.txt (cd_slip reversed:
    # a streaming extractor writes outside its target)
    t, pl = pii()
    p = put("zipview/local_slip.zip", zipit([entry(b"../../evil.txt", t, cd_name=b"ok.txt")]))
    key("local_slip_tree", p, None, alerts_under=["path_traversal"], planted_under=pl, verdict="hostile")
    key("local_slip_root", p, [], coverage="partial", reasons_all=["parse_error"])
    # local entries the directory does not list: a directory-driven reader
    # sees only the clean member
    t, pl = pii()
    p = put("zipview/unlisted.zip", zipit([entry(b"hidden/payroll.txt", t, 8), entry(b"readme.txt", CLEAN)],
                                         listed={1}))
    key("unlisted_tree", p, None, planted_under=pl, verdict_in=["sensitive", "hostile"])
    key("unlisted_readme", p, ["readme.txt"], verdict="clean")
    # a second end record inside the archive comment, listing only the
    # clean member: readers that search backwards for the signature find it
    # first; the real one lists the PII member too
    t, pl = pii()
    e_clean, e_pii = entry(b"readme.txt", CLEAN), entry(b"payroll.txt", t, 8)
    body = e_clean[0] + e_pii[0]
    cd_all = e_clean[1](0) + e_pii[1](len(e_clean[0]))
    cd_one = e_clean[1](0)
    fake = cd_one + struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 1, 1, len(cd_one), len(body) + len(cd_all) + 22, 0)
    # the fake directory sits in the comment: its offset is absolute
    real_eocd = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, 2, 2, len(cd_all), len(body), len(fake))
    p = put("zipview/two_eocd.zip", body + cd_all + real_eocd + fake)
    key("two_eocd_tree", p, None, planted_under=pl, verdict_in=["sensitive", "hostile"])
    # data after the end record (no comment length covers it)
    t, pl = pii()
    p = put("zipview/after_eocd.zip", zf([("readme.txt", CLEAN)]) + b"\n" + t * 3)
    key("after_eocd_tree", p, None, planted_under=pl, verdict_in=["sensitive", "hostile"])
    # a member whose Unix mode says character device, holding data
    t, pl = pii()
    p = put("zipview/device_mode.zip", zipit([entry(b"dev/sda", t, made_by=0x0314, attr=(0o020644 << 16)),
                                             entry(b"ok.txt", CLEAN)]))
    key("zip_device_member", p, ["dev/sda"], alerts_all=["device"])
    key("zip_device_root", p, [], verdict="hostile")
    # a zip symlink, then a member written through it (docs: "member whose
    # path goes through an earlier symlink entry"; tested for tar only)
    t, pl = pii()
    p = put("zipview/through_link.zip", zipit([
        entry(b"cfg", b"/etc", made_by=0x0314, attr=(0o120777 << 16)),
        entry(b"cfg/cron.d/job", t),
        entry(b"ok.txt", CLEAN)]))
    key("zip_link", p, ["cfg"], alerts_all=["symlink", "absolute_path"], coverage="none",
        reasons_all=["not_followed"])
    key("zip_through_link", p, ["cfg/cron.d/job"], alerts_all=["path_traversal"], planted=pl)
    key("zip_link_ok", p, ["ok.txt"], verdict="clean")
    # Windows reserved device names, an alternate data stream, a trailing
    # dot: extractors on Windows fail or write somewhere else
    p = put("zipview/windows_names.zip", zipit([entry(b"CON", CLEAN), entry(b"aux.txt", CLEAN),
                                               entry(b"notes.txt:hidden", CLEAN), entry(b"ok.txt", CLEAN)]))
    key("win_con", p, ["CON"], alerts_all=["bad_name"], arguable=True)  # noted in errors, no alert
    key("win_ads", p, ["notes.txt:hidden"], alerts_all=["bad_name"], arguable=True)
    key("win_ok", p, ["ok.txt"], verdict="clean")


# ---------------------------------------------------------------- encryption
def enc_cases():
    # ZipCrypto, WinZip AES and clear members in one zip
    if have("7z") and have("zip"):
        d = tmpd("enc3")
        ta, pla = pii()
        tz, plz = pii()
        tc, plc = pii()
        wr(os.path.join(d, "aes.txt"), ta)
        wr(os.path.join(d, "zc.txt"), tz)
        wr(os.path.join(d, "clear.txt"), tc)
        run(["7z", "a", "-bd", "-y", "-tzip", "-pinfected", "-mem=AES256", "m.zip", "aes.txt"], cwd=d)
        run(["zip", "-q", "-P", "infected", "m.zip", "zc.txt"], cwd=d)
        run(["zip", "-q", "m.zip", "clear.txt"], cwd=d)
        p = put("enc/three_ways.zip", rd(os.path.join(d, "m.zip")))
        for n in ("aes.txt", "zc.txt"):
            key("three_" + n, p, [n], coverage="none", reasons_all=["encrypted"], alerts_all=["encrypted"],
                verdict="incomplete")
        key("three_clear", p, ["clear.txt"], coverage="full", planted=plc)
        key("three_root", p, [], coverage="partial", reasons_all=["encrypted"], verdict="sensitive",
            alerts_none=["zip_bomb", "path_traversal"])
    # the encryption flag on plain stored data (no 12-byte header): Android
    # and some readers ignore the bit; the bytes are in the clear in the zip
    t, pl = pii()
    p = put("enc/fake_flag.zip", zipit([entry(b"contacts.txt", t, flags=1), entry(b"ok.txt", CLEAN)]))
    key("fake_flag_member", p, ["contacts.txt"], alerts_all=["encrypted"], coverage_not="full")
    key("fake_flag_tree", p, None, planted_under=pl, verdict="sensitive")
    # ZipCrypto with a data descriptor (sizes only after the data, as zip -P
    # writes to a pipe), then a clear member: the clear one must be read
    t, pl = pii()
    secret = CLEAN * 5
    crc = zlib.crc32(secret)
    enc = gh._ZipCrypto(b"infected").encrypt(bytes(range(11)) + bytes([(crc >> 8) & 0xFF]) + secret)
    name = b"vault.txt"
    local = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 9, 0, 0, 0x21, 0, 0, 0, len(name), 0) + name + enc + \
        struct.pack("<IIII", 0x08074B50, crc, len(enc), len(secret))

    def vault_cd(off):
        return struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 9, 0, 0, 0x21, crc, len(enc), len(secret),
                           len(name), 0, 0, 0, 0, 0, off) + name
    p = put("enc/zipcrypto_dd.zip", zipit([(local, vault_cd), entry(b"clear.txt", t, 8)]))
    key("zc_dd_enc", p, ["vault.txt"], coverage="none", reasons_all=["encrypted"], alerts_all=["encrypted"])
    key("zc_dd_clear", p, ["clear.txt"], coverage="full", planted=pl)
    # PKWARE strong encryption (flag bit 6), which libarchive cannot read
    t, pl = pii()
    p = put("enc/strong.zip", zipit([entry(b"strong.bin", noise(500, 3), flags=0x41), entry(b"clear.txt", t, 8)]))
    key("strong_enc", p, ["strong.bin"], coverage="none", reasons_all=["encrypted"], alerts_all=["encrypted"])
    key("strong_clear", p, ["clear.txt"], coverage="full", planted=pl)
    key("strong_root", p, [], coverage="partial", reasons_all=["encrypted"], verdict="sensitive")
    # zip compression methods other than deflate (7z -mm=...): read (Deflate64
    # by src/unpack/inflate64.c: libarchive 3.6 lacks it)
    if have("7z"):
        for m in ("BZip2", "LZMA", "PPMd", "XZ", "Deflate64"):
            d = tmpd("m" + m)
            t, pl = pii()
            wr(os.path.join(d, "staff.txt"), t + noise(3000, 9).hex().encode())
            run(["7z", "a", "-bd", "-y", "-tzip", "-mm=" + m, "m.zip", "staff.txt"], cwd=d)
            p = put("methods/%s.zip" % m.lower(), rd(os.path.join(d, "m.zip")))
            key("method_" + m.lower(), p, ["staff.txt"], coverage="full", planted=pl)
    if have("7z"):
        d = tmpd("7zenc")
        t1, _ = pii()
        t2, _ = pii()
        wr(os.path.join(d, "a.txt"), t1)
        wr(os.path.join(d, "b.txt"), t2)
        run(["7z", "a", "-bd", "-y", "-pinfected", "data.7z", "a.txt", "b.txt"], cwd=d)
        run(["7z", "a", "-bd", "-y", "-pinfected", "-mhe=on", "hdr.7z", "a.txt", "b.txt"], cwd=d)
        p = put("enc/data_only.7z", rd(os.path.join(d, "data.7z")))
        # names are in the clear: one record each, nothing read
        key("7z_data_a", p, ["a.txt"], coverage="none", reasons_all=["encrypted"], alerts_all=["encrypted"])
        key("7z_data_root", p, [], coverage_not="full", reasons_all=["encrypted"], verdict="incomplete",
            alerts_none=["zip_bomb"])
        p = put("enc/headers.7z", rd(os.path.join(d, "hdr.7z")))
        key("7z_hdr_root", p, [], coverage="none", reasons_all=["encrypted"], alerts_all=["encrypted"],
            verdict="incomplete")
        key("7z_hdr_no_member", p, ["a.txt"], absent=True)


# ---------------------------------------------------------------- tar, ar, cpio, iso
def tar_cases():
    # GNU long name that climbs
    t, pl = pii()
    long_slip = "../" * 40 + "etc/cron.d/evil"
    p = put("tar/longlink_slip.tar", tarb(lambda tf: (tadd(tf, long_slip, t), tadd(tf, "ok.txt", CLEAN))))
    key("longlink_slip", p, [long_slip], alerts_all=["path_traversal"], planted=pl)
    # pax path climbs, ustar name does not
    t, pl = pii()

    def paxb(tf):
        ti = tarfile.TarInfo("ok_name.txt")
        ti.size, ti.mtime = len(t), 1700000000
        ti.pax_headers = {"path": "../../etc/cron.d/job"}
        tf.addfile(ti, io.BytesIO(t))
    raw = tarb(paxb, fmt=tarfile.PAX_FORMAT)
    assert b"ok_name.txt" in raw
    p = put("tar/pax_path_slip.tar", raw)
    key("pax_path_slip", p, ["../../etc/cron.d/job"], alerts_all=["path_traversal"], planted=pl)
    # a directory entry that carries data: extractors make a folder and
    # drop the bytes; the PII is in the tar all the same
    t, pl = pii()
    raw = (tar_header(b"docs/", len(t), b"5") + blk(t) + tar_header(b"ok.txt", len(CLEAN), b"0") + blk(CLEAN)
           + b"\0" * 1024)
    p = put("tar/dir_with_data.tar", raw)
    # GNU tar and libarchive take a directory's size as 0 and then find a
    # "header" whose checksum fails: damage, skipped; the bytes hold the PII
    key("tar_dir_data_root", p, [], coverage="partial", reasons_all=["parse_error"], verdict="sensitive")
    key("tar_dir_data_tree", p, None, planted_under=pl)
    # the same compressed: the damage is still reported, and the skipped
    # bytes are read (the stream decoded again) as in an uncompressed tar
    p = put("tar/dir_with_data.tar.gz", gzip.compress(raw, mtime=0))
    key("tgz_dir_data_root", p, [], coverage="partial", reasons_all=["parse_error"],
        verdict_in=["incomplete", "sensitive"])
    key("tgz_dir_data_tree", p, None, planted_under=pl)
    # a member whose header is damaged (bit rot, a cut-and-paste of two
    # tars) in a tar.gz: libarchive skips it to the next header; its bytes
    # are read all the same, and the members around it as usual
    t, pl = pii()
    bad = bytearray(tar_header(b"hr/staff.txt", len(t), b"0"))
    bad[148:156] = b"0000000\0"  # checksum wrong
    raw = (tar_header(b"a.txt", len(CLEAN), b"0") + blk(CLEAN) + bytes(bad) + blk(t) +
           tar_header(b"b.txt", len(CLEAN), b"0") + blk(CLEAN) + b"\0" * 1024)
    p = put("tar/damaged_header.tar.gz", gzip.compress(raw, mtime=0))
    key("tgz_damaged_root", p, [], coverage="partial", reasons_all=["parse_error"])
    key("tgz_damaged_tree", p, None, planted_under=pl)
    key("tgz_damaged_after", p, ["b.txt"], verdict="clean", coverage="full")
    # a GNU volume label ('V') holding PII: tar -tv shows it, no member does
    t, pl = pii()
    label = t.split(b"\n")[2]  # "SSN 5xx-xx-xxxx"
    raw = (tar_header(b"Jane Doe " + label, 0, b"V") + tar_header(b"ok.txt", len(CLEAN), b"0") + blk(CLEAN)
           + b"\0" * 1024)
    p = put("tar/volume_label.tar", raw)
    key("tar_label_tree", p, None, planted_under={"ssn": pl["ssn"]}, verdict="sensitive")
    key("tar_label_ok", p, ["ok.txt"], verdict="clean")
    if have("tar"):
        # the same made by GNU tar itself
        d = tmpd("label")
        t, pl = pii()
        wr(os.path.join(d, "ok.txt"), CLEAN)
        run(["tar", "--format=gnu", "-c", "-V", "Jane Doe " + t.split(b"\n")[2].decode(), "-f", "v.tar",
             "ok.txt"], cwd=d)
        p = put("tar/gnu_label.tar", rd(os.path.join(d, "v.tar")))
        key("gnu_label_tree", p, None, planted_under={"ssn": pl["ssn"]}, verdict="sensitive")
    # a file, then a directory of the same name, then a file inside it
    t, pl = pii()
    p = put("tar/file_and_dir.tar", tarb(lambda tf: (tadd(tf, "x", CLEAN), tadd(tf, "x", type=tarfile.DIRTYPE),
                                                     tadd(tf, "x/y.txt", t))))
    key("file_dir_inner", p, ["x/y.txt"], planted=pl, coverage="full")
    key("file_dir_file", p, ["x"], coverage="full")
    # a member whose header checksum is damaged: tar and libarchive skip to
    # the next header; the container was not read whole, and the skipped
    # bytes (header and data) still hold the PII
    t, pl = pii()
    raw = bytearray(tarb(lambda tf: (tadd(tf, "a.txt", CLEAN), tadd(tf, "b_staff.txt", t), tadd(tf, "c.txt", CLEAN))))
    raw[1024 + 148:1024 + 156] = b"0000000\0"
    p = put("tar/bad_checksum.tar", bytes(raw))
    key("tar_badsum_root", p, [], coverage="partial", reasons_all=["parse_error"])
    key("tar_badsum_tree", p, None, planted_under=pl, verdict="sensitive")
    key("tar_badsum_c", p, ["c.txt"], verdict="clean", coverage="full")
    # the same name twice, the second copy holds the PII (what tar -x leaves)
    t, pl = pii()
    p = put("tar/dup.tar", tarb(lambda tf: (tadd(tf, "report.txt", CLEAN), tadd(tf, "report.txt", t))))
    key("tar_dup_first", p, ["report.txt"], count=2, nth=0, no_findings=True, alerts_none=["duplicate_name"])
    key("tar_dup_second", p, ["report.txt"], count=2, nth=1, planted=pl, alerts_all=["duplicate_name"])
    key("tar_dup_root", p, [], verdict="hostile")
    # BSD ar (#1/N: the name follows the header) whose long name climbs
    # (GNU's long-name table ends names at '/', so it cannot hold a path)
    t, pl = pii()
    name = b"../../../etc/cron.d/evil"

    def hdr(n, size):
        return b"%-16s%-12d%-6d%-6d%-8s%-10d`\n" % (n, 0, 0, 0, b"644", size)

    def pad(b):
        return b + (b"\n" if len(b) % 2 else b"")
    ar = b"!<arch>\n" + hdr(b"#1/%d" % len(name), len(name) + len(t)) + pad(name + t) + \
        hdr(b"ok.o", len(CLEAN)) + pad(CLEAN)
    p = put("tar/slip.a", ar)
    key("ar_slip", p, [name.decode()], alerts_all=["path_traversal"], planted=pl)
    key("ar_slip_root", p, [], verdict="hostile")
    # cpio with an absolute member name and a symlink climbing out
    t, pl = pii()
    c = bytearray()
    ino = 1
    for nm, mode, data in ((b"/etc/shadow", 0o100600, t), (b"lib", 0o120777, b"../../../../usr/lib"),
                           (b"TRAILER!!!", 0, b"")):
        nz = nm + b"\0"
        c += b"070701" + b"".join(b"%08X" % v for v in (ino, mode, 0, 0, 1, 1700000000, len(data), 0, 0, 0, 0,
                                                         len(nz), 0)) + nz
        c += b"\0" * (-len(c) % 4) + data
        c += b"\0" * (-len(c) % 4)
        ino += 1
    p = put("tar/abs.cpio", bytes(c))
    key("cpio_abs", p, ["/etc/shadow"], alerts_all=["absolute_path"], planted=pl)
    key("cpio_link_up", p, ["lib"], alerts_all=["symlink", "path_traversal"], coverage="none")
    if have("xorriso"):
        d = tmpd("iso")
        src = os.path.join(d, "src")
        t, pl = pii()
        wr(os.path.join(src, "hr", "staff.txt"), t)
        os.symlink("/etc/shadow", os.path.join(src, "hr", "shadow"))
        os.symlink("../../../../root", os.path.join(src, "up"))
        run(["xorriso", "-as", "mkisofs", "-quiet", "-R", "-o", "l.iso", "src"], cwd=d)
        p = put("iso/links.iso", rd(os.path.join(d, "l.iso")))
        key("iso_link_abs", p, ["hr/shadow"], alerts_all=["symlink", "absolute_path"], coverage="none",
            reasons_all=["not_followed"])
        key("iso_link_up", p, ["up"], alerts_all=["symlink", "path_traversal"])
        key("iso_links_member", p, ["hr/staff.txt"], planted=pl, coverage="full")
        key("iso_links_root", p, [], verdict="hostile")


# ---------------------------------------------------------------- cut compressed tars
def cut_cases():
    # bzip2 at -1 (100 kB blocks): the PII member's block is whole before
    # the cut (a cut bzip2 block itself cannot be decoded at all)
    for ext, comp in (("tar.gz", lambda b: gzip.compress(b, mtime=0)), ("tar.bz2", lambda b: bz2.compress(b, 1)),
                      ("tar.xz", lzma.compress), ("tar.zst", "zstd")):
        if comp == "zstd":
            if not have("zstd"):
                continue
            comp = lambda b: run(["zstd", "-q", "-c", "-3"], inp=b)  # noqa: E731
        t, pl = pii()
        # the PII member is whole and followed by 400 KiB of noise; the cut
        # falls in the middle of the noise member
        tb = tarb(lambda tf: (tadd(tf, "a_staff.txt", t * 20), tadd(tf, "b_noise.bin", noise(400000, 7)),
                              tadd(tf, "c_after.txt", CLEAN)))
        z = comp(tb)
        p = put("cut/mid_member.%s" % ext, z[:len(z) // 2])
        key("cut_%s_before" % ext, p, ["a_staff.txt"], coverage="full", planted=pl)
        key("cut_%s_root" % ext, p, [], coverage="partial", reasons_all=["truncated"], verdict="sensitive")
        key("cut_%s_cut_member" % ext, p, ["b_noise.bin"], coverage="partial", reasons_all=["truncated"],
            arguable=True)
        key("cut_%s_after" % ext, p, ["c_after.txt"], absent=True)


# ---------------------------------------------------------------- concatenated archives
def concat_cases():
    def cpio(entries):
        c = bytearray()
        for i, (nm, data) in enumerate(entries + [(b"TRAILER!!!", b"")]):
            nz = nm + b"\0"
            c += b"070701" + b"".join(b"%08X" % v for v in (i + 1, 0o100644 if data else 0, 0, 0, 1, 1700000000,
                                                             len(data), 0, 0, 0, 0, len(nz), 0)) + nz
            c += b"\0" * (-len(c) % 4) + data
            c += b"\0" * (-len(c) % 4)
        return bytes(c + b"\0" * (-len(c) % 512))
    # a Linux initramfs: an uncompressed cpio (early microcode), then a
    # gzip-compressed one with the rest: normal, not hostile
    t, pl = pii()
    p = put("concat/initrd.img", cpio([(b"kernel/x86/microcode/GenuineIntel.bin", b"\x01\x02" * 100)]) +
            gzip.compress(cpio([(b"etc/staff.txt", t)]), mtime=0))
    key("initramfs_tree", p, None, planted_under=pl, verdict="sensitive")
    # a compressed initramfs of two cpios (`cat a.cpio b.cpio | gzip`, or
    # two gzip members): the kernel unpacks both
    t, pl = pii()
    c2 = cpio([(b"etc/staff.txt", t)])
    c1 = cpio([(b"init", b"#!/bin/sh\n")])
    p = put("concat/initrd_one_gzip.img", gzip.compress(c1 + c2, mtime=0))
    key("initramfs_one_gzip_tree", p, None, planted_under=pl, verdict="sensitive")
    p = put("concat/initrd_two_gzip.img", gzip.compress(c1, mtime=0) + gzip.compress(c2, mtime=0))
    key("initramfs_two_gzip_tree", p, None, planted_under=pl, verdict="sensitive")
    # `cat a.tar b.tar`: tar -i reads both
    t, pl = pii()
    a = tarb(lambda tf: tadd(tf, "a.txt", CLEAN))
    b = tarb(lambda tf: tadd(tf, "b_staff.txt", t))
    p = put("concat/cat.tar", a + b)
    key("cat_tar_tree", p, None, planted_under=pl, verdict="sensitive")
    # `cat a.tar.gz b.tar.gz` and one gzip of two tars: `tar -itz` and
    # `zcat | grep` show the PII; libarchive's tar reader stops at the first
    # end-of-archive blocks
    t, pl = pii()
    b = tarb(lambda tf: tadd(tf, "b_staff.txt", t))
    p = put("concat/cat.tar.gz", gzip.compress(a, mtime=0) + gzip.compress(b, mtime=0))
    key("cat_tgz_tree", p, None, planted_under=pl, verdict="sensitive")
    key("cat_tgz_second", p, ["hidden_data", "b_staff.txt"], planted=pl, coverage="full")
    p = put("concat/one_gzip_two_tars.tar.gz", gzip.compress(a + b, mtime=0))
    key("one_gzip_two_tars_tree", p, None, planted_under=pl, verdict="sensitive")
    # a large tar.gz (past the small-stream rule) with a small one appended:
    # found by the last member's ISIZE
    t, pl = pii()
    big = tarb(lambda tf: tadd(tf, "noise.bin", noise(600000, 11)))
    p = put("concat/big_then_small.tar.gz", gzip.compress(big, mtime=0) +
            gzip.compress(tarb(lambda tf: tadd(tf, "b_staff.txt", t)), mtime=0))
    key("big_small_tgz_tree", p, None, planted_under=pl, verdict="sensitive")
    # the same with xz streams (no ISIZE): found through the streams'
    # indexes, read backwards from the end (a second stream, however small)
    t, pl = pii()
    p = put("concat/big_then_small.tar.xz", lzma.compress(big) +
            lzma.compress(tarb(lambda tf: tadd(tf, "b_staff.txt", t))))
    key("big_small_txz_tree", p, None, planted_under=pl, verdict="sensitive")
    key("big_small_txz_second", p, ["hidden_data", "b_staff.txt"], planted=pl, coverage="full")
    # the same with zstd frames (`cat big.tar.zst small.tar.zst`): a frame
    # that begins past what the tar used; one tar cut into frames (as pzstd
    # writes it) has no such member
    if have("zstd"):
        t, pl = pii()
        zst = lambda b: run(["zstd", "-q", "-c", "-3"], inp=b)  # noqa: E731
        p = put("concat/big_then_small.tar.zst", zst(big) + zst(tarb(lambda tf: tadd(tf, "b_staff.txt", t))))
        key("big_small_tzst_tree", p, None, planted_under=pl, verdict="sensitive")
        key("big_small_tzst_second", p, ["hidden_data", "b_staff.txt"], planted=pl, coverage="full")
        t, pl = pii()
        one = tarb(lambda tf: (tadd(tf, "noise.bin", noise(600000, 13)), tadd(tf, "staff.txt", t)))
        p = put("concat/frames.tar.zst", b"".join(zst(one[i:i + 262144]) for i in range(0, len(one), 262144)))
        key("frames_tzst", p, None, planted_under=pl, verdict="sensitive", coverage="full")
        key("frames_tzst_no_tail", p, ["hidden_data"], absent=True)
    # one large xz stream and nothing after it: no such member
    t, pl = pii()
    p = put("concat/big_alone.tar.xz", lzma.compress(tarb(lambda tf: (tadd(tf, "noise.bin", noise(600000, 12)),
                                                                      tadd(tf, "staff.txt", t)))))
    key("big_alone_txz", p, None, planted_under=pl, verdict="sensitive", coverage="full")
    key("big_alone_txz_no_tail", p, ["hidden_data"], absent=True)
    # a tar.gz made by a tool, nothing after it: no such member
    t, pl = pii()
    p = put("concat/plain.tar.gz", gzip.compress(tarb(lambda tf: tadd(tf, "staff.txt", t)), mtime=0))
    key("plain_tgz_no_tail", p, ["hidden_data"], absent=True)
    key("plain_tgz_member", p, ["staff.txt"], planted=pl, coverage="full")
    # bzip2 records no sizes: a second stream whose start the decoder's
    # read-ahead passed (`cat big.tar.bz2 small.tar.bz2`), or a text file's
    # stream appended, is judged by decoding the last stream alone
    t, pl = pii()
    p = put("concat/big_then_small.tar.bz2", bz2.compress(big) +
            bz2.compress(tarb(lambda tf: tadd(tf, "b_staff.txt", t))))
    key("big_small_tbz_tree", p, None, planted_under=pl, verdict="sensitive")
    key("big_small_tbz_second", p, ["hidden_data", "b_staff.txt"], planted=pl, coverage="full")
    t, pl = pii()
    p = put("concat/big_then_text.tar.bz2", bz2.compress(big) + bz2.compress(t))
    key("big_text_tbz", p, ["hidden_data"], planted=pl)
    # one tar in 900 kB pieces, a stream each (pbzip2), and one stream
    # alone: nothing after the tar
    t, pl = pii()
    one = tarb(lambda tf: (tadd(tf, "noise.bin", noise(1000000, 14)), tadd(tf, "staff.txt", t)))
    p = put("concat/pieces.tar.bz2", b"".join(bz2.compress(one[i:i + 900000]) for i in range(0, len(one), 900000)))
    key("pieces_tbz", p, None, planted_under=pl, verdict="sensitive", coverage="full")
    key("pieces_tbz_no_tail", p, ["hidden_data"], absent=True)
    p = put("concat/big_alone.tar.bz2", bz2.compress(one))
    key("big_alone_tbz_no_tail", p, ["hidden_data"], absent=True)


# ---------------------------------------------------------------- nesting to the depth limit
def nest(levels, leaf_name, leaf):
    """levels containers (zip, tar, zip, cpio, zip, ar, ...) around leaf;
    returns the outermost's bytes. Depth of the leaf below the root = levels."""
    data, name = leaf, leaf_name
    fmts = ["zip", "tar", "zip", "cpio", "zip", "ar"]
    for i in range(levels - 1):
        f = fmts[i % len(fmts)]
        if f == "zip":
            data, name = zf([(name, data)]), "l%02d.zip" % (levels - 1 - i)
        elif f == "tar":
            data, name = tarb(lambda tf, n=name, d=data: tadd(tf, n, d)), "l%02d.tar" % (levels - 1 - i)
        elif f == "cpio":
            nz = name.encode() + b"\0"
            c = bytearray(b"070701" + b"".join(b"%08X" % v for v in (1, 0o100644, 0, 0, 1, 1700000000, len(data),
                                                                    0, 0, 0, 0, len(nz), 0)) + nz)
            c += b"\0" * (-len(c) % 4) + data
            c += b"\0" * (-len(c) % 4)
            tz = b"TRAILER!!!\0"
            c += b"070701" + b"".join(b"%08X" % v for v in (0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, len(tz), 0)) + tz
            c += b"\0" * (-len(c) % 4)
            data, name = bytes(c), "l%02d.cpio" % (levels - 1 - i)
        elif f == "ar":
            hdr = b"%-16s%-12d%-6d%-6d%-8s%-10d`\n" % (name.encode()[:15] + b"/", 0, 0, 0, b"644", len(data))
            data = b"!<arch>\n" + hdr + data + (b"\n" if len(data) % 2 else b"")
            name = "l%02d.a" % (levels - 1 - i)
    return zf([(name, data)])


def depth_cases():
    # the leaf at depth 16 (the default --max-depth): read and found
    t, pl = pii()
    p = put("nest/depth16.zip", nest(16, "leaf.txt", t))
    key("depth16_tree", p, None, planted_under=pl, verdict="sensitive", max_depth=16)
    key("depth16_root", p, [], coverage="full")
    # one level more: the archive at depth 16 is not opened; nothing is at 17
    t, pl = pii()
    p = put("nest/depth17.zip", nest(17, "leaf.txt", t))
    key("depth17_tree", p, None, max_depth=16, verdict="incomplete", reasons_under=["limit:depth"])
    # coverage is each object's own: the root was read whole, the archive at
    # depth 16 was not opened (its record says so; the verdicts roll up)
    key("depth17_root", p, [], coverage="full")


# ---------------------------------------------------------------- empty archives
def empty_cases():
    empties = {"empty.tar": tarb(lambda tf: None), "empty_pax.tar": tarb(lambda tf: None, fmt=tarfile.PAX_FORMAT),
               "empty.cpio": b"070701" + b"".join(b"%08X" % v for v in (0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 11, 0))
               + b"TRAILER!!!\0" + b"\0" * 3,
               "empty.a": b"!<arch>\n", "empty.txt.gz": gzip.compress(b"", mtime=0),
               "empty.txt.bz2": bz2.compress(b""), "empty.txt.xz": lzma.compress(b""),
               "empty.tar.gz": gzip.compress(tarb(lambda tf: None), mtime=0)}
    if have("zstd"):
        empties["empty.txt.zst"] = run(["zstd", "-q", "-c"], inp=b"")
    for n, data in empties.items():
        p = put("empty/" + n, data)
        key("empty_" + n, p, [], coverage="full", verdict="clean", alerts_none=["zip_bomb", "bad_name"])


# ---------------------------------------------------------------- skippable frames
def skippable_cases():
    for tool, ext in (("zstd", "zst"), ("lz4", "lz4")):
        if not have(tool):
            continue
        t, pl = pii()
        frame = run([tool, "-q", "-c"], inp=CLEAN * 3)
        skip = struct.pack("<II", 0x184D2A5A, len(t)) + t  # a skippable frame: every decoder passes over it
        p = put("skippable/notes.txt.%s" % ext, skip + frame)
        key("skippable_%s_tree" % ext, p, None, planted_under=pl, verdict="sensitive")
        key("skippable_%s_member" % ext, p, ["notes.txt"], verdict="clean", coverage="full")
        # a clean skippable frame in front of the real one, which holds a
        # zip with the PII (deflated: not readable in the raw bytes): the
        # stream must still be decoded (libarchive reads the zip through the
        # filter, like a .tar.gz: its members are the stream's)
        t, pl = pii()
        frame = run([tool, "-q", "-c"], inp=zf([("staff.txt", t * 3)]))
        skip = struct.pack("<II", 0x184D2A50, 16) + b"\0" * 16
        p = put("skippable/front.zip.%s" % ext, skip + frame)
        key("skippable_front_%s" % ext, p, ["staff.txt"], planted=pl, coverage="full")
        key("skippable_front_%s_root" % ext, p, [], verdict="sensitive", coverage="full")
        # PII in a skippable frame between two frames
        t, pl = pii()
        mid = struct.pack("<II", 0x184D2A5F, len(t)) + t
        p = put("skippable/middle.txt.%s" % ext, run([tool, "-q", "-c"], inp=CLEAN) + mid +
                run([tool, "-q", "-c"], inp=CLEAN))
        key("skippable_mid_%s_tree" % ext, p, None, planted_under=pl, verdict="sensitive")


# ---------------------------------------------------------------- the check
def check(k, raw):
    """Compare manifest bytes with the key: (format problems, failures,
    arguable differences), lists of strings."""
    bad, fails, arg = [], [], []
    objs = []
    for i, line in enumerate(raw.split(b"\n")):
        if not line:
            continue
        try:
            r = json.loads(line)
        except ValueError as e:
            bad.append("line %d invalid JSON %s" % (i, e))
            continue
        if r.get("record") == "object":
            objs.append(r)
    fkey = bytes.fromhex(k["fp_key"])

    def fp(entity, value):
        return hmac.new(fkey, (entity + ":" + value).encode(), hashlib.sha256).hexdigest()

    def fps(o):
        return {(f["entity"], e["fingerprint"]) for f in o["findings"] for e in f["evidence"]}

    def chain_of(o):
        if "chain_b64" in o:
            return [base64.b64decode(c).decode("utf-8", "replace") for c in o["chain_b64"]]
        return o["chain"]
    for c in k["cases"]:
        for vals in (c["expect"].get("planted"), c["expect"].get("planted_under")):
            for ent, vs in (vals or {}).items():
                for v in vs:
                    full = v if ent != "ssn" else "%s-%s-%s" % (v[:3], v[3:5], v[5:])
                    if full.encode() in raw or (ent == "ssn" and v.encode() in raw):
                        bad.append("full %s value of %s in the manifest" % (ent, c["case"]))
    byroot = {}
    for o in objs:
        byroot.setdefault(o["path"], []).append(o)
    for c in k["cases"]:
        e = c["expect"]
        under = byroot.get(os.path.normpath(os.path.join(k["root"], c["path"])), [])
        probs = []
        if not under:
            probs.append("no record at all for the root")
        elif c["chain"] is None:
            top = [o for o in under if o["depth"] == 0][0]
            have_fps = set().union(*[fps(o) for o in under])
            for ent, vs in e.get("planted_under", {}).items():
                for v in vs:
                    if (ent, fp(ent, v)) not in have_fps:
                        probs.append("planted %s %s...: not found under the root" % (ent, v[:3]))
            for a in e.get("alerts_under", []):
                if not any(a in o["alerts"] for o in under):
                    probs.append("no record under the root with alert %s" % a)
            for r in e.get("reasons_under", []):
                if not any(r in o["coverage_reasons"] for o in under):
                    probs.append("no record under the root with reason %s" % r)
            if "max_depth" in e and max(o["depth"] for o in under) > e["max_depth"]:
                probs.append("a record at depth %d" % max(o["depth"] for o in under))
            if "verdict" in e and top["verdict"] != e["verdict"]:
                probs.append("root verdict %s" % top["verdict"])
            if "verdict_in" in e and top["verdict"] not in e["verdict_in"]:
                probs.append("root verdict %s" % top["verdict"])
        else:
            hits = sorted((o for o in under if chain_of(o) == c["chain"]),
                          key=lambda o: int(o["id"].rsplit(":", 1)[1]))
            if e.get("absent"):
                if hits:
                    probs.append("should have no record, has %d" % len(hits))
            elif len(hits) != e.get("count", 1):
                probs.append("%d records for the chain; have %r" % (len(hits), [chain_of(o) for o in under][:12]))
            else:
                o = hits[e.get("nth", 0)]  # members in the order they were read (ids)
                reasons = set(o["coverage_reasons"])
                if "coverage" in e and o["coverage"] != e["coverage"]:
                    probs.append("coverage %s %r" % (o["coverage"], sorted(reasons)))
                if "coverage_not" in e and o["coverage"] == e["coverage_not"]:
                    probs.append("coverage is %s" % o["coverage"])
                for r in e.get("reasons_all", []):
                    if r not in reasons:
                        probs.append("reason %s missing (have %r)" % (r, sorted(reasons)))
                if "reasons_any" in e and not reasons & set(e["reasons_any"]):
                    probs.append("none of reasons %r (have %r)" % (e["reasons_any"], sorted(reasons)))
                for a in e.get("alerts_all", []):
                    if a not in o["alerts"]:
                        probs.append("alert %s missing (have %r)" % (a, o["alerts"]))
                for a in e.get("alerts_none", []):
                    if a in o["alerts"]:
                        probs.append("unexpected alert %s" % a)
                ents = {f["entity"] for f in o["findings"]}
                for en in e.get("entities_all", []):
                    if en not in ents:
                        probs.append("entity %s missing" % en)
                for ent, vs in e.get("planted", {}).items():
                    for v in vs:
                        if (ent, fp(ent, v)) not in fps(o):
                            probs.append("planted %s %s... missing (cov %s %r)" % (ent, v[:3], o["coverage"],
                                                                                 sorted(reasons)))
                if e.get("no_findings") and o["findings"]:
                    probs.append("has findings")
                if "verdict" in e and o["verdict"] != e["verdict"]:
                    probs.append("verdict %s" % o["verdict"])
                if "verdict_in" in e and o["verdict"] not in e["verdict_in"]:
                    probs.append("verdict %s" % o["verdict"])
        if probs:
            (arg if e.get("arguable") or e.get("gap") else fails).append(
                "%s%s %s %s: %s" % ("known gap: " if e.get("gap") else "", c["case"], c["path"], c["chain"],
                                    "; ".join(probs)))
        elif e.get("gap"):
            fails.append("%s %s: marked a known gap but now holds: drop the mark" % (c["case"], c["path"]))
    return bad, fails, arg


def generate(out):
    """Build OUT/dump and OUT/key.json; return the key."""
    return D.generate(out, (zip_view_cases, enc_cases, tar_cases, concat_cases, cut_cases, depth_cases,
                            empty_cases, skippable_cases))


CORPUS = {"zipview/upath_slip.zip": "h3_upath_slip.zip", "zipview/local_slip.zip": "h3_local_slip.zip",
          "zipview/two_eocd.zip": "h3_two_eocd.zip", "zipview/through_link.zip": "h3_through_link.zip",
          "enc/fake_flag.zip": "h3_fake_flag.zip", "tar/volume_label.tar": "h3_volume_label.tar",
          "tar/dir_with_data.tar": "h3_tar_dir_data.tar", "tar/slip.a": "h3_ar_slip.a",
          "zipview/upath_abs_cd.zip": "h3_upath_cd.zip", "tar/gnu_label.tar": "h3_gnu_label.tar",
          "skippable/front.zip.lz4": "h3_skip_front.lz4", "skippable/middle.txt.zst": "h3_skip_mid.zst"}


def corpus(outdir):
    """Fuzz seeds (fuzz/corpus/archive/h3_*); tool-made ones need the tool."""
    hc.corpus_copy(generate, CORPUS, outdir, optional=True)


if __name__ == "__main__":
    hc.main(generate, corpus)
