"""Eighth hostile dump with an answer key (tests/e2e/test_hostile7.py).

make_hostile7.py OUT -> OUT/dump/... and OUT/key.json

Same key format and checker as make_hostile3.py (its docstring lists the
expect fields; make_hostile3.check is what the test runs). Where the earlier
red teams (gen_hostile.py, gen_redteam.py, gen_hostile2.py, gen_rarcab.py,
gen_xar.py, gen_zipread.py, make_hostile3..6.py) built hostile archives by
hand, this one plants what REAL archivers on real machines write, as a file
share ends up in a dump, and scans it as a real file tree:

- zip as the desktop tools write it: a macOS Finder/ditto zip
  (__MACOSX/._name AppleDouble members holding a resource fork and
  xattrs: not PII, not hostile, no noise), a Russian Windows zip (CP866
  names, no UTF-8 flag), Windows Explorer's Deflate64 (method 9) for a big
  file, 7-Zip's zip methods BZip2 (12), LZMA (14) and PPMd (98);
- Java and Python packages: a .war (made by `jar`) whose WEB-INF/lib jar
  holds a properties file, a jar signed by jarsigner (its PKCS#7 block is
  no key: clean), a wheel with its .dist-info;
- renamed files: a docx saved as .zip and a plain zip saved as .docx;
- 7-Zip: a solid archive of 60 small files with one byte of its packed
  stream damaged (members before the damage are read; the root is not
  "full"), and one archive per coder and filter p7zip writes (PPMd, BZip2,
  Deflate, Deflate64, LZMA, BCJ2, ARM, Delta, Copy);
- tar as GNU tar writes it in each --format (v7, oldgnu, gnu, ustar, posix),
  a GNU sparse file in the three pax sparse formats (0.0, 0.1, 1.0: the
  member's name is the one GNU.sparse.name gives, not GNUSparseFile.N/..),
  a GNU incremental backup (dumpdir 'D' entries listing the names),
  the short suffixes .tbz2, .txz, .tzst, .tlz;
- compressors: zstd --long=31 (a frame that declares a 2 GiB window),
  xz with the x86 BCJ filter, a gzip made by `gzip -N` of a renamed file;
- ISO 9660 images made by xorriso: Joliet long names and Rock Ridge, a
  hybrid with HFS+, zisofs-compressed files;
- the tree itself: a path longer than PATH_MAX, a symlink loop (a -> b ->
  a) and a directory link to its parent, a character device that reads as
  endless zeros (/dev/zero's numbers) and one like /dev/urandom (made only
  as root), a Unix socket, names that start with '-', case-only twin names
  (as a copy from a Windows share keeps them), hard links, an empty file,
  a Mac folder's "Icon\r" file (clean: Finder's custom-icon file).

Every case plants its own PII (an SSN in a valid range, an e-mail address),
so the key demands the planted value's fingerprint in the record that must
hold it. "arguable" and "gap" as in make_hostile3.py. The key is written
from what the archive holds and what a correct triage must say, before
leaksift is run.
"""
import io
import os
import shutil
import socket
import stat
import struct
import sys
import zipfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_hostile3 as h3  # noqa: E402  (raw zip writers, the checker)
import hostile_common as hc  # noqa: E402
import make_maildump as mm  # noqa: E402  (docx writer)

FP_KEY = b"hostile7 fingerprint key, test only"
CLEAN = h3.CLEAN
entry, zipit, zf = h3.entry, h3.zipit, h3.zf
check = h3.check
D = hc.Dump(FP_KEY, stamp=False)
key, put, run, tmpd = D.key, D.put, D.run, D.tmpd
rd, have = hc.rd, hc.have
# Deflate64 zip members (method 9): libarchive 3.6 cannot decode them;
# src/unpack/inflate64.c does. With D64 False the keys that need it are
# known gaps, and the member's being unread ("unsupported") is keyed instead.
D64 = True


def pii():
    """A fresh PII block: (text str, planted dict); one value per case.
    SSN areas 601 up (valid: below 900, never 666)."""
    D.n += 1
    n = D.n
    ssn = "%03d-%02d-%04d" % (600 + n, 10 + n % 80, 3000 + 37 * n)
    return hc.record("Payroll", n, "Ada Moss", ssn, "clerk%03d@example.org" % n)


def pb():
    t, pl = pii()
    return t.encode(), pl


def filler(n, seed):
    """n words of dull text (compressible, not PII)."""
    words = ("north lawn picnic budget review quarter minutes agenda facilities parking badge "
             "kitchen printer toner meeting room schedule").split()
    x = seed * 2654435761 % 2 ** 32
    out = []
    for _ in range(n):
        x = (x * 1103515245 + 12345) % 2 ** 31
        out.append(words[x % len(words)])
    return (" ".join(out) + "\n").encode()


def wr(d, rel, data):
    p = os.path.join(d, rel)
    os.makedirs(os.path.dirname(p), exist_ok=True)
    with open(p, "wb") as f:
        f.write(data)
    os.utime(p, (1417000000, 1417000000))
    return p


def move(src, rel):
    """Move a file a tool wrote into the dump."""
    dst = os.path.join(D.root, rel)
    os.makedirs(os.path.dirname(dst), exist_ok=True)
    shutil.move(src, dst)
    return rel


# ---------------------------------------------------------------- zip as desktop tools write it
def appledouble(entries):
    """An AppleDouble file (RFC 1740 layout, as macOS writes ._name): magic
    0x00051607, version 2, entries (id, data): 9 = Finder info (32 bytes
    plus the xattr block macOS appends), 2 = resource fork."""
    hdr_len = 26 + 12 * len(entries)
    out = struct.pack(">IIxxxxxxxxxxxxxxxxH", 0x00051607, 0x00020000, len(entries))
    off = hdr_len
    descs, body = b"", b""
    for eid, data in entries:
        descs += struct.pack(">III", eid, off, len(data))
        off += len(data)
        body += data
    return out + descs + body


def xattr_block(attrs):
    """The 'ATTR' block macOS appends to the Finder info entry (names and
    values of extended attributes)."""
    hdr = 34 + 2  # fixed header + padding to 4
    names = b""
    ents = []
    off_data = hdr + sum((11 + len(n) + 1 + 3) & ~3 for n, _ in attrs)
    data = b""
    for n, v in attrs:
        ents.append((off_data + len(data), len(v), n))
        data += v
    for o, ln, n in ents:
        e = struct.pack(">IIHB", o, ln, 0, len(n) + 1) + n + b"\0"
        names += e + b"\0" * (-len(e) % 4)
    total = hdr + len(names) + len(data)
    head = b"ATTR" + struct.pack(">IIIIII", 0, total, hdr + len(names), len(data), 0, 0) + \
        struct.pack(">HH", 0, len(attrs)) + b"\0\0"
    return head + names + data


class Bits:
    """LSB-first bit writer (deflate's order); Huffman codes go MSB first."""
    def __init__(self):
        self.out, self.acc, self.n = bytearray(), 0, 0

    def put(self, v, n):
        self.acc |= v << self.n
        self.n += n
        while self.n >= 8:
            self.out.append(self.acc & 0xFF)
            self.acc >>= 8
            self.n -= 8

    def code(self, c, n):
        self.put(int(format(c, "0%db" % n)[::-1], 2), n)

    def done(self):
        if self.n:
            self.out.append(self.acc & 0xFF)
        return bytes(self.out)


def deflate64_bomb(lead, reps):
    """A Deflate64 stream: one fixed-Huffman block, lead as literals, then
    reps copies of 65,538 bytes from distance 1 (length code 285 + 16 bits
    of 0xffff), then end of block."""
    b = Bits()
    b.put(1, 1)  # BFINAL
    b.put(1, 2)  # fixed Huffman
    for ch in lead:
        if ch < 144:
            b.code(0x30 + ch, 8)
        else:
            b.code(0x190 + ch - 144, 9)
    for _ in range(reps):
        b.code(0xC0 + 5, 8)  # symbol 285 (280..287: 8-bit codes from 0xC0)
        b.put(0xFFFF, 16)
        b.code(0, 5)  # distance code 0: 1
    b.code(0, 7)  # 256: end of block
    return b.done()


def d64key(case, path, chain, state, **expect):
    """A key that needs Deflate64 decoded; state: what holds until then."""
    if D64:
        key(case, path, chain, **expect)
    else:
        key(case, path, chain, gap=True, **expect)
        key(case + "_unread", path, chain, **state)


def zip_cases():
    # macOS "Compress" (Finder, ditto -c -k --sequesterRsrc): every file has
    # a __MACOSX/<dir>/._<name> AppleDouble twin holding its Finder info,
    # xattrs (quarantine, where-from) and, for old files, a resource fork
    t1, pl1 = pb()
    fi = b"TEXTttxt" + b"\0" * 24
    xa = xattr_block([(b"com.apple.quarantine", b"0081;5474f1c0;Safari;"),
                      (b"com.apple.lastuseddate#PS", b"\x80\x1cuT\0\0\0\0")])
    rsrc = struct.pack(">IIII", 256, 256 + 16, 16, 30) + b"\0" * 240 + b"\x10" * 16 + b"\0" * 30
    members = [("HR Share/", b""), ("HR Share/staff.txt", t1),
               ("__MACOSX/", b""), ("__MACOSX/HR Share/", b""),
               ("__MACOSX/HR Share/._staff.txt", appledouble([(9, fi + xa), (2, rsrc)])),
               ("HR Share/Icon\r", b""),
               ("__MACOSX/HR Share/._Icon\r", appledouble([(9, b"\0" * 8 + b"\x04\0" + b"\0" * 22),
                                                           (2, rsrc)])),
               ("HR Share/.DS_Store", b"\0\0\0\1Bud1" + b"\0" * 2040)]
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        for n, d in members:
            zi = zipfile.ZipInfo(n, (2014, 11, 24, 9, 0, 0))
            zi.create_system = 3
            zi.external_attr = ((0o40755 if n.endswith("/") else 0o100644) << 16)
            z.writestr(zi, d, zipfile.ZIP_STORED if n.endswith("/") else zipfile.ZIP_DEFLATED)
    p = put("mac/HR Share.zip", b.getvalue())
    key("mac_member", p, ["HR Share/staff.txt"], planted=pl1, coverage="full")
    key("mac_appledouble", p, ["__MACOSX/HR Share/._staff.txt"], verdict="clean", no_findings=True)
    key("mac_appledouble_icon", p, ["__MACOSX/HR Share/._Icon\r"], verdict="clean", no_findings=True)
    key("mac_dsstore", p, ["HR Share/.DS_Store"], verdict="clean")
    key("mac_root", p, [], verdict="sensitive", coverage="full")

    # Russian Windows "Send to > Compressed folder": names in CP866, no
    # UTF-8 flag (bit 11 clear), made_by FAT. The name decodes arguably
    # (CP437 is the spec's default); the content is what must be found.
    t2, pl2 = pb()
    nm = "Зарплата/Ведомость.txt".encode("cp866")
    p = put("win/ru_share.zip", zipit([entry(nm, t2, 8, made_by=20)]))
    key("cp866_tree", p, None, planted_under=pl2)

    # Windows Explorer's zip of a big file: Deflate64 (method 9, "enhanced
    # deflate"), as 7-Zip writes it with -mm=Deflate64. The PII sits at the
    # end of 300 KB of text.
    if have("7z"):
        d = tmpd("d64")
        t3, pl3 = pb()
        wr(d, "Payroll-2014.txt", filler(60000, 3) + t3)
        wr(d, "readme.txt", CLEAN)
        run(["7z", "a", "-tzip", "-mm=Deflate64", "-mx=9", "big.zip", "Payroll-2014.txt"], cwd=d)
        run(["7z", "a", "-tzip", "-mm=Deflate64", "big.zip", "readme.txt"], cwd=d)
        p = move(os.path.join(d, "big.zip"), "win/payroll_deflate64.zip")
        d64key("deflate64_member", p, ["Payroll-2014.txt"], dict(coverage="partial", reasons_all=["unsupported"]),
               planted=pl3, coverage="full")
        d64key("deflate64_root", p, [], dict(verdict="incomplete", reasons_all=["unsupported"]), verdict="sensitive")

        # 7-Zip's other zip methods, each on a file big enough that 7-Zip
        # does not fall back to storing it
        for meth, mm_ in (("BZip2", "bzip2"), ("LZMA", "lzma"), ("PPMd", "ppmd")):
            d = tmpd("zm" + meth)
            t, pl = pb()
            wr(d, "staff.txt", filler(6000, 7) + t)
            run(["7z", "a", "-tzip", "-mm=" + meth, "m.zip", "staff.txt"], cwd=d)
            p = move(os.path.join(d, "m.zip"), "win/zip_%s.zip" % mm_)
            key("zip_method_" + mm_, p, ["staff.txt"], planted=pl, coverage="full")

    # a Deflate64 bomb: a fixed-Huffman block whose length code 285 copies
    # 65,538 bytes (Deflate64's 16-bit extra) from distance 1, 1,300 times:
    # 85 MB from 5 KB. The PII is in the literals before the run: the first
    # MiB kept is scanned; the root is a bomb (the root's 200:1 check stops
    # it before the member's own 64 MiB floor).
    t, pl = pb()
    out = deflate64_bomb(t, 1300)
    data_len = len(t) + 1300 * 65538
    crc = zlib.crc32(t + t[-1:] * (1300 * 65538))
    z = zipit([entry(b"Payroll-2014.txt", b"", 9, comp=out, crc=crc)])
    # entry() took the sizes from the empty data: put the real size in
    z = bytearray(z)
    struct.pack_into("<I", z, 22, data_len)
    cd = z.find(b"PK\x01\x02")
    struct.pack_into("<I", z, cd + 24, data_len)
    p = put("win/deflate64_bomb.zip", bytes(z))
    d64key("deflate64_bomb", p, ["Payroll-2014.txt"], dict(coverage="partial", reasons_all=["unsupported"]),
           planted=pl, coverage="partial")
    d64key("deflate64_bomb_root", p, [], dict(verdict="incomplete"), verdict="hostile", alerts_all=["zip_bomb"])
    # the same Deflate64 member cut in the middle of its data (the
    # directory still whole): what was decoded before the cut is read
    if have("7z"):
        d = tmpd("d64cut")
        t2, pl2 = pb()
        wr(d, "staff.txt", t2 + filler(60000, 11))
        run(["7z", "a", "-tzip", "-mm=Deflate64", "c.zip", "staff.txt"], cwd=d)
        z = bytearray(rd(os.path.join(d, "c.zip")))
        cdo = z.find(b"PK\x01\x02")
        zz = z[:cdo // 2] + z[cdo:]
        eo = zz.rfind(b"PK\x05\x06")
        struct.pack_into("<I", zz, eo + 16, len(zz) - (len(z) - cdo))
        p = put("win/deflate64_cut.zip", bytes(zz))
        d64key("deflate64_cut", p, ["staff.txt"], dict(coverage="partial", reasons_any=["unsupported"]),
               planted=pl2, coverage="partial", reasons_any=["truncated"])


# ---------------------------------------------------------------- packages, renamed files
def package_cases():
    # a .war made by the JDK's jar tool; its WEB-INF/lib holds a jar (made
    # by jar too) whose config/db.properties has the PII
    if have("jar"):
        d = tmpd("war")
        t1, pl1 = pb()
        inner = tmpd("war_inner")
        wr(inner, "config/db.properties", b"db.url=jdbc:postgresql://db.corp:5432/hr\n# owner\n" +
           b"".join(b"# " + ln + b"\n" for ln in t1.splitlines()))
        wr(inner, "com/corp/hr/Staff.class", b"\xca\xfe\xba\xbe\0\0\0\x34" + b"\0" * 64)
        run(["jar", "--create", "--file", os.path.join(d, "hr-core-1.2.jar"), "-C", inner, "."])
        t2, pl2 = pb()
        web = tmpd("war_web")
        wr(web, "index.jsp", b"<%@ page contentType=\"text/html\" %><html><body>HR</body></html>\n")
        wr(web, "WEB-INF/web.xml", b"<?xml version=\"1.0\"?><web-app><display-name>hr</display-name></web-app>\n")
        wr(web, "WEB-INF/classes/seed.csv",
           ("Name,SSN,E-mail\r\nAda Moss,%s-%s-%s,%s\r\n" % (pl2["ssn"][0][:3], pl2["ssn"][0][3:5],
                                                           pl2["ssn"][0][5:], pl2["email"][0])).encode())
        os.makedirs(os.path.join(web, "WEB-INF", "lib"))
        shutil.copy(os.path.join(d, "hr-core-1.2.jar"), os.path.join(web, "WEB-INF", "lib", "hr-core-1.2.jar"))
        run(["jar", "--create", "--file", os.path.join(d, "hr.war"), "-C", web, "."])
        p = move(os.path.join(d, "hr.war"), "deploy/hr.war")
        key("war_nested_jar", p, ["WEB-INF/lib/hr-core-1.2.jar", "config/db.properties"], planted=pl1,
            coverage="full")
        key("war_classes_csv", p, ["WEB-INF/classes/seed.csv"], planted=pl2)
        key("war_manifest", p, ["META-INF/MANIFEST.MF"], verdict="clean")
        key("war_root", p, [], alerts_none=["ext_mismatch"])

    # a jar signed by jarsigner: META-INF/*.SF and the PKCS#7 signature
    # block *.RSA (certificates, no private key): no finding, clean
    if have("jar", "keytool", "jarsigner"):
        d = tmpd("signed")
        src = tmpd("signed_src")
        wr(src, "com/corp/App.class", b"\xca\xfe\xba\xbe\0\0\0\x34" + b"\0" * 64)
        wr(src, "app.properties", b"app.name=timesheets\n")
        run(["jar", "--create", "--file", os.path.join(d, "timesheets.jar"), "-C", src, "."])
        run(["keytool", "-genkeypair", "-keystore", "ks.p12", "-storetype", "PKCS12", "-storepass", "changeit",
             "-keypass", "changeit", "-alias", "corp", "-keyalg", "RSA", "-keysize", "2048",
             "-dname", "CN=Corp Build, O=Corp", "-validity", "3650"], cwd=d)
        run(["jarsigner", "-keystore", "ks.p12", "-storepass", "changeit", "timesheets.jar", "corp"], cwd=d)
        p = move(os.path.join(d, "timesheets.jar"), "deploy/timesheets.jar")
        key("signed_jar_block", p, ["META-INF/CORP.RSA"], verdict="clean", no_findings=True)
        key("signed_jar_sf", p, ["META-INF/CORP.SF"], verdict="clean", no_findings=True)
        key("signed_jar_root", p, [], verdict="clean")

    # a wheel: a zip with its .dist-info, a data file holding PII
    t3, pl3 = pb()
    members = [("hrtools/__init__.py", b"__version__ = '0.3'\n"),
               ("hrtools/fixtures/people.txt", t3),
               ("hrtools-0.3.dist-info/METADATA", b"Metadata-Version: 2.1\nName: hrtools\nVersion: 0.3\n"),
               ("hrtools-0.3.dist-info/WHEEL", b"Wheel-Version: 1.0\nGenerator: bdist_wheel (0.41.2)\n"
                                               b"Root-Is-Purelib: true\nTag: py3-none-any\n"),
               ("hrtools-0.3.dist-info/RECORD", b"hrtools/__init__.py,,\n")]
    p = put("deploy/hrtools-0.3-py3-none-any.whl", zf(members))
    key("wheel_member", p, ["hrtools/fixtures/people.txt"], planted=pl3, coverage="full")
    key("wheel_root", p, [], verdict="sensitive", alerts_none=["ext_mismatch"])

    # a Word document saved with a .zip name (as mail gateways rename
    # attachments) and a plain zip saved with a .docx name
    t4, pl4 = pii()
    p = put("renamed/Minutes.zip", mm.docx(["Minutes of the HR meeting", t4.replace("\n", " ")]))
    key("docx_as_zip", p, None, planted_under=pl4)
    t5, pl5 = pb()
    p = put("renamed/Offer letter.docx", zf([("offer/letter.txt", t5), ("offer/notes.txt", CLEAN)]))
    key("zip_as_docx_member", p, ["offer/letter.txt"], planted=pl5, coverage="full")
    key("zip_as_docx_root", p, [], verdict_in=["sensitive", "hostile"])


# ---------------------------------------------------------------- 7-Zip
def sevenzip_cases():
    if not have("7z"):
        return
    # a solid 7z (one LZMA2 stream) of 60 small files; one byte of the
    # packed stream near its end is damaged. The first member decodes before
    # the damage; the archive as a whole is not "full".
    d = tmpd("solid")
    t1, pl1 = pb()
    t2, pl2 = pb()
    wr(d, "notes/a000_staff.txt", t1)
    for i in range(1, 59):
        wr(d, "notes/a%03d.txt" % i, filler(40 + i, 100 + i))
    wr(d, "notes/a059_staff.txt", t2)
    run(["7z", "a", "-ms=on", "-mx=9", "-m0=LZMA2", "s.7z", "notes"], cwd=d)
    z = bytearray(rd(os.path.join(d, "s.7z")))
    # the folder's packed stream starts at byte 32 (the encoded header's own
    # packed stream follows it): damage a byte three quarters into it
    slt = run(["7z", "l", "-slt", "s.7z"], cwd=d).decode()
    packed = max(int(ln.split("=")[1]) for ln in slt.splitlines()
                 if ln.startswith("Packed Size = ") and ln.split("=")[1].strip())
    pos = 32 + packed * 3 // 4
    z[pos] ^= 0x55
    p = put("7z/solid_damaged.7z", bytes(z))
    # gap: libarchive decodes a solid block in large chunks and fails the
    # first read, so the members before the damage (7-Zip extracts them)
    # are lost with it
    key("solid_damaged_first", p, ["notes/a000_staff.txt"], planted=pl1, gap=True)
    key("solid_damaged_first_state", p, ["notes/a000_staff.txt"], coverage_not="full", reasons_all=["parse_error"])
    key("solid_damaged_root", p, None, reasons_under=["parse_error"])
    # every member after it is still recorded (its name is in the 7z's
    # header), none silently missing
    key("solid_damaged_middle", p, ["notes/a030.txt"], coverage="none", reasons_all=["parse_error"])
    key("solid_damaged_last", p, ["notes/a059_staff.txt"], coverage="none", reasons_all=["parse_error"])

    # one archive per coder and filter p7zip writes
    for opt, nm in (("-m0=PPMd", "ppmd"), ("-m0=BZip2", "bzip2"), ("-m0=Deflate", "deflate"),
                    ("-m0=Deflate64", "deflate64"), ("-m0=LZMA", "lzma"), ("-mf=BCJ2", "bcj2"),
                    ("-mf=ARM", "arm"), ("-mf=Delta:4", "delta"), ("-m0=Copy", "copy")):
        d = tmpd("m7" + nm)
        t, pl = pb()
        wr(d, "hr/staff.txt", filler(2000, 9) + t)
        wr(d, "hr/readme.txt", CLEAN)
        run(["7z", "a", opt, "m.7z", "hr"], cwd=d)
        p = move(os.path.join(d, "m.7z"), "7z/method_%s.7z" % nm)
        if nm == "deflate64":
            # gap: libarchive 3.6 has no Deflate64 coder for 7z ("Unknown
            # codec ID: 40109"); the member must at least be recorded as
            # unread, not left out
            key("7z_method_" + nm, p, ["hr/staff.txt"], planted=pl, gap=True)
            key("7z_method_%s_state" % nm, p, ["hr/staff.txt"], coverage="none", reasons_all=["unsupported"])
            key("7z_method_%s_root" % nm, p, [], verdict="incomplete", reasons_all=["unsupported"])
        else:
            key("7z_method_" + nm, p, ["hr/staff.txt"], planted=pl, coverage="full")

    # 7z as libarchive's own writer makes it (bsdtar --format=7zip)
    if have("bsdtar"):
        for comp in ("ppmd", "bzip2", "deflate"):
            d = tmpd("bt" + comp)
            t, pl = pb()
            wr(d, "hr/staff.txt", t)
            run(["bsdtar", "--format=7zip", "--options", "7zip:compression=" + comp, "-cf", "b.7z", "hr"], cwd=d)
            p = move(os.path.join(d, "b.7z"), "7z/bsdtar_%s.7z" % comp)
            key("bsdtar_7z_" + comp, p, ["hr/staff.txt"], planted=pl, coverage="full")


# ---------------------------------------------------------------- tar as GNU tar writes it
def tar_cases():
    for fmt in ("v7", "oldgnu", "gnu", "ustar", "posix"):
        d = tmpd("tar_" + fmt)
        t, pl = pb()
        wr(d, "home/ada/Documents/staff.txt", t)
        wr(d, "home/ada/readme.txt", CLEAN)
        run(["tar", "--format=" + fmt, "--owner=0", "--group=0", "--mtime=@1417000000", "-cf", "t.tar", "home"],
            cwd=d)
        p = move(os.path.join(d, "t.tar"), "tar/gnutar_%s.tar" % fmt)
        key("gnutar_" + fmt, p, ["home/ada/Documents/staff.txt"], planted=pl, coverage="full")
        key("gnutar_%s_other" % fmt, p, ["home/ada/readme.txt"], verdict="clean")

    # a sparse file (a VM disk, a database file): 3 MiB hole, PII, hole,
    # PII. In each pax sparse format; 1.0 names the member
    # ./GNUSparseFile.0/<name> in the ustar header, the real name in pax
    for ver in ("0.0", "0.1", "1.0"):
        d = tmpd("sparse" + ver)
        ta, pla = pb()
        tb, plb = pb()
        f = os.path.join(d, "db", "hr.ibd")
        os.makedirs(os.path.dirname(f))
        with open(f, "wb") as fh:
            fh.seek(3 << 20)
            fh.write(ta)
            fh.seek(6 << 20)
            fh.write(tb)
            fh.truncate(8 << 20)
        run(["tar", "--format=pax", "--sparse", "--sparse-version=" + ver, "--owner=0", "--group=0",
             "--mtime=@1417000000", "-cf", "s.tar", "db"], cwd=d)
        p = move(os.path.join(d, "s.tar"), "tar/sparse_%s.tar" % ver.replace(".", ""))
        key("sparse_%s" % ver, p, ["db/hr.ibd"], planted={"ssn": pla["ssn"] + plb["ssn"]}, coverage="full")
        key("sparse_%s_root" % ver, p, [], alerts_none=["path_traversal"], verdict="sensitive")

    # a GNU incremental backup (tar --listed-incremental): each directory is
    # a 'D' entry whose data is its listing ("Y<name>" per file kept), so a
    # name holding an SSN is in the dumpdir too. A tar feature, no alert.
    d = tmpd("incr")
    t, pl = pb()
    ssn = pl["ssn"][0]
    wr(d, "home/hr/staff.txt", CLEAN)
    wr(d, "home/hr/SSN %s-%s-%s review.txt" % (ssn[:3], ssn[3:5], ssn[5:]), b"see HR\n")
    run(["tar", "--listed-incremental=snap", "--owner=0", "--group=0", "-cf", "l0.tar", "home"], cwd=d)
    p = move(os.path.join(d, "l0.tar"), "tar/gnu_incremental_l0.tar")
    key("gnu_incremental_root", p, None, planted_under={"ssn": pl["ssn"]}, alerts_under=[], verdict="sensitive")
    key("gnu_incremental_clean", p, ["home/hr/staff.txt"], verdict="clean")
    key("gnu_incremental_top", p, [], alerts_none=["path_traversal", "absolute_path", "bad_name"])

    # the short suffixes backup scripts use
    for suf, comp in ((".tbz2", "-j"), (".txz", "-J"), (".tzst", "--zstd"), (".tlz", "--lzip")):
        if comp == "--zstd" and not have("zstd") or comp == "--lzip" and not have("lzip"):
            continue
        d = tmpd("suf" + suf)
        t, pl = pb()
        wr(d, "backup/hr/people.txt", t)
        run(["tar", comp, "--owner=0", "--group=0", "--mtime=@1417000000", "-cf", "b" + suf, "backup"], cwd=d)
        p = move(os.path.join(d, "b" + suf), "tar/backup%s" % suf)
        key("suffix" + suf, p, None, planted_under=pl)
        key("suffix%s_member" % suf, p, ["backup/hr/people.txt"], planted=pl, coverage="full")


# ---------------------------------------------------------------- compressors
def compressor_cases():
    # zstd --long=31: the frame declares a 2 GiB window (a decoder with the
    # default 128 MiB limit refuses it: "Frame requires too much memory")
    if have("zstd"):
        d = tmpd("zl")
        t, pl = pb()
        wr(d, "hr_dump.sql", b"-- MySQL dump\nINSERT INTO staff VALUES ('" + t.replace(b"\n", b"','") + b"');\n")
        run(["zstd", "-q", "--long=31", "hr_dump.sql", "-o", "hr_dump.sql.zst"], cwd=d)
        p = move(os.path.join(d, "hr_dump.sql.zst"), "db/hr_dump.sql.zst")
        key("zstd_long31", p, None, planted_under=pl)
        key("zstd_long31_root", p, [], coverage="full")
    # xz with the x86 BCJ filter before LZMA2 (as for executables)
    d = tmpd("xzbcj")
    t, pl = pb()
    wr(d, "notes.txt", filler(500, 4) + t)
    run(["xz", "--x86", "--lzma2", "-k", "notes.txt"], cwd=d)
    p = move(os.path.join(d, "notes.txt.xz"), "db/notes.txt.xz")
    key("xz_bcj", p, None, planted_under=pl)
    key("xz_bcj_root", p, [], coverage="full")
    # xz in independent blocks (xz -T2 --block-size, as parallel xz writes
    # it) and lz4 with linked blocks (-BD), the PII across a block boundary
    d = tmpd("blocks")
    t, pl = pb()
    body = filler(3000, 12) + t + filler(3000, 13)
    wr(d, "mail.mbox", b"From ada@example.org Mon Nov 24 09:00:00 2014\nSubject: staff\n\n" + body)
    run(["xz", "-k", "-T2", "--block-size=16KiB", "mail.mbox"], cwd=d)
    p = move(os.path.join(d, "mail.mbox.xz"), "db/mail.mbox.xz")
    key("xz_blocks", p, None, planted_under=pl)
    key("xz_blocks_root", p, [], coverage="full")
    if have("lz4"):
        d = tmpd("lz4bd")
        t, pl = pb()
        wr(d, "notes.txt", filler(15000, 14) + t)
        run(["lz4", "-q", "-BD", "-B4", "notes.txt", "notes.txt.lz4"], cwd=d)
        p = move(os.path.join(d, "notes.txt.lz4"), "db/notes.txt.lz4")
        key("lz4_linked", p, None, planted_under=pl)
        key("lz4_linked_root", p, [], coverage="full")
    # gzip -N keeps the original name: a file renamed before compressing
    d = tmpd("gzn")
    t, pl = pb()
    wr(d, "payroll.csv", ("Name,SSN,E-mail\nAda Moss,%s-%s-%s,%s\n" % (
        pl["ssn"][0][:3], pl["ssn"][0][3:5], pl["ssn"][0][5:], pl["email"][0])).encode())
    run(["gzip", "-N", "payroll.csv"], cwd=d)
    p = move(os.path.join(d, "payroll.csv.gz"), "db/export.dat.gz")
    key("gzip_N", p, None, planted_under=pl)
    key("gzip_N_root", p, [], coverage="full", alerts_none=["path_traversal"])


# ---------------------------------------------------------------- ISO 9660
def iso_cases():
    if not have("xorriso"):
        return
    d = tmpd("iso")
    t, pl = pb()
    long_dir = "Human Resources Department - Confidential Personnel Records 2014"
    long_name = "Employee compensation and social security numbers for the annual review (final).txt"
    wr(d, "src/%s/%s" % (long_dir, long_name), t)
    wr(d, "src/readme.txt", CLEAN)
    run(["xorriso", "-abort_on", "FATAL", "-outdev", "cd.iso", "-joliet", "on", "-compliance", "joliet_long_names",
         "-rockridge", "on", "-map", "src", "/"], cwd=d)
    p = move(os.path.join(d, "cd.iso"), "media/hr_backup.iso")
    key("iso_long_names", p, ["%s/%s" % (long_dir, long_name)], planted=pl, coverage="full")
    key("iso_root", p, [], verdict="sensitive", alerts_none=["path_traversal", "duplicate_name"])

    # a hybrid ISO 9660 + HFS+ image (xorriso -hfsplus, as for a Mac): the
    # HFS+ catalog is bytes no ISO directory claims, not an alert
    d = tmpd("isohfs")
    t, pl = pb()
    wr(d, "src/hr/staff.txt", t)
    run(["xorriso", "-abort_on", "FATAL", "-outdev", "cd.iso", "-hfsplus", "on", "-rockridge", "on", "-joliet", "on",
         "-map", "src", "/"], cwd=d)
    p = move(os.path.join(d, "cd.iso"), "media/mac_hybrid.iso")
    key("iso_hfsplus", p, ["hr/staff.txt"], planted=pl, coverage="full")
    key("iso_hfsplus_root", p, [], verdict="sensitive", alerts_none=["zip_bomb", "path_traversal"])
    # zisofs: Rock Ridge 'ZF' files, compressed in the image (xorriso
    # -zisofs, as Linux live media ship them)
    d = tmpd("isozf")
    t, pl = pb()
    wr(d, "src/hr/staff.txt", t + filler(3000, 21))
    run(["xorriso", "-abort_on", "FATAL", "-outdev", "cd.iso", "-rockridge", "on", "-zisofs", "level=9", "-map", "src",
         "/", "-set_filter_r", "--zisofs", "/", "--"], cwd=d)
    p = move(os.path.join(d, "cd.iso"), "media/zisofs.iso")
    key("iso_zisofs", p, ["hr/staff.txt"], planted=pl, coverage="full")


# ---------------------------------------------------------------- other writers
def writer_cases():
    # HP-UX cpio variants (cpio -H hpodc / hpbin) and libarchive's own xar
    # and WARC writers
    if have("cpio"):
        for fmt in ("hpodc", "hpbin"):
            d = tmpd("cp" + fmt)
            t, pl = pb()
            wr(d, "hr/staff.txt", t)
            out = run(["cpio", "-o", "--quiet", "-H", fmt], cwd=d, inp=b"hr\nhr/staff.txt\n")
            p = put("cpio/%s.cpio" % fmt, out)
            key("cpio_" + fmt, p, ["hr/staff.txt"], planted=pl, coverage="full")
    if have("bsdtar"):
        for fmt, ext in (("xar", "xar"), ("warc", "warc")):
            d = tmpd("bw" + fmt)
            t, pl = pb()
            wr(d, "staff.txt", t)
            run(["bsdtar", "--format=" + fmt, "-cf", "b." + ext, "staff.txt"], cwd=d)
            p = move(os.path.join(d, "b." + ext), "other/bsdtar.%s" % ext)
            key("bsdtar_" + fmt, p, ["staff.txt"], planted=pl, coverage="full")


# ---------------------------------------------------------------- the tree itself
def tree_cases():
    # a path longer than PATH_MAX (a Windows share copied with \\?\ paths)
    t, pl = pii()
    comp = "Projekt-Personalakten-Archiv-" + "x" * 170
    rel = os.path.join(*(["deep"] + [comp] * 22))
    os.makedirs(os.path.join(D.root, "deep"))
    fd = os.open(os.path.join(D.root, "deep"), os.O_RDONLY | os.O_DIRECTORY)
    for _ in range(22):
        try:
            os.mkdir(comp, dir_fd=fd)
        except FileExistsError:
            pass
        nfd = os.open(comp, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
        os.close(fd)
        fd = nfd
    ffd = os.open("staff.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
    os.write(ffd, t.encode())
    os.close(ffd)
    os.close(fd)
    assert len(os.path.join(D.root, rel)) > 4096
    key("tree_past_path_max", os.path.join(rel, "staff.txt"), [], planted=pl, coverage="full")

    # links: a loop a -> b -> a, a directory link to its parent, a link to
    # a file in the tree (not read twice through the link)
    os.makedirs(os.path.join(D.root, "links"))
    os.symlink("loop_b", os.path.join(D.root, "links", "loop_a"))
    os.symlink("loop_a", os.path.join(D.root, "links", "loop_b"))
    os.symlink("..", os.path.join(D.root, "links", "up"))
    t, pl = pii()
    put("links/real.txt", t.encode())
    os.symlink("real.txt", os.path.join(D.root, "links", "alias.txt"))
    for nm in ("loop_a", "loop_b", "up", "alias.txt"):
        key("tree_link_" + nm, "links/" + nm, [], alerts_all=["symlink"], coverage="none", no_findings=True)
    key("tree_link_target", "links/real.txt", [], planted=pl, coverage="full")

    # hard links: one file under two names (both are files of the share)
    t, pl = pii()
    put("hard/one.txt", t.encode())
    os.link(os.path.join(D.root, "hard/one.txt"), os.path.join(D.root, "hard/two.txt"))
    key("tree_hard_one", "hard/one.txt", [], planted=pl, coverage="full")
    key("tree_hard_two", "hard/two.txt", [], planted=pl, coverage="full")

    # special files: a Unix socket; as root, device nodes with /dev/zero's
    # and /dev/urandom's numbers (endless reads: must not be read)
    os.makedirs(os.path.join(D.root, "special"))
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    try:
        s.bind(os.path.join(D.root, "special", "agent.sock"))
        key("tree_socket", "special/agent.sock", [], coverage="none", reasons_all=["special_file"],
            alerts_all=["socket"])
    except OSError:
        pass
    finally:
        s.close()
    for nm, minor in (("zero", 5), ("urandom", 9)):
        try:
            os.mknod(os.path.join(D.root, "special", nm), 0o644 | stat.S_IFCHR, os.makedev(1, minor))
        except OSError:
            continue
        key("tree_device_" + nm, "special/" + nm, [], coverage="none", reasons_all=["special_file"],
            alerts_all=["device"])

    # names that start with '-' (a file named like an option)
    t, pl = pii()
    put("odd/-rf", t.encode())
    key("tree_dash", "odd/-rf", [], planted=pl)
    t, pl = pii()
    put("odd/--output=x.jsonl", t.encode())
    key("tree_dashdash", "odd/--output=x.jsonl", [], planted=pl)
    # case-only twins, as a copy from a case-insensitive share keeps both
    t, pl = pii()
    put("odd/Staff.txt", t.encode())
    t2, pl2 = pii()
    put("odd/staff.txt", t2.encode())
    key("tree_case_upper", "odd/Staff.txt", [], planted=pl)
    key("tree_case_lower", "odd/staff.txt", [], planted=pl2)
    # a folder copied from a Mac share: Finder's custom-icon file "Icon\r"
    # (empty; its icon is in the resource fork, lost on the copy): a root
    # name is judged as a member name is, this one CR spared
    put("mac_share/Projects/Icon\r", b"")
    key("tree_icon_cr", "mac_share/Projects/Icon\r", [], verdict="clean", alerts_none=["bad_name"])
    # an empty file
    put("odd/empty.txt", b"")
    key("tree_empty", "odd/empty.txt", [], verdict="clean", coverage="full")


def generate(out):
    """Build OUT/dump and OUT/key.json; return the key."""
    return D.generate(out, (zip_cases, package_cases, sevenzip_cases, tar_cases, compressor_cases, iso_cases,
                            writer_cases, tree_cases))


CORPUS = {"win/payroll_deflate64.zip": ("archive", "h7_deflate64.zip"),
          "win/deflate64_cut.zip": ("archive", "h7_deflate64_cut.zip"),
          "7z/solid_damaged.7z": ("archive", "h7_solid_damaged.7z"),
          "7z/method_deflate64.7z": ("archive", "h7_7z_deflate64.7z"),
          "mac/HR Share.zip": ("archive", "h7_macos_finder.zip")}


def corpus(fuzzdir):
    """Fuzz seeds: FUZZDIR/corpus/<handler>/h7_*."""
    hc.corpus_copy(generate, hc.by_harness(CORPUS, "corpus"), fuzzdir)


if __name__ == "__main__":
    hc.main(generate, corpus)
