#!/usr/bin/env python3
"""Fixtures for tests/e2e/test_unpack4.py: gaps the unpack4 session found by
running leaksift over libarchive's own test archives (libarchive/test/*.uu,
never copied here: each case is written from scratch in its format's
structure with the standard library).

- an RPM package (LSB 22.2.2: lead, signature and header structures, then
  a gzip'd newc cpio payload) whose payload holds a file with PII: no
  handler took application/x-rpm, so the package was scanned as raw bytes
  (its payload compressed: nothing found) and said `full`; now its files
  are members (libarchive's rpm filter);
- an LHA archive as LHa for Windows writes it (level 2 headers, names in
  CP932 with the code page in extended header 0x46), the second of three
  members holding PII: in a worker's sandbox libarchive could not load the
  CP932 converter, took the first such name for a fatal error and every
  member from it on was lost; and the names libarchive builds as wide
  characters came back "?"; and two with no code page header: CP932
  names as LHa for DOS wrote them (level 0 and 1), which libarchive cannot
  convert (fatal: the members from the first such name on were lost), read
  again with CP932 as the default, and UTF-8 names (level 2) read as they
  were;
- a cabinet whose names carry '\\' separators and non-ASCII letters in
  UTF-8, one without the UTF-8 attribute (libarchive replaces its
  separators in wide characters): that name came back "?", flagged
  bad_name, and the PII in the member was under a name nobody can find.
- the second volume of a RAR 4 set, whose first member is the rest of a
  file begun in the first volume: libarchive fails it with "File CRC
  error" (the CRC declared is the whole file's) and the walk stopped
  there: every later member of the volume (one with PII) was lost.
- a GNU sparse tar whose file ends in a hole: libarchive hands on no block
  for it, and the member was its data only, its size and SHA-256 not the
  file's (`bsdtar -xO` writes the zeros).
- GNU tar --format=posix of a file named in Latin-1 (its pax path record
  is not UTF-8): libarchive's warning made the member partial with
  parse_error though all of it was read.

generate(dir) writes them and fills EXPECT {file: {member: (coverage,
reasons that must be there, PII expected found or an errors substring)}}
(checked by lsutil.check_expect).
"""
import gzip
import hashlib
import os
import struct
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from gen_unpack2 import PII, SSN, have, run  # noqa: E402,F401 (shared helpers)
from gen_rarcab import (A_NAME_IS_UTF, CAB_NONE, DOS_DT, FHD_LONG_BLOCK, RAR4_END, RAR4_FILE,  # noqa: E402
                        RAR4_MAIN, RAR4_SIG, RAR4_STORE, UNIX_TIME, _chain_ext, cab_archive, crc16,
                        crc32, lha_archive, lha_ext1, lha_level0, lha_level1, lha_level2, rar4_block)

EXPECT = {}
SIZES = {}  # {(file, member): (size, SHA-256 hex) the manifest must give}


def cpio_newc(entries):
    """A newc ("070701") cpio of (name, data, mode) entries, then TRAILER!!!."""
    out = b""
    for ino, (name, data, mode) in enumerate(list(entries) + [("TRAILER!!!", b"", 0)], 1):
        nm = name.encode() + b"\0"
        fields = [ino if mode else 0, mode, 0, 0, 1, 1700000000 if mode else 0, len(data),
                  0, 0, 0, 0, len(nm), 0]
        h = b"070701" + b"".join(b"%08X" % f for f in fields) + nm
        h += b"\0" * (-len(h) % 4)
        out += h + data + b"\0" * (-len(data) % 4)
    return out


def rpm_header(tags, pad8):
    """An RPM header structure (magic, index, store): tags are (tag, type,
    value bytes, count); the signature's is padded to 8 bytes."""
    index, store = b"", b""
    for tag, typ, val, count in tags:
        index += struct.pack(">IIII", tag, typ, len(store), count)
        store += val
    h = b"\x8e\xad\xe8\x01\0\0\0\0" + struct.pack(">II", len(tags), len(store)) + index + store
    return h + b"\0" * ((-len(h) % 8) if pad8 else 0)


def rpm_package(name, files):
    """A binary RPM v3 whose payload is a gzip'd newc cpio of files."""
    lead = (b"\xed\xab\xee\xdb" + bytes([3, 0]) + struct.pack(">HH", 0, 1) +
            name.encode().ljust(66, b"\0") + struct.pack(">HH", 1, 5) + b"\0" * 16)
    assert len(lead) == 96
    payload = gzip.compress(cpio_newc(files), mtime=0)
    sig = rpm_header([(1000, 4, struct.pack(">I", len(payload)), 1)], True)   # SIZE (INT32)
    hdr = rpm_header([(1000, 6, name.encode() + b"\0", 1),                     # NAME (STRING)
                      (1001, 6, b"1.0\0", 1),                                 # VERSION
                      (1124, 6, b"cpio\0", 1),                                # PAYLOADFORMAT
                      (1125, 6, b"gzip\0", 1)], False)                        # PAYLOADCOMPRESSOR
    return lead + sig + hdr + payload


def rpm_cases(out):
    files = [("./usr/share/doc/acme-hr", b"", 0o40755),
             ("./usr/share/doc/acme-hr/README", b"ACME HR export tool\n", 0o100644),
             ("./usr/share/doc/acme-hr/staff.csv", PII.encode(), 0o100644)]
    with open(os.path.join(out, "acme-hr-1.0-1.noarch.rpm"), "wb") as f:
        f.write(rpm_package("acme-hr", files))
    EXPECT["acme-hr-1.0-1.noarch.rpm"] = {
        "": ("full", [], None),
        "./usr/share/doc/acme-hr/README": ("full", [], None),
        "./usr/share/doc/acme-hr/staff.csv": ("full", [], True),
    }


def lha_level2_cp(name, data, codepage):
    """A stored level-2 LHA member as LHa for Windows writes it: OS 'M', the
    name (ext 0x01) in the code page that ext 0x46 names."""
    exts = [lha_ext1(0x00, b"\0\0"), lha_ext1(0x01, name.encode("cp%d" % codepage)),
            lha_ext1(0x46, struct.pack("<I", codepage))]
    first, ext_blob = _chain_ext(exts)
    total = 26 + len(ext_blob)
    h = (struct.pack("<H", total) + b"-lh0-" + struct.pack("<IIIBB", len(data), len(data), UNIX_TIME,
                                                           0x20, 2) +
         struct.pack("<H", crc16(data)) + b"M" + struct.pack("<H", first) + ext_blob)
    h = h[:27] + struct.pack("<H", crc16(h)) + h[29:]  # the header CRC (ext 0x00), computed with it zero
    return h + data


def lha_cases(out):
    ents = [lha_level2_cp("議事録.txt", b"minutes of the board meeting\r\n", 932),
            lha_level2_cp("社員名簿.txt", PII.encode(), 932),
            lha_level2_cp("readme.txt", b"nothing here\r\n", 932)]
    with open(os.path.join(out, "names_cp932.lzh"), "wb") as f:
        f.write(lha_archive(ents))
    EXPECT["names_cp932.lzh"] = {
        "": ("full", [], None),
        "議事録.txt": ("full", [], None),
        "社員名簿.txt": ("full", [], True),
        "readme.txt": ("full", [], None),
    }


def lha_plain_cases(out):
    """Names with no code page header: CP932 as LHa for DOS wrote them
    (level 0 and 1), and UTF-8 (level 2, OS 'U') as read before."""
    ents = [lha_level0(b"minutes.txt", b"minutes of the board meeting\r\n"),
            lha_level0("社員名簿.txt".encode("cp932"), PII.encode()),
            lha_level1("議事録.txt".encode("cp932"), b"agenda\r\n", directory="人事".encode("cp932")),
            lha_level0(b"readme.txt", b"nothing here\r\n")]
    with open(os.path.join(out, "names_dos.lzh"), "wb") as f:
        f.write(lha_archive(ents))
    EXPECT["names_dos.lzh"] = {
        "": ("full", [], "lha: member 2's name is neither in a code page"),
        "minutes.txt": ("full", [], None),
        "社員名簿.txt": ("full", [], True),
        "人事/議事録.txt": ("full", [], None),
        "readme.txt": ("full", [], None),
    }
    ents = [lha_level2("社員名簿.txt".encode(), PII.encode()),
            lha_level2("議事録.txt".encode(), b"agenda\n", directory="人事".encode())]
    with open(os.path.join(out, "names_utf8.lzh"), "wb") as f:
        f.write(lha_archive(ents))
    EXPECT["names_utf8.lzh"] = {
        "": ("full", [], None),
        "社員名簿.txt": ("full", [], True),
        "人事/議事録.txt": ("full", [], None),
    }


def cab_cases(out):
    # the first name without the UTF-8 attribute (many writers leave it
    # off): its '\\' separators are replaced in wide characters
    members = [("人事\\名簿.txt".encode(), PII.encode(), 0x20),
               ("人事\\データ.txt".encode(), b"nothing here\r\n", 0x20 | A_NAME_IS_UTF),
               (b"docs\\readme.txt", b"nothing here\r\n", 0x20)]
    with open(os.path.join(out, "names_utf8.cab"), "wb") as f:
        f.write(cab_archive([(CAB_NONE, members)]))
    EXPECT["names_utf8.cab"] = {
        "": ("full", [], None),
        "人事/名簿.txt": ("full", [], True),
        "人事/データ.txt": ("full", [], None),
        "docs/readme.txt": ("full", [], None),
    }


def rar4_stored(name, data, flags=0, crc=None, unp_size=None):
    """A stored RAR 4 FILE_HEAD and its data; crc and unp_size as a volume
    piece declares them (the whole file's) when given."""
    fields = struct.pack("<IIBIIBBHI", len(data), len(data) if unp_size is None else unp_size, 2,
                         crc32(data) if crc is None else crc, DOS_DT, 29, RAR4_STORE, len(name), 0x20)
    return rar4_block(RAR4_FILE, FHD_LONG_BLOCK | flags, fields + name) + data


def rar_volume_cases(out):
    """The second volume of a RAR 4 set (MHD_VOLUME): its first member is
    the rest of a file begun in the first volume (FHD_SPLIT_BEFORE; the CRC
    and size declared are the whole file's, so libarchive fails it with
    "File CRC error"; compressed, it cannot be decoded at all), then whole
    members, one with PII."""
    piece = b"second half of the minutes of the board meeting\r\n" * 4
    vol = (RAR4_SIG + rar4_block(RAR4_MAIN, 0x0001, b"\0" * 6) +
           rar4_stored(b"minutes.txt", piece, flags=0x01, crc=0x5E05A663, unp_size=4 * len(piece)) +
           rar4_stored(b"hr\\staff.csv", PII.encode()) +
           rar4_stored(b"readme.txt", b"nothing here\r\n") +
           rar4_block(RAR4_END, 0x4000, b""))
    with open(os.path.join(out, "minutes.part2.rar"), "wb") as f:
        f.write(vol)
    EXPECT["minutes.part2.rar"] = {
        "": ("partial", ["truncated"], "RAR: File CRC error"),
        "minutes.txt": ("partial", ["truncated"], "File CRC error"),
        "hr/staff.csv": ("full", [], True),
        "readme.txt": ("full", [], None),
    }
    # the same, its first member compressed (method 0x33): the rest of an
    # LZ stream cannot be decoded without its start
    packed = bytes((i * 37 + 11) & 0xFF for i in range(3000))
    fields = struct.pack("<IIBIIBBHI", len(packed), 90000, 2, 0x12345678, DOS_DT, 29, 0x33, len(b"report.txt"), 0x20)
    vol = (RAR4_SIG + rar4_block(RAR4_MAIN, 0x0001, b"\0" * 6) +
           rar4_block(RAR4_FILE, FHD_LONG_BLOCK | 0x01, fields + b"report.txt") + packed +
           rar4_stored(b"hr\\staff.csv", PII.encode()) +
           rar4_stored(b"readme.txt", b"nothing here\r\n") +
           rar4_block(RAR4_END, 0x4000, b""))
    with open(os.path.join(out, "report.part3.rar"), "wb") as f:
        f.write(vol)
    EXPECT["report.part3.rar"] = {
        "": ("partial", ["truncated"], None),
        "report.txt": ("none_or_partial", ["truncated"], None),
        "hr/staff.csv": ("full", [], True),
        "readme.txt": ("full", [], None),
    }


def gnu_sparse_tar(name, chunks, realsize):
    """A GNU tar (old GNU sparse, typeflag 'S') of one file whose data
    chunks are [(offset, bytes)] (at most 4: no extension headers) in a
    file of realsize bytes; what lies between and after them are holes."""
    def octal(n, width):
        return b"%0*o\0" % (width - 1, n)
    data = b"".join(c for _, c in chunks)
    h = bytearray(512)
    h[0:len(name)] = name
    h[100:108] = octal(0o644, 8)
    h[108:116] = octal(0, 8)
    h[116:124] = octal(0, 8)
    h[124:136] = octal(len(data), 12)
    h[136:148] = octal(1700000000, 12)
    h[148:156] = b" " * 8
    h[156:157] = b"S"
    h[257:265] = b"ustar  \0"
    for i, (off, c) in enumerate(chunks):
        h[386 + 24 * i:398 + 24 * i] = octal(off, 12)
        h[398 + 24 * i:410 + 24 * i] = octal(len(c), 12)
    h[483:495] = octal(realsize, 12)
    h[148:156] = b"%06o\0 " % sum(h)
    body = data + b"\0" * (-len(data) % 512)
    return bytes(h) + body + b"\0" * 1024


def sparse_cases(out):
    """A sparse file whose last 3 MiB are a hole (a disk image, a database
    file): libarchive hands on no block for a hole at the end, and the
    member was its data only (size and SHA-256 not the file's)."""
    real = 4 << 20
    chunks = [(0, PII.encode() * 8), (1 << 20, b"second extent\n" * 4)]
    whole = bytearray(real)
    for off, c in chunks:
        whole[off:off + len(c)] = c
    with open(os.path.join(out, "image.tar"), "wb") as f:
        f.write(gnu_sparse_tar(b"disk.img", chunks, real))
    EXPECT["image.tar"] = {"": ("full", [], None), "disk.img": ("full", [], True)}
    SIZES[("image.tar", "disk.img")] = (real, hashlib.sha256(whole).hexdigest())


def latin1_cases(out):
    """GNU tar --format=posix of a file named in Latin-1: its pax header's
    path record holds the bytes as the file system spells them (pax says
    UTF-8, GNU tar writes no hdrcharset): libarchive warns, and the member
    was partial with parse_error though all of it was read (the same file
    in a ustar tar drew nothing)."""
    if not have("tar"):
        return
    src = os.path.join(out, ".latin1")
    os.makedirs(src)
    with open(os.path.join(os.fsencode(src), b"r\xe9sum\xe9.txt"), "wb") as f:
        f.write(PII.encode())
    run(["tar", "--format=posix", "-cf", os.path.join(out, "latin1_posix.tar"), "-C", src, "."], out)
    for n in os.listdir(os.fsencode(src)):
        os.unlink(os.path.join(os.fsencode(src), n))
    os.rmdir(src)
    EXPECT["latin1_posix.tar"] = {"": ("full", [], None),
                                  os.fsdecode(b"./r\xe9sum\xe9.txt").encode("utf-8", "surrogateescape")
                                  .decode("utf-8", "replace"): ("full", [], True)}


def generate(out):
    """Write the fixtures into out; returns the names written."""
    os.makedirs(out, exist_ok=True)
    rpm_cases(out)
    lha_cases(out)
    lha_plain_cases(out)
    cab_cases(out)
    rar_volume_cases(out)
    sparse_cases(out)
    latin1_cases(out)
    return sorted(os.listdir(out))


if __name__ == "__main__":
    print("\n".join(generate(sys.argv[1])))
