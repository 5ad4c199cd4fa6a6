#!/usr/bin/env python3
"""Split archives as leak dumps publish them, made with the real tools the
bootstrap installs (scripts/deps-debian.txt: p7zip-full, zip, coreutils'
split, tar, gzip), each holding fake PII in a member that lies past the
first part (all values fake):

  sev/dump.7z.001 .002 ...       7z a -v64k (7-Zip volumes; the header is in the last)
  zs/mail.zip + mail.z01 ...     zip -s 64k (a split zip; the directory is in the .zip)
  tg/export.tar.gz.aa .ab ...    split -b 64k of a .tar.gz
  td/db.tar.000 .001 ...         split -d -a 3 -b 64k of a plain .tar
  miss/cut.tar.gz.aa .ab .ad     as tg, with .ac deleted (a missing middle part)
  lone/orphan.7z.002             a later part whose first part is not there
  zc/Mail.Zip + Mail.z01 ...     zip -s 64k named Mail.Zip (Info-ZIP writes .z01 whatever the .zip's case)
  pp/export.tar.gz.part00 ...    split -d -b 64k with the prefix "export.tar.gz.part"
  v7/old.tar.aa .ab ...          split -b 64k of a Version 7 tar (tar --format=v7: no "ustar")
  mb/mail.mbox.aa .ab ...        split -b 64k of a mailbox (the second part starts mid-message)

RAR volumes (x.part1.rar, x.rar + x.r00) have no free tool to make them;
their names are covered by tests/unit/test_splitset.c.

Usage: gen_splitvol.py OUTDIR (writes OUTDIR/split/ and OUTDIR/key.json).
key.json: per set, the root's path, its parts in byte order, and the SSNs
planted (past the first part) with the member that holds them."""
import io
import json
import os
import random
import shutil
import struct
import subprocess
import sys
import tarfile

PART = 64 * 1024


def noise(seed, n):
    """Incompressible bytes, so the member after it lies past the first part."""
    r = random.Random(seed)
    return bytes(r.getrandbits(8) for _ in range(n))


def people(ssns, tag):
    lines = ["name,ssn,email"]
    for i, s in enumerate(ssns):
        lines.append("Person %s %d,%s,person%d.%s@example.org" % (tag, i, s, i, tag))
    return ("\n".join(lines) + "\n").encode()


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(data)


def run(args, cwd):
    subprocess.run(args, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def staging(base, name, seed, ssns, tag):
    """A folder with a large random blob first and a CSV of people after it."""
    d = os.path.join(base, "_stage_" + name)
    write(os.path.join(d, "a_scan.bin"), noise(seed, 3 * PART + 5000))
    write(os.path.join(d, "z_people.csv"), people(ssns, tag))
    return d


def tar_of(stage, out, gz):
    with tarfile.open(out, "w:gz" if gz else "w", format=tarfile.USTAR_FORMAT) as t:
        for n in ("a_scan.bin", "z_people.csv"):
            ti = t.gettarinfo(os.path.join(stage, n), arcname=n)
            ti.mtime, ti.uid, ti.gid, ti.uname, ti.gname = 1700000000, 0, 0, "", ""
            with open(os.path.join(stage, n), "rb") as f:
                t.addfile(ti, f)


def parts_of(d, prefix):
    return sorted(n for n in os.listdir(d) if n.startswith(prefix))


def generate(out):
    out = os.path.abspath(out)
    base = os.path.join(out, "split")
    if os.path.exists(base):
        shutil.rmtree(base)
    os.makedirs(base)
    key = {}

    # 7-Zip volumes
    ssn = ["536-22-1874", "536-22-1875"]
    st = staging(base, "sev", 1, ssn, "sev")
    d = os.path.join(base, "sev")
    os.makedirs(d)
    run(["7z", "a", "-v64k", "-mx=1", "-mtm=off", os.path.join(d, "dump.7z"), "a_scan.bin", "z_people.csv"], st)
    key["sev"] = {"root": "sev/dump.7z.001", "parts": ["sev/" + n for n in parts_of(d, "dump.7z.")],
                  "member": ["z_people.csv"], "ssn": ssn}

    # zip -s
    ssn = ["536-22-1876"]
    st = staging(base, "zs", 2, ssn, "zs")
    d = os.path.join(base, "zs")
    os.makedirs(d)
    run(["zip", "-q", "-X", "-s", "64k", os.path.join(d, "mail.zip"), "a_scan.bin", "z_people.csv"], st)
    zparts = sorted(n for n in os.listdir(d) if n.startswith("mail.z") and n != "mail.zip")
    key["zs"] = {"root": "zs/mail.zip", "parts": ["zs/" + n for n in zparts] + ["zs/mail.zip"],
                 "member": ["z_people.csv"], "ssn": ssn}

    # split -b of a .tar.gz
    ssn = ["536-22-1877"]
    st = staging(base, "tg", 3, ssn, "tg")
    d = os.path.join(base, "tg")
    os.makedirs(d)
    tar_of(st, os.path.join(d, "export.tar.gz"), True)
    run(["split", "-b", "64k", "export.tar.gz", "export.tar.gz."], d)
    os.remove(os.path.join(d, "export.tar.gz"))
    key["tg"] = {"root": "tg/export.tar.gz.aa", "parts": ["tg/" + n for n in parts_of(d, "export.tar.gz.")],
                 "member": ["z_people.csv"], "ssn": ssn}

    # split -d -a 3 of a plain .tar (numbered from 000)
    ssn = ["536-22-1878"]
    st = staging(base, "td", 4, ssn, "td")
    d = os.path.join(base, "td")
    os.makedirs(d)
    tar_of(st, os.path.join(d, "db.tar"), False)
    run(["split", "-d", "-a", "3", "-b", "64k", "db.tar", "db.tar."], d)
    os.remove(os.path.join(d, "db.tar"))
    key["td"] = {"root": "td/db.tar.000", "parts": ["td/" + n for n in parts_of(d, "db.tar.")],
                 "member": ["z_people.csv"], "ssn": ssn}

    # a missing middle part: people first (read), then the blob (cut)
    ssn = ["536-22-1879"]
    st = staging(base, "miss", 5, ssn, "miss")
    d = os.path.join(base, "miss")
    os.makedirs(d)
    first = os.path.join(st, "0_people.csv")
    os.rename(os.path.join(st, "z_people.csv"), first)
    with tarfile.open(os.path.join(d, "cut.tar"), "w", format=tarfile.USTAR_FORMAT) as t:
        for n in ("0_people.csv", "a_scan.bin"):
            ti = t.gettarinfo(os.path.join(st, n), arcname=n)
            ti.mtime, ti.uid, ti.gid, ti.uname, ti.gname = 1700000000, 0, 0, "", ""
            with open(os.path.join(st, n), "rb") as f:
                t.addfile(ti, f)
    run(["split", "-b", "64k", "cut.tar", "cut.tar."], d)
    os.remove(os.path.join(d, "cut.tar"))
    os.remove(os.path.join(d, "cut.tar.ac"))
    key["miss"] = {"root": "miss/cut.tar.aa", "parts": ["miss/cut.tar.aa", "miss/cut.tar.ab"],
                   "after_gap": ["miss/" + n for n in parts_of(d, "cut.tar.") if n > "cut.tar.ac"],
                   "missing": "cut.tar.ac", "member": ["0_people.csv"], "ssn": ssn}

    # zip -s of an archive named in mixed case
    ssn = ["536-22-1880"]
    st = staging(base, "zc", 6, ssn, "zc")
    d = os.path.join(base, "zc")
    os.makedirs(d)
    run(["zip", "-q", "-X", "-s", "64k", os.path.join(d, "Mail.Zip"), "a_scan.bin", "z_people.csv"], st)
    zparts = sorted(n for n in os.listdir(d) if n.startswith("Mail.z"))
    assert zparts and os.path.exists(os.path.join(d, "Mail.Zip")), os.listdir(d)
    key["zc"] = {"root": "zc/Mail.Zip", "parts": ["zc/" + n for n in zparts] + ["zc/Mail.Zip"],
                 "member": ["z_people.csv"], "ssn": ssn}

    # split -d with the prefix "export.tar.gz.part"
    ssn = ["536-22-1881"]
    st = staging(base, "pp", 7, ssn, "pp")
    d = os.path.join(base, "pp")
    os.makedirs(d)
    tar_of(st, os.path.join(d, "export.tar.gz"), True)
    run(["split", "-d", "-b", "64k", "export.tar.gz", "export.tar.gz.part"], d)
    os.remove(os.path.join(d, "export.tar.gz"))
    key["pp"] = {"root": "pp/export.tar.gz.part00", "parts": ["pp/" + n for n in parts_of(d, "export.tar.gz.part")],
                 "member": ["z_people.csv"], "ssn": ssn}

    # split -b of a Version 7 tar (no "ustar" at 257: its header's checksum tells)
    ssn = ["536-22-1882"]
    st = staging(base, "v7", 8, ssn, "v7")
    d = os.path.join(base, "v7")
    os.makedirs(d)
    run(["tar", "--format=v7", "--owner=0", "--group=0", "--mtime=@1700000000", "-cf",
         os.path.join(d, "old.tar"), "a_scan.bin", "z_people.csv"], st)
    with open(os.path.join(d, "old.tar"), "rb") as f:
        assert f.read(512)[257:262] != b"ustar"
    run(["split", "-b", "64k", "old.tar", "old.tar."], d)
    os.remove(os.path.join(d, "old.tar"))
    key["v7"] = {"root": "v7/old.tar.aa", "parts": ["v7/" + n for n in parts_of(d, "old.tar.")],
                 "member": ["z_people.csv"], "ssn": ssn}

    # split -b of a mailbox: a long first message, the second's SSN past the first part
    ssn = ["536-22-1883"]
    d = os.path.join(base, "mb")
    os.makedirs(d)
    body = "\n".join("Minutes of the shelf committee, line %d: nothing to report." % i for i in range(1400))
    mbox = ("From jroe@example.org Mon Nov 24 10:00:00 2014\nFrom: jroe@example.org\nTo: it@example.org\n"
            "Subject: minutes\nDate: Mon, 24 Nov 2014 10:00:00 +0000\n\n" + body + "\n\n"
            "From hr@example.org Mon Nov 24 11:00:00 2014\nFrom: hr@example.org\nTo: payroll@example.org\n"
            "Subject: new hire\nDate: Mon, 24 Nov 2014 11:00:00 +0000\n\nName: Pat Doe\nSSN: %s\n\n" % ssn[0])
    data = mbox.encode()
    assert len(data) > PART and data.find(b"SSN:") > PART
    write(os.path.join(d, "mail.mbox"), data)
    run(["split", "-b", "64k", "mail.mbox", "mail.mbox."], d)
    os.remove(os.path.join(d, "mail.mbox"))
    key["mb"] = {"root": "mb/mail.mbox.aa", "parts": ["mb/" + n for n in parts_of(d, "mail.mbox.")],
                 "member": ["msg-2"], "ssn": ssn}

    # a later part alone
    d = os.path.join(base, "lone")
    os.makedirs(d)
    shutil.copy(os.path.join(base, "sev", "dump.7z.002"), os.path.join(d, "orphan.7z.002"))
    key["lone"] = {"root": "lone/orphan.7z.002"}

    for n in os.listdir(base):
        if n.startswith("_stage_"):
            shutil.rmtree(os.path.join(base, n))
    with open(os.path.join(out, "key.json"), "w") as f:
        json.dump(key, f, indent=1, sort_keys=True)
    return key


def generate_extra(out):
    """Under OUT/splitq: `clean/` a 7z -v set with nothing to find (a
    random blob and a note), and `crash/` a split -b set of a tar whose first
    part opens with the test hooks' crash marker (its first member's name) (a worker built with
    -DLEAKSIFT_TEST_HOOKS=ON aborts on it). Returns their part names."""
    out = os.path.abspath(out)
    base = os.path.join(out, "splitq")
    if os.path.exists(base):
        shutil.rmtree(base)
    os.makedirs(base)
    st = os.path.join(base, "_stage_clean")
    write(os.path.join(st, "a_scan.bin"), noise(11, 2 * PART + 3000))
    write(os.path.join(st, "notes.txt"), b"Quarterly plan: move the archive to the new shelf.\n" * 20)
    d = os.path.join(base, "clean")
    os.makedirs(d)
    run(["7z", "a", "-v64k", "-mx=1", "-mtm=off", os.path.join(d, "plain.7z"), "a_scan.bin", "notes.txt"], st)
    shutil.rmtree(st)
    d = os.path.join(base, "crash")
    os.makedirs(d)
    # a tar whose first member is named the marker: its first bytes are the
    # marker and it starts as an archive does ("ustar" at 257), as a byte
    # split's first part must to be joined (splitset.c, starts_as_archive)
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as t:
        blob = noise(12, 2 * PART + 100)
        ti = tarfile.TarInfo("LEAKSIFT-TEST-CRASH")
        ti.size = len(blob)
        t.addfile(ti, io.BytesIO(blob))
    data = buf.getvalue()
    assert data.startswith(b"LEAKSIFT-TEST-CRASH") and data[257:262] == b"ustar"
    for i in range(0, len(data), PART):
        write(os.path.join(d, "boom.bin." + "a" + "abcdefgh"[i // PART]), data[i:i + PART])
    return {"clean": ["clean/" + n for n in parts_of(os.path.join(base, "clean"), "plain.7z.")],
            "crash": ["crash/" + n for n in parts_of(d, "boom.bin.")]}


def generate_thousand(out):
    """OUT/thousand/big.tar.001 ... big.tar.1000: a plain tar cut into
    exactly 1000 equal pieces named as 7-Zip and HJSplit name them (three
    digits, then 1000), the CSV of people at its end (in the last parts).
    Returns the key: root, last part, the SSN."""
    out = os.path.abspath(out)
    d = os.path.join(out, "thousand")
    if os.path.exists(d):
        shutil.rmtree(d)
    os.makedirs(d)
    ssn = "536-22-1884"
    csv = people([ssn], "k")
    for blob in range(600000, 700000, 512):  # parts of 600+ bytes: the first holds "ustar"
        buf = io.BytesIO()
        with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as t:
            for name, data in (("a_scan.bin", noise(21, blob)), ("z_people.csv", csv)):
                ti = tarfile.TarInfo(name)
                ti.size, ti.mtime = len(data), 1700000000
                t.addfile(ti, io.BytesIO(data))
        data = buf.getvalue()
        size = -(-len(data) // 1000)  # parts of `size` bytes: exactly 1000 of them?
        if 999 * size < len(data) <= 1000 * size:
            break
    for i in range(1000):
        write(os.path.join(d, "big.tar.%03d" % (i + 1)), data[i * size:(i + 1) * size])
    return {"root": "thousand/big.tar.001", "last": "thousand/big.tar.1000", "ssn": ssn}


def tar_bytes(members, fmt=tarfile.USTAR_FORMAT):
    """A whole tar (end blocks, padded to tarfile's 10 KiB record) of (name, bytes)."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=fmt) as t:
        for name, data in members:
            ti = tarfile.TarInfo(name)
            ti.size, ti.mtime = len(data), 1700000000
            t.addfile(ti, io.BytesIO(data))
    return buf.getvalue()


def cpio_newc(members):
    """A whole cpio archive (newc, "070701", its TRAILER!!! entry, padded to 512)."""
    out = b""
    for ino, (name, data) in enumerate(members + [("TRAILER!!!", b"")], 1):
        nm = name.encode() + b"\0"
        mode = 0o100644 if data or name != "TRAILER!!!" else 0
        fields = [ino if name != "TRAILER!!!" else 0, mode, 0, 0, 1, 1700000000, len(data), 0, 0, 0, 0, len(nm), 0]
        hdr = b"070701" + b"".join(b"%08X" % v for v in fields)
        out += hdr + nm
        out += b"\0" * (-len(out) % 4)
        out += data
        out += b"\0" * (-len(out) % 4)
    return out + b"\0" * (-len(out) % 512)


def cab_stored(members):
    """A whole Microsoft cabinet (MSCF, one folder, no compression; checksums
    0, which the format allows) of (name, bytes), as the cabinet format
    specification lays it out: CFHEADER, CFFOLDER, CFFILEs, CFDATA blocks
    of at most 32 KiB."""
    stream = b"".join(d for _, d in members)
    blocks = [stream[i:i + 32768] for i in range(0, len(stream), 32768)] or [b""]
    files, off = b"", 0
    for name, data in members:
        files += struct.pack("<IIHHHH", len(data), off, 0, 0x5978, 0x5000, 0x20) + name.encode() + b"\0"
        off += len(data)
    coff_files = 36 + 8
    data_start = coff_files + len(files)
    cfdata = b"".join(struct.pack("<IHH", 0, len(b), len(b)) + b for b in blocks)
    total = data_start + len(cfdata)
    head = b"MSCF" + struct.pack("<IIIIIBBHHHHH", 0, total, 0, coff_files, 0, 3, 1, 1, len(members), 0, 0x1234, 0)
    folder = struct.pack("<IHH", data_start, len(blocks), 0)
    return head + folder + files + cfdata


def by_tool(members, argv, name):
    """A whole archive written by a tool (bsdtar --format xar/iso9660, 7z -twim)
    from the members staged in a scratch folder."""
    import tempfile
    with tempfile.TemporaryDirectory(prefix="gen_splitvol_") as d:
        for n, data in members:
            write(os.path.join(d, "in", n), data)
        subprocess.run(argv + [os.path.join(d, name)] + [n for n, _ in members], cwd=os.path.join(d, "in"),
                       check=True, stdout=subprocess.DEVNULL)
        with open(os.path.join(d, name), "rb") as f:
            return f.read()


def generate_whole(out):
    """Under OUT/whole: pairs of files named as a byte split's parts
    (x.001 x.002, x.part1 x.part2, x.aa x.ab), each a whole archive of a
    format that does not say where it ends (tar, gzip, bzip2, xz, zstd,
    lz4, lzip, cpio, xar; and zip) or says so in its header (cab, ISO 9660,
    WIM), or of two formats (zip then tar, tar then zip, gzip then bzip2,
    cpio then xz, RAR then 7z, 7z then zip), the second no larger than the first and
    holding a fake SSN in a member. Joined, the reader stopped at the
    first's end and the second's members were never read. And `cut/`, a
    plain tar cut by split -b exactly at a member's header after 64 KiB of
    zeros (the second part starts with a valid tar header, the first ends
    in zero blocks): still one set. Returns the key: per pair, its two
    files and the SSN in the second; for cut, its parts and SSN."""
    out = os.path.abspath(out)
    base = os.path.join(out, "whole")
    if os.path.exists(base):
        shutil.rmtree(base)
    os.makedirs(base)
    key = {}
    big = ("a_scan.bin", noise(31, 20000))

    def pair(name, ssn, first_name, second_name, make, make2=None):
        one = make([big, ("notes.txt", b"Nothing to see.\n")])
        two = (make2 or make)([("z_people.csv", people([ssn], name))])
        assert len(two) <= len(one), name
        d = os.path.join(base, name)
        write(os.path.join(d, first_name), one)
        write(os.path.join(d, second_name), two)
        key[name] = {"files": [name + "/" + first_name, name + "/" + second_name], "ssn": ssn}

    def filt(tool):
        def make(members):
            return subprocess.run([tool, "-c"], input=tar_bytes(members), stdout=subprocess.PIPE,
                                  check=True).stdout
        return make

    def zipped(members):
        import zipfile
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            for n, data in members:
                z.writestr(zipfile.ZipInfo(n, (2014, 11, 24, 10, 0, 0)), data)
        return buf.getvalue()

    pair("tar", "536-22-1885", "dump.tar.001", "dump.tar.002", tar_bytes)
    pair("gnu", "536-22-1886", "old.aa", "old.ab", lambda m: tar_bytes(m, tarfile.GNU_FORMAT))
    pair("gz", "536-22-1887", "logs.tgz.part1", "logs.tgz.part2", filt("gzip"))
    pair("bz2", "536-22-1888", "logs.tbz.001", "logs.tbz.002", filt("bzip2"))
    pair("xz", "536-22-1889", "logs.txz.001", "logs.txz.002", filt("xz"))
    for tool, ssn in (("zstd", "536-22-1890"), ("lz4", "536-22-1891"), ("lzip", "536-22-1892")):
        if shutil.which(tool):
            pair(tool, ssn, "logs.t.001", "logs.t.002", filt(tool))
    pair("cpio", "536-22-1893", "image.cpio.000", "image.cpio.001", cpio_newc)
    pair("zip", "536-22-1894", "box.001", "box.002", zipped)
    # formats whose header says how long the archive is (cab, ISO 9660,
    # WIM) or that mark no end (xar)
    pair("cab", "536-22-1871", "setup.cab.001", "setup.cab.002", cab_stored)
    if shutil.which("bsdtar"):
        pair("xar", "536-22-1872", "pkg.xar.001", "pkg.xar.002",
             lambda m: by_tool(m, ["bsdtar", "--format", "xar", "--options", "xar:compression=none", "-cf"], "x.xar"))
        pair("iso", "536-22-1873", "disc.iso.001", "disc.iso.002",
             lambda m: by_tool(m, ["bsdtar", "--format", "iso9660", "-cf"], "x.iso"))
    if shutil.which("7z"):
        pair("wim", "536-22-1875", "image.wim.001", "image.wim.002",
             lambda m: by_tool(m, ["7z", "a", "-twim", "-bd"], "x.wim"))

    # parts of different formats: a set is one format (they were joined and
    # the second's members never read)
    pair("zip_tar", "536-22-1876", "mixed.001", "mixed.002", zipped, tar_bytes)
    pair("tar_zip", "536-22-1877", "dump.aa", "dump.ab", tar_bytes, zipped)
    pair("gz_bz2", "536-22-1878", "logs.part1", "logs.part2", filt("gzip"), filt("bzip2"))
    pair("cpio_xz", "536-22-1879", "image.000", "image.001", cpio_newc, filt("xz"))
    if shutil.which("7z"):
        seven = lambda m: by_tool(m, ["7z", "a", "-t7z", "-bd"], "x.7z")  # noqa: E731
        pair("rar_7z", "536-22-1880", "arc.part1", "arc.part2", lambda m: rar5_volume(0, m, True, volume=False),
             seven)
        pair("7z_zip", "536-22-1881", "pack.001", "pack.002", seven, zipped)

    # a plain tar cut at 64 KiB exactly where its second member's header starts
    ssn = "536-22-1895"
    data = tar_bytes([("a_zeros.bin", b"\0" * (PART - 512)), ("z_people.csv", people([ssn], "cut")),
                      ("zz_tail.bin", noise(32, PART))])
    assert data[PART + 257:PART + 262] == b"ustar"
    d = os.path.join(base, "cut")
    names = []
    for i in range(0, len(data), PART):
        names.append("cut/disk.tar.%03d" % (i // PART + 1))
        write(os.path.join(base, names[-1]), data[i:i + PART])
    key["cut"] = {"files": names, "ssn": ssn}
    return key


def rar4_block(btype, flags, body):
    """A RAR 4 block: HEAD_CRC (low 16 bits of the CRC32 of the rest),
    HEAD_TYPE, HEAD_FLAGS, HEAD_SIZE, then body (RAR technote 2.9)."""
    import zlib
    rest = struct.pack("<BHH", btype, flags, 7 + len(body)) + body
    return struct.pack("<H", zlib.crc32(rest) & 0xFFFF) + rest


def rar4_volume(first, files, last):
    """One RAR 4 volume (new numbering, S.partN.rar) of stored files:
    files is (name, data, split_before, split_after, crc, unp_size)."""
    out = b"Rar!\x1a\x07\x00"
    out += rar4_block(0x73, 0x0001 | 0x0010 | (0x0100 if first else 0), b"\0" * 6)  # MHD_VOLUME, NEWNUMBERING
    for name, data, before, after, crc, unp in files:
        nm = name.encode()
        flags = 0x8000 | (0x0001 if before else 0) | (0x0002 if after else 0)
        body = struct.pack("<IIBIIBBHI", len(data), unp, 3, crc, 0x5D780000, 29, 0x30, len(nm), 0o100644) + nm
        out += rar4_block(0x74, flags, body) + data
    return out + rar4_block(0x7B, 0 if last else 0x0001, b"")  # EARC_NEXT_VOLUME


def rar5_vint(n):
    out = b""
    while True:
        b, n = n & 0x7F, n >> 7
        if not n:
            return out + bytes([b])
        out += bytes([b | 0x80])


def rar5_block(body):
    """A RAR 5 base block: CRC32 of the rest, header size, then body (type,
    flags, ...), RAR 5.0 archive format: General archive layout."""
    import zlib
    data = rar5_vint(len(body)) + body
    return struct.pack("<I", zlib.crc32(data)) + data


def rar5_volume(volnum, files, last, volume=True):
    """One RAR 5 volume of stored files (name, data), or (name, data,
    split_before, split_after, the whole file's data) for a file split
    across volumes; volume=False: a whole archive (its main header without
    the volume flag)."""
    import zlib
    v = rar5_vint
    out = b"Rar!\x1a\x07\x01\x00"
    out += rar5_block(v(1) + v(0) + v((0x0001 if volume else 0) | (0x0002 if volnum else 0)) +
                      (v(volnum) if volnum else b""))
    for f in files:
        name, data = f[0], f[1]
        before, after, whole = (f[2], f[3], f[4]) if len(f) > 2 else (False, False, data)
        nm = name.encode()
        # a file header with a data area, continued from the last volume (0x0008), in the next (0x0010)
        body = v(2) + v(0x0002 | (0x0008 if before else 0) | (0x0010 if after else 0)) + v(len(data))
        body += v(0x0004) + v(len(whole)) + v(0o644) + struct.pack("<I", zlib.crc32(whole))  # the file's CRC32
        body += v(0) + v(1) + v(len(nm)) + nm  # stored, Unix
        out += rar5_block(body) + data
    return out + rar5_block(v(5) + v(0) + v(0 if last else 1))  # end of archive: "not the last volume"


def generate_rar4(out):
    """Under OUT/rar4, RAR 4 volume sets written from the technote's
    layout (no free tool writes RAR): `whole/` two volumes that each hold
    whole files (the second's CSV holds a fake SSN; libarchive's RAR 4
    reader stops at the first volume's end of archive block), `span/`
    three volumes, the first two joined by a member split across them, the
    third holding whole files only (an SSN in it and one in the member
    split across the first two); `rar5/` two RAR 5 volumes of whole files,
    the second under 512 bytes (libarchive's RAR 5 reader cut it: "Header
    CRC error"). Returns the key."""
    import zlib
    out = os.path.abspath(out)
    base = os.path.join(out, "rar4")
    if os.path.exists(base):
        shutil.rmtree(base)
    key = {}
    blob = noise(41, 3000)
    note = b"Shelf inventory, nothing personal.\n" * 20
    csv1 = people(["536-22-1896"], "rarw")
    v1 = rar4_volume(True, [("a_scan.bin", blob, 0, 0, zlib.crc32(blob), len(blob)),
                            ("notes.txt", note, 0, 0, zlib.crc32(note), len(note))], False)
    v2 = rar4_volume(False, [("z_people.csv", csv1, 0, 0, zlib.crc32(csv1), len(csv1))], True)
    assert len(v2) <= len(v1)
    write(os.path.join(base, "whole", "box.part1.rar"), v1)
    write(os.path.join(base, "whole", "box.part2.rar"), v2)
    key["whole"] = {"files": ["whole/box.part1.rar", "whole/box.part2.rar"], "ssn": "536-22-1896"}

    # a member split across volumes 1 and 2, volume 3 whole files; volumes
    # 1 and 2 of one size (rar -v): the split member's halves fill them
    csv2 = people(["536-22-1897"], "rars") + b"#" * 3000
    csv3 = people(["536-22-1898"], "rart")
    vol = 4096
    head1 = len(rar4_volume(True, [("a_scan.bin", blob[:1000], 0, 0, 0, 0), ("m_people.csv", b"", 0, 1, 0, 0)], False))
    k = vol - head1  # the split member's bytes in volume 1
    rest = csv2[k:]
    head2 = len(rar4_volume(False, [("m_people.csv", rest, 1, 0, 0, 0), ("q_pad.bin", b"", 0, 0, 0, 0)], False))
    pad = noise(42, vol - head2)
    s1 = rar4_volume(True, [("a_scan.bin", blob[:1000], 0, 0, zlib.crc32(blob[:1000]), 1000),
                            ("m_people.csv", csv2[:k], 0, 1, zlib.crc32(csv2[:k]), len(csv2))], False)
    s2 = rar4_volume(False, [("m_people.csv", rest, 1, 0, zlib.crc32(csv2), len(csv2)),
                             ("q_pad.bin", pad, 0, 0, zlib.crc32(pad), len(pad))], False)
    s3 = rar4_volume(False, [("z_people.csv", csv3, 0, 0, zlib.crc32(csv3), len(csv3))], True)
    assert len(s1) == len(s2) == vol and len(s3) <= vol
    for i, v in enumerate((s1, s2, s3), 1):
        write(os.path.join(base, "span", "sp.part%d.rar" % i), v)
    key["span"] = {"files": ["span/sp.part%d.rar" % i for i in (1, 2, 3)], "ssn_span": "536-22-1897",
                   "ssn_last": "536-22-1898"}

    # RAR 5: two volumes of whole files, the last smaller than 512 bytes
    # (libarchive's RAR 5 reader needs 512 bytes past an end block to go on)
    csv5 = people(["536-22-1899"], "rar5")
    w1 = rar5_volume(0, [("a_scan.bin", blob), ("notes.txt", note)], False)
    w2 = rar5_volume(1, [("z_people.csv", csv5)], True)
    assert len(w2) < 512 <= len(w1)
    write(os.path.join(base, "rar5", "r5.part1.rar"), w1)
    write(os.path.join(base, "rar5", "r5.part2.rar"), w2)
    key["rar5"] = {"files": ["rar5/r5.part1.rar", "rar5/r5.part2.rar"], "ssn": "536-22-1899"}

    # RAR 5: a member split into a last volume smaller than 512 bytes, the
    # SSN in its part there (libarchive's RAR 5 reader looks for the next
    # volume's signature 512 bytes at a time: fewer left, the member was cut)
    csv6 = b"#" * 2500 + people(["536-22-1870"], "rar5s")
    k = 2500
    x1 = rar5_volume(0, [("a_scan.bin", blob), ("m_people.csv", csv6[:k], False, True, csv6)], False)
    x2 = rar5_volume(1, [("m_people.csv", csv6[k:], True, False, csv6)], True)
    assert len(x2) < 512 <= len(x1)
    write(os.path.join(base, "rar5s", "r5s.part1.rar"), x1)
    write(os.path.join(base, "rar5s", "r5s.part2.rar"), x2)
    key["rar5s"] = {"files": ["rar5s/r5s.part1.rar", "rar5s/r5s.part2.rar"], "ssn": "536-22-1870"}

    # a RAR 5 volume whose member goes on in the next volume, and a 7z
    # named as that volume (a set is one format: every RAR volume starts
    # with the marker); the 7z holds an SSN
    if shutil.which("7z"):
        csv7 = people(["536-22-1869"], "rar7z")
        y1 = rar5_volume(0, [("a_scan.bin", blob), ("m_people.csv", csv6[:k], False, True, csv6)], False)
        y2 = by_tool([("z_people.csv", csv7)], ["7z", "a", "-t7z", "-bd"], "x.7z")
        assert len(y2) <= len(y1)
        write(os.path.join(base, "rar7z", "r7.part1.rar"), y1)
        write(os.path.join(base, "rar7z", "r7.part2.rar"), y2)
        key["rar7z"] = {"files": ["rar7z/r7.part1.rar", "rar7z/r7.part2.rar"], "ssn": "536-22-1869"}
    return key


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: gen_splitvol.py OUTDIR")
    generate(sys.argv[1])
