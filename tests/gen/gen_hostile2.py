#!/usr/bin/env python3
"""Third hostile dump with an answer key (tests/e2e/test_hostile2.py).

gen_hostile2.py OUT -> OUT/dump/... and OUT/key.json (same key format as
gen_redteam.py, checked by gen_redteam.check)

Aimed at what the earlier red teams (gen_hostile.py, gen_redteam.py) do not
plant: archives cut where a reader can take the cut for an end (a zip cut
inside its central directory or end record, a tar cut inside a header
block, a 7z cut before its header database, an ISO cut before its
directory tree), a zip whose local header states another compressed size
than its directory, static libraries (GNU ar symbol and long-name tables,
which are no absolute paths), ISO 9660 directories (whose size is their own
extent, not hidden data), PII in the places no extractor shows (a gzip
header's original name, comment and extra field; zip extra fields; pax
'comment' and xattr records; a tar member's block padding), member names holding U+2028/U+2029 line
separators (a manifest line must stay one line for str.splitlines()), and
archives made by the real tools in their odd modes (Info-ZIP streaming to a
pipe with stored members and data descriptors, zip -fz, dpkg-deb packages,
cpio odc/newc/crc/bin, PDFs encrypted by qpdf).
"""
import gzip, io, json, os, struct, sys, tarfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_redteam as rt  # noqa: E402
import gen_hostile as gh  # noqa: E402
import hostile_common as hc  # noqa: E402

SSN1, SSN2 = b"536-22-1874", b"212-44-9183"
PII = b"Employee: Jane Doe\nSSN " + SSN1 + b"\nstart 2019-03-01\n"
PII2 = b"Employee: John Roe\nSSN " + SSN2 + b"\n"
CLEAN = b"The quarterly picnic moves to the north lawn. Bring sunscreen.\n"

D = hc.Dump(None, stamp=False)
key, put, run, tmpd = D.key, D.put, D.run, D.tmpd
rd, have, noise = hc.rd, hc.have, hc.noise


def pax_tar(members, pax=None, gpax=None):
    b = io.BytesIO()
    with tarfile.open(fileobj=b, mode="w", format=tarfile.PAX_FORMAT, pax_headers=gpax or {}) as t:
        for n, d in members:
            ti = tarfile.TarInfo(n)
            ti.size, ti.mtime = len(d), 1700000000
            if pax:
                ti.pax_headers = pax
            t.addfile(ti, io.BytesIO(d))
    return b.getvalue()


def eocd(n, cdlen, cdoff):
    return struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, n, n, cdlen, cdoff, 0)


# ---------------------------------------------------------------- cuts a reader takes for an end
def cut_cases():
    z = rt.zf([("a_pii.txt", PII * 40), ("b_noise.bin", noise(5000, 1)), ("c_pii2.txt", PII2 * 40)])
    end = z.rfind(b"PK\x05\x06")
    cd = struct.unpack("<I", z[end + 16:end + 20])[0]
    # cut inside the central directory: every member's local data is whole,
    # libarchive's streaming reader stops at the first directory entry
    p = put("cut/zip_mid_cd.zip", z[:cd + 30])
    key("zip_mid_cd_root", p, [], coverage="partial", reasons_all=["truncated"], verdict="sensitive")
    key("zip_mid_cd_a", p, ["a_pii.txt"], coverage="full", entities_all=["ssn"])
    key("zip_mid_cd_c", p, ["c_pii2.txt"], coverage="full", entities_all=["ssn"])
    # cut inside the end record
    p = put("cut/zip_mid_eocd.zip", z[:end + 10])
    key("zip_mid_eocd_root", p, [], coverage="partial", reasons_all=["truncated"])
    key("zip_mid_eocd_c", p, ["c_pii2.txt"], entities_all=["ssn"])
    # an end record whose directory lies past the end of the file
    loc, cdf = rt.zip_entry_raw(b"one.txt", PII)
    p = put("cut/zip_cd_past_end.zip", loc + eocd(1, len(cdf(0)), len(loc) + 5000))
    key("zip_cd_past_end_root", p, [], coverage="partial", reasons_all=["parse_error"])
    key("zip_cd_past_end_member", p, ["one.txt"], entities_all=["ssn"])
    # tar cut 100 bytes into the second member's header block
    t = pax_tar([("a_pii.txt", PII), ("b_noise.bin", noise(20000, 2)), ("c.txt", CLEAN)])
    p = put("cut/tar_mid_header.tar", t[:1024 + 100])
    key("tar_mid_header_root", p, [], coverage="partial", reasons_all=["truncated"])
    key("tar_mid_header_a", p, ["a_pii.txt"], entities_all=["ssn"], coverage="full")
    # ar (BSD long name) cut inside its first member: libarchive says
    # "Truncated input file" before any member
    name = b"bsd_long_member_name_here.txt"
    body = name + PII
    ar = b"!<arch>\n" + b"%-16s%-12d%-6d%-6d%-8s%-10d`\n" % (b"#1/%d" % len(name), 0, 0, 0, b"644", len(body)) + body
    p = put("cut/bsd_cut.a", ar[:70])
    key("ar_cut_root", p, [], coverage="partial", reasons_all=["truncated"])
    if have("7z"):
        d = tmpd("7z")
        for n, data in (("a_pii.txt", PII), ("b_noise.bin", noise(60000, 3)), ("c_pii2.txt", PII2)):
            rt.wr(os.path.join(d, n), data)
        run(["7z", "a", "-bd", "-y", "s.7z", "a_pii.txt", "b_noise.bin", "c_pii2.txt"], cwd=d)
        s7 = rd(os.path.join(d, "s.7z"))
        # the header database is at the end: a cut anywhere loses it
        p = put("cut/solid_half.7z", s7[:len(s7) // 2])
        key("7z_half_root", p, [], coverage="partial", reasons_all=["truncated"])
        p = put("cut/solid_start.7z", s7[:20])
        key("7z_start_root", p, [], coverage_not="full", reasons_all=["truncated"])
        # a split archive (7z -v), its parts side by side: read joined
        # (docs/unpacking.md, "Split archives"): the first part's record
        # holds the members, the later parts are full by reference
        d = tmpd("7zsplit")
        rt.wr(os.path.join(d, "a_pii.txt"), PII)
        rt.wr(os.path.join(d, "b_noise.bin"), noise(300000, 5))
        run(["7z", "a", "-bd", "-y", "-mx=1", "-v100k", "sp.7z", "a_pii.txt", "b_noise.bin"], cwd=d)
        for part in sorted(os.listdir(d)):
            if not part.startswith("sp.7z."):
                continue
            data = rd(os.path.join(d, part))
            p = put("split/" + part, data)
            if part.endswith(".001"):
                key("7z_split_first", p, [], coverage="full", verdict="sensitive")
                key("7z_split_member", p, ["a_pii.txt"], entities_all=["ssn"], coverage="full")
            else:
                # a later part: its set root's verdict (docs/unpacking.md)
                key("7z_split_" + part[-3:], p, [], coverage="full", verdict="sensitive", no_findings=True)


# ---------------------------------------------------------------- directory vs local headers
def zip_size_cases():
    # the local header says 10 stored bytes, the directory 70: libarchive
    # reads 10, the other 60 (the SSN) belong to no member
    loc, cdf = rt.zip_entry_raw(b"s.txt", PII2 + PII)
    lb = bytearray(loc)
    struct.pack_into("<II", lb, 18, 10, 10)
    cde = cdf(0)
    p = put("zips/local_size_lies.zip", bytes(lb) + cde + eocd(1, len(cde), len(lb)))
    key("local_size_root", p, [], coverage="partial", reasons_all=["parse_error"], entities_all=["ssn"],
        verdict="sensitive")


# ---------------------------------------------------------------- format metadata is not a path
def ar_gnu(members, symtab=True):
    """GNU ar with a symbol table '/' and a long-name table '//'."""
    def hdr(n, size):
        return b"%-16s%-12d%-6d%-6d%-8s%-10d`\n" % (n, 0, 0, 0, b"644", size)

    def pad(b):
        return b + (b"\n" if len(b) % 2 else b"")
    out = b"!<arch>\n"
    if symtab:
        syms = struct.pack(">I", 1) + struct.pack(">I", 0) + b"payroll_total\0"
        out += hdr(b"/", len(syms)) + pad(syms)
    table, refs = b"", []
    for n, _ in members:
        if len(n) > 15:
            refs.append(b"/%d" % len(table))
            table += n + b"/\n"
        else:
            refs.append(n + b"/")
    if table:
        out += hdr(b"//", len(table)) + pad(table)
    for (n, d), r in zip(members, refs):
        out += hdr(r, len(d)) + pad(d)
    return out


def metadata_cases():
    p = put("libs/libpayroll.a", ar_gnu([(b"a_rather_long_object_name.o", PII), (b"short.o", CLEAN)]))
    key("ar_symtab", p, ["/"], alerts_none=["absolute_path", "duplicate_name"])
    key("ar_names_table", p, ["//"], absent_chain=True)
    key("ar_long_member", p, ["a_rather_long_object_name.o"], entities_all=["ssn"])
    key("ar_root", p, [], alerts_none=["absolute_path"], verdict="sensitive", coverage="full")
    if have("xorriso"):
        d = tmpd("iso")
        src = os.path.join(d, "src")
        os.makedirs(os.path.join(src, "hr"))
        os.makedirs(os.path.join(src, "deep", "a", "b"))
        rt.wr(os.path.join(src, "hr", "staff.txt"), PII)
        rt.wr(os.path.join(src, "deep", "a", "b", "notes.txt"), CLEAN)
        rt.wr(os.path.join(src, "noise.bin"), noise(100000, 4))
        run(["xorriso", "-as", "mkisofs", "-quiet", "-R", "-J", "-o", "rr.iso", "src"], cwd=d)
        iso = rd(os.path.join(d, "rr.iso"))
        p = put("iso/share.iso", iso)
        # directories are no members with hidden data: not recorded, and the
        # image is read in full
        key("iso_root", p, [], coverage="full", verdict="sensitive", handler="archive")
        key("iso_dir", p, ["hr"], absent_chain=True)
        key("iso_dot", p, ["."], absent_chain=True)
        key("iso_member", p, ["hr/staff.txt"], entities_all=["ssn"], coverage="full")
        key("iso_clean_member", p, ["deep/a/b/notes.txt"], verdict="clean")
        os.remove(os.path.join(src, "hr", "staff.txt"))
        run(["xorriso", "-as", "mkisofs", "-quiet", "-R", "-J", "-o", "clean.iso", "src"], cwd=d)
        p = put("iso/clean.iso", rd(os.path.join(d, "clean.iso")))
        key("iso_clean_root", p, [], coverage="full", verdict="clean")
        # cut before its directory tree (libarchive's ISO bidder needs 48 KiB)
        p = put("iso/cut_early.iso", iso[:40000])
        key("iso_cut_early", p, [], coverage="partial", reasons_all=["truncated"])
        p = put("iso/cut_half.iso", iso[:len(iso) // 2])
        key("iso_cut_half", p, [], coverage="partial", reasons_all=["truncated"])


# ---------------------------------------------------------------- PII where no extractor shows it
def hidden_field_cases():
    g = gzip.compress(CLEAN, mtime=0)
    h = bytearray(g[:10])
    h[3] |= 0x10
    p = put("fields/comment.txt.gz", bytes(h) + PII.replace(b"\n", b" ") + b"\0" + g[10:])
    key("gz_comment", p, [], entities_all=["ssn"], verdict="sensitive")
    key("gz_comment_member", p, ["comment.txt"], no_findings=True)
    h = bytearray(g[:10])
    h[3] |= 0x08
    p = put("fields/renamed.csv.gz", bytes(h) + b"Jane Doe SSN " + SSN1 + b".csv\0" + g[10:])
    key("gz_fname", p, [], entities_all=["ssn"])
    body = PII.replace(b"\n", b" ")
    h = bytearray(g[:10])
    h[3] |= 0x04
    p = put("fields/extra.txt.gz", bytes(h) + struct.pack("<H", len(body) + 4) + b"LS" +
            struct.pack("<H", len(body)) + body + g[10:])
    key("gz_extra", p, [], entities_all=["ssn"])
    ext = struct.pack("<HH", 0x4C53, len(body)) + body
    p = put("fields/zip_extra.zip", rt.raw_zip([rt.zip_entry_raw(b"x.txt", CLEAN, extra=ext)]))
    key("zip_extra", p, [], entities_all=["ssn"], verdict="sensitive")
    key("zip_extra_member", p, ["x.txt"], verdict="clean")
    s = body.decode()
    p = put("fields/pax_comment.tar", pax_tar([("x.txt", CLEAN)], pax={"comment": s}))
    key("pax_comment", p, [], entities_all=["ssn"], verdict="sensitive")
    p = put("fields/pax_xattr.tar", pax_tar([("x.txt", CLEAN)], pax={"SCHILY.xattr.user.note": s}))
    key("pax_xattr", p, [], entities_all=["ssn"])
    p = put("fields/pax_global.tar", pax_tar([("x.txt", CLEAN)], gpax={"comment": s}))
    key("pax_global", p, [], entities_all=["ssn"])
    # a member's padding to the 512-byte block: libarchive skips it unread
    t = bytearray(rt.tarb(lambda tf: (rt.tadd(tf, "a.txt", CLEAN), rt.tadd(tf, "b.txt", CLEAN))))
    t[512 + len(CLEAN):512 + len(CLEAN) + len(body)] = body
    p = put("fields/padding.tar", bytes(t))
    key("tar_padding", p, ["hidden_padding"], entities_all=["ssn"])
    key("tar_padding_root", p, [], verdict="sensitive", coverage="full")
    key("tar_padding_a", p, ["a.txt"], verdict="clean")
    # a tar made by the tool, zero padding: no such member
    p = put("fields/plain.tar", rt.tarb(lambda tf: (rt.tadd(tf, "a.txt", CLEAN), rt.tadd(tf, "b.txt", PII))))
    key("tar_no_padding", p, ["hidden_padding"], absent_chain=True)
    # pax headers that only restate the entry add no text (and no finding)
    p = put("fields/pax_long_path.tar", pax_tar([("d" * 150 + "/Jane.txt", CLEAN)]))
    key("pax_plain", p, [], no_findings=True, verdict="clean")


# ---------------------------------------------------------------- names that split lines
def name_cases():
    names = ["ls\u2028injected.txt", "para\u2029graph.txt", "nel\u0085x.txt"]
    p = put("names/separators.tar", pax_tar([(n, PII) for n in names] + [("plain.txt", CLEAN)]))
    for i, n in enumerate(names):
        key("sep_name_%d" % i, p, [n], alerts_all=["bad_name"], entities_all=["ssn"])
    key("sep_plain", p, ["plain.txt"], alerts_none=["bad_name"], verdict="clean")
    key("sep_root", p, [], verdict="hostile")


# ---------------------------------------------------------------- real tools, odd modes
def tool_cases():
    d = tmpd("tools")
    rt.wr(os.path.join(d, "pii.txt"), PII)
    rt.wr(os.path.join(d, "clean.txt"), CLEAN)
    if have("zip"):
        # Info-ZIP writing to a pipe: stored members with data descriptors
        z = run(["sh", "-c", "zip -q -0 - pii.txt clean.txt | cat"], cwd=d)
        p = put("tools/pipe_stored.zip", z)
        key("pipe_stored_pii", p, ["pii.txt"], entities_all=["ssn"], coverage="full")
        key("pipe_stored_root", p, [], coverage="full", verdict="sensitive")
        z = run(["sh", "-c", "zip -q -fz - - < pii.txt | cat"], cwd=d)
        p = put("tools/stdin_fz.zip", z)
        # to a pipe, -fz writes a directory offset of 0xffffffff and no zip64
        # end record: every directory-driven reader fails; the local header
        # is whole and holds the member
        key("stdin_fz", p, ["-"], entities_all=["ssn"], coverage="full")
        key("stdin_fz_root", p, [], coverage="partial", reasons_all=["parse_error"], verdict="sensitive")
    if have("dpkg-deb"):
        pk = os.path.join(d, "pkg")
        os.makedirs(os.path.join(pk, "DEBIAN"))
        os.makedirs(os.path.join(pk, "etc", "app"))
        rt.wr(os.path.join(pk, "DEBIAN", "control"),
              b"Package: x\nVersion: 1\nArchitecture: all\nMaintainer: a <a@b.c>\nDescription: x\n")
        rt.wr(os.path.join(pk, "etc", "app", "staff.txt"), PII)
        run(["dpkg-deb", "-Zxz", "--root-owner-group", "--build", "pkg", "x.deb"], cwd=d)
        p = put("tools/x.deb", rd(os.path.join(d, "x.deb")))
        key("deb_member", p, ["data.tar.xz", "./etc/app/staff.txt"], entities_all=["ssn"])
        key("deb_root", p, [], coverage="full", verdict="sensitive")
    if have("cpio"):
        for fmt in ("odc", "newc", "crc", "bin"):
            c = run(["sh", "-c", "printf 'pii.txt\\nclean.txt\\n' | cpio -o --quiet -H " + fmt], cwd=d)
            p = put("tools/x_%s.cpio" % fmt, c)
            key("cpio_%s" % fmt, p, ["pii.txt"], entities_all=["ssn"], coverage="full")
            key("cpio_%s_root" % fmt, p, [], coverage="full", verdict="sensitive")
    if have("qpdf"):
        rt.wr(os.path.join(d, "plain.pdf"), gh._pdf(PII))
        run(["qpdf", "--encrypt", "user", "owner", "256", "--", "plain.pdf", "user.pdf"], cwd=d)
        run(["qpdf", "--encrypt", "", "owner", "256", "--", "plain.pdf", "owner.pdf"], cwd=d)
        p = put("tools/user_password.pdf", rd(os.path.join(d, "user.pdf")))
        key("pdf_user_pw", p, [], coverage="none", reasons_all=["encrypted"], alerts_all=["encrypted"],
            verdict="incomplete")
        p = put("tools/owner_password.pdf", rd(os.path.join(d, "owner.pdf")))
        key("pdf_owner_pw", p, [], coverage="full", entities_all=["ssn"])


def check(k, raw):
    """gen_redteam.check, plus 'absent_chain': no record with that chain
    under the root. Returns (format problems, failures)."""
    import base64
    plain = dict(k, cases=[c for c in k["cases"] if not c["expect"].get("absent_chain")])
    bad, fails, _arg = rt.check(plain, raw)
    objs = [json.loads(l) for l in raw.splitlines() if l.strip()]
    objs = [o for o in objs if o.get("record") == "object"]
    for c in k["cases"]:
        if not c["expect"].get("absent_chain"):
            continue
        full = os.path.normpath(os.path.join(k["root"], c["path"]))
        hits = [o for o in objs if o["path"] == full and
                ([base64.b64decode(x).decode("utf-8", "replace") for x in o["chain_b64"]]
                 if "chain_b64" in o else o["chain"]) == c["chain"]]
        if hits:
            fails.append("%s %s %s: should have no record, has %d" % (c["case"], c["path"], c["chain"], len(hits)))
    return bad, fails


def generate(out):
    """Build OUT/dump and OUT/key.json; return the key."""
    return D.generate(out, (cut_cases, zip_size_cases, metadata_cases, hidden_field_cases, name_cases,
                            tool_cases))


CORPUS = {"fields/pax_comment.tar": "h2_pax_comment.tar", "fields/comment.txt.gz": "h2_gz_comment.gz",
          "fields/zip_extra.zip": "h2_zip_extra.zip", "libs/libpayroll.a": "h2_gnu_ar.a",
          "cut/zip_mid_cd.zip": "h2_zip_mid_cd.zip", "cut/tar_mid_header.tar": "h2_tar_mid_header.tar",
          "zips/local_size_lies.zip": "h2_local_size.zip", "fields/padding.tar": "h2_tar_padding.tar"}


def corpus(out):
    """Fuzz seeds (fuzz/corpus/archive/h2_*)."""
    hc.corpus_copy(generate, CORPUS, out)


if __name__ == "__main__":
    hc.main(generate, corpus)
