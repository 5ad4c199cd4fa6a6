#!/usr/bin/env python3
"""Red-team hostile dump with an answer key (tests/e2e/test_redteam.py).

gen_redteam.py OUT [--big] -> OUT/dump/... and OUT/key.json (--big adds a
1 GiB sparse file, which costs the scan about half a minute)

What it plants, each with what a correct triage says: legacy (cp437,
Shift_JIS, Latin-1) and hostile (RTL override, newline, 300-byte) member
names, names on the file system that are not UTF-8 or hold control
characters, duplicate names, data descriptors (deflated and stored),
self-extractors with and without adjusted offsets, concatenated zips, PII
hidden in zip comments / between members / in a directory entry, forced
zip64, empty members, ZipCrypto and AES members beside plain ones, a split
zip, tar and cpio links (absolute, climbing, loops, hard), devices and FIFOs
in cpio, pax headers with absurd sizes, data after a tar's end, ar, multi-
member gz/bz2/xz/zstd streams with PII only in the second, a gzip FNAME of
../../etc/passwd, 20 levels of mixed formats, a docx in a zip in an e-mail
in an mbox, encrypted OOXML in a zip, a 7z mixing encrypted and plain
folders, wrong extensions, a zip/PDF polyglot, 30 identical files, archives
cut at seeded random points, symlinks out of the tree, a FIFO, unreadable
files (checked only when not run as root), 3,000 members for --max-members.

key.json: {"cases": [{"case", "path" (relative to dump), "chain" (list of str,
or {"b64": [...]}), "expect": {...}}]}
expect fields: mime, mime_prefix, coverage, coverage_not, reasons_all,
reasons_any, alerts_all, alerts_none, entities_all, no_findings, verdict,
verdict_in, absent (no such record), min_records (under path)
"""
import base64, bz2, gzip, io, json, lzma, os, random, struct, subprocess, sys, tarfile, zipfile, zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_hostile as gh  # noqa: E402
import hostile_common as hc  # noqa: E402

SSN1 = b"SSN 536-22-1874"
SSN2 = b"SSN 212-44-9183"
PII = b"Employee: Jane Doe\n" + SSN1 + b"\nstart 2019-03-01\n"
PII2 = b"Employee: John Roe\n" + SSN2 + b"\n"
CLEAN = b"The quarterly picnic moves to the north lawn. Bring sunscreen.\n"

D = hc.Dump(None, stamp=False)
put, run, tmpd = D.put, D.run, D.tmpd
rd, have = hc.rd, hc.have
RND = random.Random(20261128)


def key(case, path, chain=(), **expect):
    ch = list(chain) if chain is not None else None
    if ch and any(isinstance(c, bytes) for c in ch):
        ch = {"b64": [base64.b64encode(c if isinstance(c, bytes) else c.encode()).decode() for c in ch]}
    D.cases.append({"case": case, "path": path, "chain": ch, "expect": expect})


def wr(p, data):
    with open(p, "wb") as f:
        f.write(data)


# ---------------------------------------------------------------- raw zip
def zip_entry_raw(name, data, method=0, flags=0, extra=b"", comment=b"", dd=False, crc=None):
    """-> (local bytes, cd-entry builder(offset))"""
    crc = zlib.crc32(data) if crc is None else crc
    if method == 8:
        c = zlib.compressobj(9, zlib.DEFLATED, -15)
        comp = c.compress(data) + c.flush()
    else:
        comp = data
    if dd:
        flags |= 8
        lfh = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, method, 0, 0x21, 0, 0, 0, len(name), len(extra))
        local = lfh + name + extra + comp + struct.pack("<IIII", 0x08074B50, crc, len(comp), len(data))
    else:
        lfh = struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, method, 0, 0x21, crc, len(comp), len(data), len(name), len(extra))
        local = lfh + name + extra + comp

    def cd(off):
        return struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, method, 0, 0x21, crc, len(comp),
                           len(data), len(name), len(extra), len(comment), 0, 0, 0, off) + name + extra + comment
    return local, cd


def raw_zip(entries, prefix=b"", archive_comment=b"", adjust=True, gap=b""):
    out = bytearray(prefix)
    cds = []
    for e in entries:
        local, cd = e
        off = len(out) if adjust else len(out) - len(prefix)
        out += local + gap
        cds.append(cd(off))
    cdo = len(out)
    cdb = b"".join(cds)
    out += cdb
    out += struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(cds), len(cds), len(cdb),
                       cdo if adjust else cdo - len(prefix), len(archive_comment)) + archive_comment
    return bytes(out)


def zf(members, comp=zipfile.ZIP_DEFLATED):
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", comp) as z:
        for n, d in members:
            z.writestr(n, d)
    return b.getvalue()


class Unseekable(io.RawIOBase):
    def __init__(self):
        self.buf = bytearray()

    def writable(self):
        return True

    def write(self, b):
        self.buf += b
        return len(b)


def zf_streamed(members):
    """zipfile on an unseekable stream: data descriptors (flag bit 3)."""
    u = Unseekable()
    with zipfile.ZipFile(u, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in members:
            with z.open(n, "w") as w:
                w.write(d)
    return bytes(u.buf)


def tarb(build, fmt=tarfile.GNU_FORMAT, enc="utf-8"):
    b = io.BytesIO()
    with tarfile.open(fileobj=b, mode="w", format=fmt, encoding=enc, errors="surrogateescape") as t:
        build(t)
    return b.getvalue()


def tadd(t, name, data=b"", **kw):
    ti = tarfile.TarInfo(name)
    ti.size = len(data)
    ti.mtime = 1700000000
    for k, v in kw.items():
        setattr(ti, k, v)
    t.addfile(ti, io.BytesIO(data) if data else None)


def cpio_newc(entries):
    """entries: (name bytes, mode, data, rdevmajor, rdevminor)"""
    out = bytearray()
    ino = 1
    for name, mode, data, maj, mnr in entries + [(b"TRAILER!!!", 0, b"", 0, 0)]:
        nm = name + b"\0"
        hdr = b"070701" + b"".join(b"%08X" % v for v in (
            ino, mode, 0, 0, 1, 1700000000, len(data), 0, 0, maj, mnr, len(nm), 0))
        out += hdr + nm
        while len(out) % 4:
            out += b"\0"
        out += data
        while len(out) % 4:
            out += b"\0"
        ino += 1
    return bytes(out)


def sevenz(files, args=()):
    d = tmpd("7z")
    for n, data in files:
        p = os.path.join(d, n)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        wr(p, data)
    dst = os.path.join(D.work, "o.7z")
    if os.path.exists(dst):
        os.unlink(dst)
    run(["7z", "a", "-bd", "-y"] + list(args) + [dst] + [n for n, _ in files], cwd=d)
    return rd(dst)


# ---------------------------------------------------------------- cases
def names_cases():
    # cp437 (no UTF-8 flag): Info-ZIP / DOS style
    n1 = "caf\u00e9_n\u00f3mina.txt".encode("cp437")
    n2 = "\u7d66\u4e0e\u660e\u7d30.txt".encode("shift_jis")
    z = raw_zip([zip_entry_raw(n1, PII, 8), zip_entry_raw(n2, PII2, 8), zip_entry_raw(b"plain.txt", CLEAN)])
    p = put("names/legacy_names.zip", z)
    # legacy code-page names are normal (Windows zips): no bad_name, not hostile
    key("cp437_member", p, [n1], entities_all=["ssn"], alerts_none=["bad_name"], coverage="full")
    key("sjis_member", p, [n2], entities_all=["ssn"], alerts_none=["bad_name"], coverage="full")
    key("legacy_zip_root", p, [], verdict="sensitive", coverage="full")
    # same names flagged UTF-8 (bit 11) correctly: no bad_name
    u = "\u7d66\u4e0e\u660e\u7d30.txt".encode()
    p = put("names/utf8_flag.zip", raw_zip([zip_entry_raw(u, PII, 8, flags=0x800)]))
    key("utf8_flag_member", p, ["\u7d66\u4e0e\u660e\u7d30.txt"], entities_all=["ssn"], alerts_none=["bad_name"], verdict="sensitive")
    # latin-1 name in a pax-less GNU tar
    lat = "r\u00e9sum\u00e9.txt".encode("latin-1")
    p = put("names/latin1.tar", tarb(lambda t: tadd(t, lat.decode("utf-8", "surrogateescape"), PII)))
    key("latin1_tar_member", p, [lat], entities_all=["ssn"], alerts_none=["bad_name"])
    # duplicate names: the second copy holds the PII
    z = raw_zip([zip_entry_raw(b"report.txt", CLEAN), zip_entry_raw(b"report.txt", PII)])
    p = put("names/dupes.zip", z)
    key("dup_root", p, [], verdict="hostile", min_records=3)
    key("dup_any_ssn", p, ["report.txt"], any_entities=["ssn"], any_alerts=["duplicate_name"], count=2)
    # RTL override + newline + very long name
    rtl = "invoice\u202etxt.exe".encode()
    nl = b"line1\nline2\r.txt"
    lng = b"A" * 300 + b".txt"
    z = raw_zip([zip_entry_raw(rtl, PII), zip_entry_raw(nl, CLEAN), zip_entry_raw(lng, CLEAN)])
    p = put("names/evil_names.zip", z)
    key("rtl_name", p, ["invoice\u202etxt.exe"], alerts_all=["bad_name"], entities_all=["ssn"])
    key("nl_name", p, [nl.decode()], alerts_all=["bad_name"])
    key("long_component", p, [lng.decode()], alerts_all=["bad_name"])
    # names on the file system itself
    p = put(b"names/fs_\xff\xfe_latin.txt".decode("utf-8", "surrogateescape"), PII)
    key("fs_nonutf8", p, [], entities_all=["ssn"], path_b64=True)
    p = put("names/fs_new\nline\x1b[31m.txt", PII2)
    key("fs_ctrl", p, [], entities_all=["ssn"])


def zip_struct_cases():
    # data descriptors (streamed zip)
    p = put("zips/streamed.zip", zf_streamed([("a/staff.csv", b"name,ssn\nJane," + SSN1[4:] + b"\n"), ("b.txt", CLEAN)]))
    key("dd_member", p, ["a/staff.csv"], entities_all=["ssn"], coverage="full")
    key("dd_root", p, [], coverage="full", verdict="sensitive")
    # stored + data descriptor (libarchive must find the end by the signature)
    z = raw_zip([zip_entry_raw(b"stored_dd.txt", PII, 0, dd=True), zip_entry_raw(b"after.txt", CLEAN)])
    p = put("zips/stored_dd.zip", z)
    key("stored_dd", p, ["stored_dd.txt"], entities_all=["ssn"])
    key("stored_dd_after", p, ["after.txt"], coverage="full")
    # self-extractor: ELF-ish stub, offsets adjusted (zip -A style) and not adjusted
    stub = b"\x7fELF\x02\x01\x01" + b"\0" * 9 + RND.randbytes(8000)
    ents = [zip_entry_raw(b"setup/payload.txt", PII, 8)]
    p = put("zips/setup_adjusted.exe", raw_zip(ents, prefix=stub, adjust=True))
    key("sfx_adjusted", p, ["setup/payload.txt"], entities_all=["ssn"])
    p = put("zips/setup_unadjusted.bin", raw_zip([zip_entry_raw(b"setup/payload.txt", PII, 8)], prefix=stub, adjust=False))
    key("sfx_unadjusted", p, ["setup/payload.txt"], entities_all=["ssn"])
    # concatenated zips: first zip only reachable by local headers
    z1 = zf([("first/hidden.txt", PII)])
    z2 = zf([("second/visible.txt", CLEAN)])
    p = put("zips/concat.zip", z1 + z2)
    key("concat_second", p, ["second/visible.txt"], coverage="full")
    key("concat_first_hidden", p, ["hidden_prefix", "first/hidden.txt"], entities_all=["ssn"])
    key("concat_root", p, [], verdict="sensitive")
    # PII only in the zip's archive comment / a member comment / an extra field / slack between members
    p = put("zips/comment.zip", raw_zip([zip_entry_raw(b"x.txt", CLEAN)], archive_comment=PII))
    key("archive_comment_pii", p, [], entities_all=["ssn"])
    p = put("zips/member_comment.zip", raw_zip([zip_entry_raw(b"x.txt", CLEAN, comment=PII)]))
    key("member_comment_pii", p, [], entities_all=["ssn"])
    p = put("zips/slack.zip", raw_zip([zip_entry_raw(b"x.txt", CLEAN), zip_entry_raw(b"y.txt", CLEAN)], gap=b"\n" + PII))
    key("slack_pii", p, ["hidden_data"], entities_all=["ssn"])
    key("slack_root", p, [], verdict="sensitive")
    # directory entry that carries data
    p = put("zips/dir_with_data.zip", raw_zip([zip_entry_raw(b"docs/", PII), zip_entry_raw(b"ok.txt", CLEAN)]))
    # libarchive hands back nothing for it: honest "not read"
    key("dir_with_data", p, ["docs/"], coverage="none", reasons_all=["unsupported"], mime="inode/directory")
    key("dir_with_data_root", p, [], verdict="incomplete")
    # zip64 streamed with python (force_zip64)
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as z:
        with z.open("big/ledger.txt", "w", force_zip64=True) as w:
            w.write(PII)
    p = put("zips/zip64_forced.zip", b.getvalue())
    key("zip64_forced", p, ["big/ledger.txt"], entities_all=["ssn"], coverage="full")
    # empty / zero-byte members
    p = put("zips/empties.zip", zf([("empty.txt", b""), ("empty.docx", b""), ("d/", b"")]))
    key("zero_member", p, ["empty.txt"], coverage="full", no_findings=True, verdict="clean")
    key("zero_docx", p, ["empty.docx"], coverage="full", verdict="clean")
    key("empties_root", p, [], coverage="full", verdict="clean")
    # ZipCrypto member mixed with a plain member holding PII
    enc = gh.zipcrypto_zip()
    with zipfile.ZipFile(io.BytesIO(enc)) as z:
        encname = z.namelist()[0]
    zc_local, zc_cd = None, None
    # rebuild: take the encrypted zip's first local entry raw
    info = zipfile.ZipFile(io.BytesIO(enc)).infolist()[0]
    # local header + data (no dd in gh's writer? compute from cd)
    lh = enc[info.header_offset:]
    nlen, xlen = struct.unpack("<HH", lh[26:30])
    local = lh[:30 + nlen + xlen + info.compress_size]

    def enc_cd(off, info=info, name=encname.encode()):
        return struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, info.flag_bits, info.compress_type, 0, 0x21,
                           info.CRC, info.compress_size, info.file_size, len(name), 0, 0, 0, 0, 0, off) + name
    p = put("zips/mixed_zipcrypto.zip", raw_zip([(local, enc_cd), zip_entry_raw(b"plain_pii.txt", PII, 8)]))
    key("mixed_zc_enc", p, [encname], coverage="none", reasons_all=["encrypted"], alerts_all=["encrypted"])
    key("mixed_zc_plain", p, ["plain_pii.txt"], entities_all=["ssn"], coverage="full")
    key("mixed_zc_root", p, [], coverage="partial", reasons_all=["encrypted"], verdict="sensitive")
    # AES zip + plain member added later with Info-ZIP
    if have("7z") and have("zip"):
        d = tmpd("aes")
        wr(os.path.join(d, "secret.txt"), PII2)
        wr(os.path.join(d, "public.txt"), PII)
        run(["7z", "a", "-bd", "-y", "-tzip", "-pinfected", "-mem=AES256", "m.zip", "secret.txt"], cwd=d)
        run(["zip", "-q", "m.zip", "public.txt"], cwd=d)
        p = put("zips/mixed_aes.zip", rd(os.path.join(d, "m.zip")))
        key("mixed_aes_enc", p, ["secret.txt"], coverage="none", reasons_all=["encrypted"], alerts_all=["encrypted"])
        key("mixed_aes_plain", p, ["public.txt"], entities_all=["ssn"], coverage="full")
        key("mixed_aes_root", p, [], coverage="partial", reasons_all=["encrypted"])
    # split zip
    if have("zip"):
        d = tmpd("split")
        wr(os.path.join(d, "data.bin"), RND.randbytes(150000))
        wr(os.path.join(d, "pii.txt"), PII)
        run(["zip", "-q", "-0", "-s", "64k", "split.zip", "data.bin", "pii.txt"], cwd=d)
        for f in sorted(os.listdir(d)):
            if f.startswith("split."):
                p = put("zips/split/" + f, rd(os.path.join(d, f)))
                if f == "split.zip":  # the parts side by side are read joined (docs/unpacking.md)
                    key("split_last", p, [], coverage="full", handler="archive")
                    key("split_member", p, ["pii.txt"], entities_all=["ssn"], coverage="full")
                else:
                    key("split_part_" + f, p, [], no_crash=True, coverage="full")


def tar_cases():
    def build(t):
        tadd(t, "etc_link", type=tarfile.SYMTYPE, linkname="/etc/passwd")
        tadd(t, "up", type=tarfile.SYMTYPE, linkname="..")
        tadd(t, "loop_a", type=tarfile.SYMTYPE, linkname="loop_b")
        tadd(t, "loop_b", type=tarfile.SYMTYPE, linkname="loop_a")
        tadd(t, "data/real.txt", PII)
        tadd(t, "data/alias.txt", type=tarfile.LNKTYPE, linkname="data/real.txt")
        tadd(t, "data/pw", type=tarfile.LNKTYPE, linkname="/etc/shadow")
    p = put("tars/links.tar", tarb(build))
    key("tar_sym_abs", p, ["etc_link"], alerts_all=["symlink", "absolute_path"], coverage="none", reasons_all=["not_followed"])
    key("tar_sym_up", p, ["up"], alerts_all=["symlink", "path_traversal"])
    key("tar_sym_loop", p, ["loop_a"], alerts_all=["symlink"], alerts_none=["path_traversal"])
    key("tar_real", p, ["data/real.txt"], entities_all=["ssn"])
    key("tar_hard_inner", p, ["data/alias.txt"], alerts_all=["hardlink"], alerts_none=["path_traversal", "absolute_path"])
    key("tar_hard_abs", p, ["data/pw"], alerts_all=["hardlink", "absolute_path"])
    # cpio newc with device, fifo, symlink, traversal
    c = cpio_newc([(b"dev/mem", 0o020644, b"", 1, 1), (b"fifo", 0o010644, b"", 0, 0),
                   (b"shadow", 0o120777, b"/etc/shadow", 0, 0), (b"../../escape.txt", 0o100644, PII, 0, 0),
                   (b"ok.txt", 0o100644, CLEAN, 0, 0)])
    p = put("tars/initrd.cpio", c)
    key("cpio_dev", p, ["dev/mem"], alerts_all=["device"], coverage="none", reasons_all=["special_file"])
    key("cpio_fifo", p, ["fifo"], alerts_all=["fifo"], coverage="none")
    key("cpio_sym", p, ["shadow"], alerts_all=["symlink", "absolute_path"])
    key("cpio_slip", p, ["../../escape.txt"], alerts_all=["path_traversal"], entities_all=["ssn"])
    # cpio gz
    p = put("tars/initrd.img", gzip.compress(c, mtime=0))
    key("cpio_gz_slip", p, ["../../escape.txt"], alerts_all=["path_traversal"], entities_all=["ssn"])
    # pax header with a huge declared size, little data
    pax = b"%d size=99999999999999\n"
    rec = b" size=99999999999999\n"
    ln = len(rec) + 2
    ln = len(b"%d" % ln) + len(rec)
    paxrec = b"%d%s" % (ln, rec)

    def hdr(name, size, typ):
        h = bytearray(512)
        h[0:len(name)] = name
        h[100:108] = b"0000644\0"
        h[108:116] = b"0000000\0"
        h[116:124] = b"0000000\0"
        h[124:136] = b"%011o\0" % size
        h[136:148] = b"%011o\0" % 1700000000
        h[156:157] = typ
        h[257:263] = b"ustar\0"
        h[263:265] = b"00"
        h[148:156] = b" " * 8
        h[148:156] = b"%06o\0 " % sum(h)
        return bytes(h)
    blk = lambda b: b + b"\0" * (-len(b) % 512)
    t = hdr(b"PaxHeaders/huge", len(paxrec), b"x") + blk(paxrec) + hdr(b"huge.txt", len(PII), b"0") + blk(PII) + b"\0" * 1024
    p = put("tars/pax_huge.tar", t)
    key("pax_huge_root", p, [], coverage="partial", reasons_any=["truncated", "parse_error"])
    # pax header claiming a huge record length
    bad = b"99999999999 path=x\n"
    t = hdr(b"PaxHeaders/bad", len(bad), b"x") + blk(bad) + hdr(b"after.txt", len(PII), b"0") + blk(PII) + b"\0" * 1024
    p = put("tars/pax_badlen.tar", t)
    key("pax_badlen_root", p, [], coverage_not="full", arguable=True)
    # data after the end-of-archive marker
    tb = tarb(lambda t: tadd(t, "a.txt", CLEAN))
    p = put("tars/trailing.tar", tb + PII * 20)
    key("tar_trailing_pii", p, ["hidden_data"], entities_all=["ssn"])
    key("tar_trailing_root", p, [], verdict="sensitive")
    # tar with an empty member, and GNU sparse member on real tool
    p = put("tars/empty_member.tar", tarb(lambda t: tadd(t, "zero.txt", b"")))
    key("tar_zero_member", p, ["zero.txt"], coverage="full", verdict="clean")
    # ar archive
    def ar(members):
        out = b"!<arch>\n"
        for n, d in members:
            out += b"%-16s%-12d%-6d%-6d%-8s%-10d`\n" % (n + b"/", 0, 0, 0, b"644", len(d)) + d + (b"\n" if len(d) % 2 else b"")
        return out
    p = put("tars/lib.a", ar([(b"staff.txt", PII), (b"x.o", CLEAN)]))
    key("ar_member", p, ["staff.txt"], entities_all=["ssn"])


def stream_cases():
    # concatenated multi-member streams: PII only in the 2nd member/stream/frame
    a, b = CLEAN * 5, PII
    p = put("streams/multi.log.gz", gzip.compress(a, mtime=0) + gzip.compress(b, mtime=0))
    key("gz_multimember", p, ["multi.log"], entities_all=["ssn"])
    p = put("streams/multi.log.bz2", bz2.compress(a) + bz2.compress(b))
    key("bz2_multistream", p, ["multi.log"], entities_all=["ssn"])
    p = put("streams/multi.log.xz", lzma.compress(a) + lzma.compress(b))
    key("xz_multistream", p, ["multi.log"], entities_all=["ssn"])
    if have("zstd"):
        za = run(["zstd", "-q", "-c"], inp=a)
        zb = run(["zstd", "-q", "-c"], inp=b)
        p = put("streams/multi.log.zst", za + zb)
        key("zst_multiframe", p, ["multi.log"], entities_all=["ssn"])
    # gzip with trailing garbage holding PII
    p = put("streams/trail.txt.gz", gzip.compress(CLEAN, mtime=0) + b"\0\0garbage " + PII)
    key("gz_trailing_pii", p, ["hidden_data"], entities_all=["ssn"])
    key("gz_trailing_member", p, ["trail.txt"], coverage="full", no_findings=True)
    # gzip whose FNAME header says ../../etc/passwd
    g = bytearray(gzip.compress(PII, mtime=0))
    g[3] |= 0x08
    g = bytes(g[:10]) + b"../../etc/passwd\0" + bytes(g[10:])
    p = put("streams/fname.gz", g)
    key("gz_fname_member", p, ["fname"], entities_all=["ssn"])


def nesting_cases():
    # 20 levels of mixed formats; PII at the bottom and at level 3
    data = PII2
    name = "bottom.txt"
    levels = []
    fmts = ["zip", "tar", "gz", "bz2", "xz", "7z", "cpio", "zip", "tar", "gz"] * 2
    for i, fmt in enumerate(fmts):
        if fmt == "zip":
            data, name = zf([(name, data)]), "l%02d.zip" % i
        elif fmt == "tar":
            data, name = tarb(lambda t, n=name, d=data: tadd(t, n, d)), "l%02d.tar" % i
        elif fmt == "gz":
            name = name + ".gz"
            data = gzip.compress(data, mtime=0)
        elif fmt == "bz2":
            name = name + ".bz2"
            data = bz2.compress(data)
        elif fmt == "xz":
            name = name + ".xz"
            data = lzma.compress(data)
        elif fmt == "7z" and have("7z"):
            data, name = sevenz([(name, data)]), "l%02d.7z" % i
        elif fmt == "cpio":
            data, name = cpio_newc([(name.encode(), 0o100644, data, 0, 0)]), "l%02d.cpio" % i
        levels.append(name)
    p = put("nest/deep20.zip", zf([(name, data), ("top.txt", PII)]))
    key("deep20_top", p, ["top.txt"], entities_all=["ssn"])
    # stacked compressors decode as one member: 13 levels, under --max-depth
    key("deep20_root", p, [], verdict="sensitive", coverage="full")
    key("deep20_bottom", p, None, deep_entity="ssn", deep_ext="txt", verdict="sensitive")
    # docx in zip in eml attachment in mbox, PII only in the docx
    docx = gh._docx(PII)
    eml = gh._eml("quarterly", "see the archive\n", [("q3.zip", zf([("hr/staff.docx", docx)]), "application/zip")])
    clean = gh._eml("lunch", "noon?\n", [])
    mbox = b""
    for m in (clean, eml):
        body = m.replace(b"\r\n", b"\n").replace(b"\nFrom ", b"\n>From ")
        mbox += b"From someone@example.org Mon May  6 09:00:00 2024\n" + body + b"\n"
    p = put("nest/archive.mbox", mbox)
    key("mbox_docx", p, None, deep_entity="ssn", deep_ext="docx", verdict="sensitive")
    # encrypted ooxml inside a zip; legacy-encrypted .doc marker in zip
    p = put("nest/protected.zip", zf([("budget.docx", gh.enc_ooxml()), ("readme.txt", CLEAN)]))
    key("enc_docx_in_zip", p, ["budget.docx"], alerts_all=["encrypted"], coverage_not="full", reasons_all=["encrypted"])
    key("enc_docx_zip_root", p, [], verdict="incomplete")
    # encrypted 7z data (headers plain) mixed with a plain file added later
    if have("7z"):
        d = tmpd("7mix")
        wr(os.path.join(d, "secret.txt"), PII2)
        wr(os.path.join(d, "plain.txt"), PII)
        run(["7z", "a", "-bd", "-y", "-pinfected", "m.7z", "secret.txt"], cwd=d)
        run(["7z", "a", "-bd", "-y", "m.7z", "plain.txt"], cwd=d)
        p = put("nest/mixed.7z", rd(os.path.join(d, "m.7z")))
        key("7z_mix_enc", p, ["secret.txt"], reasons_all=["encrypted"], alerts_all=["encrypted"])
        key("7z_mix_plain", p, ["plain.txt"], entities_all=["ssn"], coverage="full")
        key("7z_mix_root", p, [], coverage="partial", reasons_all=["encrypted"])


def misc_cases():
    # mislabelled
    p = put("misc/notes.txt", zf([("inner.csv", PII)]))
    key("zip_as_txt", p, [], alerts_all=["ext_mismatch"], handler="archive")
    key("zip_as_txt_member", p, ["inner.csv"], entities_all=["ssn"])
    p = put("misc/photo.png", b"name,ssn\n" + SSN1 + b"\n")
    key("csv_as_png", p, [], entities_all=["ssn"])
    p = put("misc/report.pdf", gzip.compress(tarb(lambda t: tadd(t, "x/pii.txt", PII)), mtime=0))
    key("tgz_as_pdf", p, [], alerts_all=["ext_mismatch"])
    key("tgz_as_pdf_member", p, ["x/pii.txt"], entities_all=["ssn"])
    # polyglot: zip with a PDF in its comment (starts PK, ends %%EOF)
    pdf = gh._pdf(PII)
    p = put("misc/poly_zip_pdf.pdf", raw_zip([zip_entry_raw(b"readme.txt", CLEAN)], archive_comment=pdf))
    key("zip_pdf_comment", p, [], any_entities_under=["ssn"], arguable=True)
    # a zip appended to a JPEG whose own comment holds PII, and to a binary blob
    jpeg = (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
            + b"\xff\xfe\x00\x2cComment: Employee " + SSN1 + b" payroll."
            + b"\xff\xdb\x00\x43\x00" + bytes(range(1, 65)) + b"\xff\xd9")
    p = put("misc/team.jpg", jpeg + zf([("readme.txt", CLEAN)]))
    key("jpeg_zip_prefix", p, ["hidden_prefix"], mime="image/jpeg", entities_all=["ssn"])
    key("jpeg_zip_root", p, [], handler="archive", verdict="sensitive")
    blob = b"\x00\x01DBX1" + RND.randbytes(3000) + b"\x00" + PII + RND.randbytes(2000)
    p = put("misc/records.dat", blob + zf([("readme.txt", CLEAN)]))
    key("blob_zip_prefix", p, ["hidden_prefix"], entities_all=["ssn"])
    key("blob_zip_root", p, [], verdict="sensitive")
    # empty files
    p = put("misc/empty.bin", b"")
    key("empty_root", p, [], coverage="full", verdict="clean")
    # the same PII file 30 times -> 30 findings, 1 distinct
    for i in range(30):
        put("dedup/copy_%02d.txt" % i, PII)
    key("dedup", "dedup/copy_00.txt", [], entities_all=["ssn"])
    # cut at random points
    rnd = random.Random(1234)
    bases = {"zip": zf([("a.txt", PII * 50), ("b.bin", RND.randbytes(20000)), ("c.txt", CLEAN * 50)]),
             "tar.bz2": bz2.compress(tarb(lambda t: (tadd(t, "a.bin", RND.randbytes(30000)), tadd(t, "b.txt", PII)))),
             "tar.xz": lzma.compress(tarb(lambda t: (tadd(t, "a.bin", RND.randbytes(30000)), tadd(t, "b.txt", PII)))),
             "cpio": cpio_newc([(b"a.bin", 0o100644, RND.randbytes(30000), 0, 0), (b"b.txt", 0o100644, PII, 0, 0)]),
             "docx": gh._docx(PII * 200)}
    if have("7z"):
        bases["7z"] = sevenz([("a.bin", RND.randbytes(30000)), ("b.txt", PII)], ["-ms=off"])
    if have("zstd"):
        bases["tar.zst"] = run(["zstd", "-q", "-c"], inp=tarb(lambda t: (tadd(t, "a.bin", RND.randbytes(30000)), tadd(t, "b.txt", PII))))
    for ext, data in bases.items():
        for k in range(3):
            cut = rnd.randint(len(data) // 5, len(data) * 9 // 10)
            p = put("cut/%s_%d.%s" % (ext.replace(".", "_"), k, ext), data[:cut])
            key("cut_%s_%d" % (ext, k), p, [], coverage_not="full")
    # a sparse file on disk: 1 GiB hole then PII: past the 1 GiB scan limit
    if BIG:
        with open(os.path.join(D.root, "misc/sparse.img"), "wb") as f:
            f.seek(1 << 30)
            f.write(PII)
        key("sparse_disk", "misc/sparse.img", [], coverage="partial", reasons_all=["limit:scan"])
    # symlinks in the scanned tree
    out = os.path.join(D.work, "..", "outside")
    os.makedirs(out, exist_ok=True)
    wr(os.path.join(out, "outside_secret.txt"), PII2)
    os.makedirs(os.path.join(D.root, "links"), exist_ok=True)
    os.symlink(os.path.abspath(out), os.path.join(D.root, "links", "outdir"))
    os.symlink("..", os.path.join(D.root, "links", "parent_loop"))
    os.symlink("/etc/shadow", os.path.join(D.root, "links", "shadow"))
    os.symlink("nonexistent", os.path.join(D.root, "links", "dangling"))
    os.mkfifo(os.path.join(D.root, "links", "fifo"))
    key("fs_link_dir", "links/outdir", [], alerts_all=["symlink"], coverage="none", reasons_all=["not_followed"])
    key("fs_link_loop", "links/parent_loop", [], alerts_all=["symlink"], reasons_all=["not_followed"])
    key("fs_link_dangling", "links/dangling", [], alerts_all=["symlink"])
    key("fs_fifo", "links/fifo", [], alerts_all=["fifo"], reasons_all=["special_file"])
    key("outside_never_read", "../outside/outside_secret.txt", [], absent=True)
    # unreadable
    p = put("perm/locked.txt", PII)
    os.chmod(os.path.join(D.root, p), 0)
    os.makedirs(os.path.join(D.root, "perm/locked_dir"), exist_ok=True)
    wr(os.path.join(D.root, "perm/locked_dir/inside.txt"), PII)
    os.chmod(os.path.join(D.root, "perm/locked_dir"), 0)
    key("unreadable_file", p, [], coverage="none", reasons_all=["unreadable"], nonroot_only=True)
    key("unreadable_dir", "perm/locked_dir", [], coverage="none", reasons_all=["unreadable"], nonroot_only=True, arguable=True)


def many_members():
    p = put("many/tiny.zip", zf([("m%05d.txt" % i, b"x") for i in range(3000)], zipfile.ZIP_STORED))
    key("many_members", p, [], reasons_all=["limit:members"], coverage="partial", run="max_members")


# ---------------------------------------------------------------- the check
def check(key, raw, nonroot=False, runname="default"):
    """Compare manifest bytes with the key: (format problems, failures,
    arguable differences), each a list of strings."""
    import re
    root = key["root"]
    bad = []
    recs = []
    for i, line in enumerate(raw.split(b"\n")):
        if not line:
            continue
        if re.search(rb"[\x00-\x1f]", line):
            bad.append("line %d raw control char" % i)
        try:
            recs.append(json.loads(line))
        except Exception as e:
            bad.append("line %d invalid JSON %s" % (i, e))
    for s in (b"536-22-1874", b"536221874", b"212-44-9183", b"212449183"):
        if s in raw:
            bad.append("full PII value %r in the manifest" % s)
    objs = [r for r in recs if r.get("record") == "object"]


    def rpath(o):
        p = o.get("path_b64")
        p = base64.b64decode(p) if p else o["path"].encode()
        return p


    def chain_of(o):
        if "chain_b64" in o:
            return [base64.b64decode(c) for c in o["chain_b64"]]
        return [c.encode() for c in o["chain"]]


    byroot = {}
    for o in objs:
        byroot.setdefault(rpath(o), []).append(o)
    fails, arg = [], []
    for c in key["cases"]:
        e = c["expect"]
        if e.get("run", "default") != runname:
            continue
        if e.get("nonroot_only") and not nonroot:
            continue
        full = os.path.normpath(os.path.join(root, c["path"])).encode("utf-8", "surrogateescape")
        under = byroot.get(full, [])
        probs = []
        if e.get("absent"):
            if under:
                probs.append("should be absent, has %d records" % len(under))
            if any(b"outside" in rpath(o) for o in objs):
                probs.append("outside path in manifest")
        elif c["chain"] is None:
            hits = [o for o in under if o["file"]["extension"] == e.get("deep_ext")]
            if not hits:
                probs.append("no %s member; chains %r" % (e.get("deep_ext"), [o["chain"] for o in under]))
            elif not any(e["deep_entity"] in {f["entity"] for f in o["findings"]} for o in hits):
                probs.append("deep member no %s: %r" % (e["deep_entity"], [(o["chain"], o["coverage"], o["coverage_reasons"], o["findings"] and 1) for o in hits]))
            top = [o for o in under if o["depth"] == 0]
            if top and "verdict" in e and top[0]["verdict"] != e["verdict"]:
                probs.append("root verdict %s" % top[0]["verdict"])
        else:
            ch = c["chain"]
            want = [base64.b64decode(x) for x in ch["b64"]] if isinstance(ch, dict) else [x.encode() for x in ch]
            hits = [o for o in under if chain_of(o) == want]
            if not under:
                probs.append("no records at all for root")
            elif "count" in e:
                if len(hits) != e["count"]:
                    probs.append("count %d != %d" % (len(hits), e["count"]))
            elif len(hits) != 1:
                probs.append("%d records for chain; have %r" % (len(hits), [o["chain"] for o in under][:12]))
            if hits:
                o = hits[0]
                ents = set().union(*[{f["entity"] for f in h["findings"]} for h in hits])
                alerts = set().union(*[set(h["alerts"]) for h in hits])
                reasons = set(o["coverage_reasons"])
                if "mime" in e and o["file"]["mime_type"] != e["mime"]:
                    probs.append("mime %s" % o["file"]["mime_type"])
                if "coverage" in e and o["coverage"] != e["coverage"]:
                    probs.append("coverage %s %r" % (o["coverage"], o["coverage_reasons"]))
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
                for a in e.get("any_alerts", []):
                    if a not in alerts:
                        probs.append("no record with alert %s" % a)
                for en in e.get("entities_all", []) + e.get("any_entities", []):
                    if en not in ents:
                        probs.append("entity %s missing (cov %s %r)" % (en, o["coverage"], o["coverage_reasons"]))
                for en in e.get("any_entities_under", []):
                    if not any(en in {f["entity"] for f in u["findings"]} for u in under):
                        probs.append("no %s anywhere under root (root cov %s, children %d)" % (en, o["coverage"], o["children"]))
                for r in e.get("any_reasons_under", []):
                    if not any(r in u["coverage_reasons"] for u in under):
                        probs.append("no reason %s under root" % r)
                if e.get("no_findings") and o["findings"]:
                    probs.append("has findings")
                if "verdict" in e and o["verdict"] != e["verdict"]:
                    probs.append("verdict %s" % o["verdict"])
                if "verdict_in" in e and o["verdict"] not in e["verdict_in"]:
                    probs.append("verdict %s" % o["verdict"])
                if "handler" in e and o["handler"] != e["handler"]:
                    probs.append("handler %s" % o["handler"])
                if e.get("path_b64") and "path_b64" not in o:
                    probs.append("no path_b64")
                if "min_records" in e and len(under) < e["min_records"]:
                    probs.append("only %d records" % len(under))
        if probs:
            (arg if e.get("arguable") else fails).append("%s %s %s: %s" % (c["case"], c["path"], c["chain"], "; ".join(probs)))
    return bad, fails, arg


BIG = False


def generate(out, big=False):
    """Build OUT/dump and OUT/key.json (OUT/work stays); return the key."""
    global BIG
    BIG = big
    if os.path.exists(out):
        subprocess.run(["chmod", "-R", "u+rwx", out])  # the locked files and folders of misc_cases
    return D.generate(out, (names_cases, zip_struct_cases, tar_cases, stream_cases, nesting_cases, misc_cases,
                            many_members), keep_work=True)


CORPUS = {"zips/concat.zip": "rt_concat.zip", "zips/slack.zip": "rt_slack.zip",
          "zips/comment.zip": "rt_comment.zip", "zips/dir_with_data.zip": "rt_dir_data.zip",
          "tars/trailing.tar": "rt_trailing.tar", "streams/trail.txt.gz": "rt_trail.txt.gz",
          "zips/setup_adjusted.exe": "rt_sfx_adjusted.exe", "tars/initrd.cpio": "rt_initrd.cpio"}


def corpus(out):
    """The fuzz seeds (fuzz/corpus/archive/rt_*): small hidden-bytes cases."""
    hc.corpus_copy(generate, CORPUS, out, then=lambda t: subprocess.run(["chmod", "-R", "u+rwx", t]))


if __name__ == "__main__":
    if sys.argv[1] == "--corpus":
        corpus(sys.argv[2])
    else:
        print(len(generate(sys.argv[1], "--big" in sys.argv[2:])["cases"]), "cases")
