#!/usr/bin/env python3
"""Fixtures for tests/e2e/test_archives19.py: archive cuts that read as
whole, and whole files whose decoder failure read as a cut (found in the
nineteenth session's sweep of libarchive's test files cut at ten points;
none copied here). Every file is written from scratch in its format's
documented layout, the PII fake:

- WARC (ISO 28500): two records whole; cut inside the third record's
  header (libarchive took the end of the input for the end: `full`); cut
  inside the second record's block;
- LHA (level-0 headers, -lh0- stored): whole, and without the 0 byte that
  ends its header list (`full` before);
- xar (a zlib TOC, a heap): whole, and cut inside its last member's data
  (the TOC gives every member's heap offset and length: `full` before);
- cab (MS-CAB: CFHEADER, CFFOLDER, CFFILE, CFDATA): a whole stored cab;
  the first cabinet of a multi-cabinet set (cfhdrNEXT_CABINET, its last
  member continued: `parse_error` before, "Invalid CAB header"); a whole
  cab whose LZX data does not decode (`truncated` before: damage in a
  whole file is `parse_error`) and the same cut short (`truncated`);
- RAR 4 (RAR 2.9 technote blocks): a member whose compressed data does not
  decode, the archive's end block present (`truncated` before:
  `parse_error`) and the same cut before it (`truncated`);
- an ISO 9660 image (xorriso) cut, then compressed whole (`.iso.gz`,
  `.iso.Z`: the stream is sound, its image short of the volume size its
  primary volume descriptor declares; `full` before), and the same image
  whole compressed (`full`);
- a zip whose entries' local headers and directory hold the name in two
  legacy spellings (`x` and cp437 `\\x94`) and the same Info-ZIP Unicode
  Path field (0x7075) in both (`parse_error` before: "another name in
  their local header"): one member, `full`;
- a tar written as four gzip members one after another (pigz -i, `cat`),
  cut inside the last: libarchive's filter dropped the block it was
  decoding, and the tar members the third gzip member held at its end were
  lost (GNU tar reads them); now decoded by zlib up to the cut
  (GZ_WHOLE names them), and the same file whole stays `full`;
- a zip written to a pipe (every size in a data descriptor) holding a
  deflated file, a stored setup.exe (a program, then a zip: a
  self-extractor) and another file, cut inside its central directory: the
  last end record is the setup.exe's zip's, which does not start where
  the stored member's data does, so it passed for the file's own (`full`,
  the inner members as the root's): truncated, the inner members below
  tools/setup.exe; the whole file `full`;
- a 7z whose start header (CRCs right) points at a header database that
  lists no member libarchive can read (`full` with no member before).

generate(dir) writes them and fills EXPECT {file: {member: (coverage,
reasons that must be there, PII found or an errors substring)}} (checked
by lsutil.check_expect).
"""
import binascii
import gzip
import hashlib
import io
import os
import random
import struct
import subprocess
import sys
import tarfile
import tempfile
import zipfile
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arc_common import PII, SSN, have, memo, noise, tar_bytes, write_all  # noqa: E402,F401 (shared PII)

EXPECT = {}

MEMO = memo(40)


# ---- WARC ----

def warc_record(rtype, uri, body):
    head = ("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2014-11-24T09:30:00Z\r\n"
            "WARC-Record-ID: <urn:uuid:%s>\r\nContent-Type: text/plain\r\nContent-Length: %d\r\n\r\n"
            % (rtype, uri, hashlib.md5(uri.encode()).hexdigest(), len(body)))
    return head.encode() + body + b"\r\n\r\n"


def warc():
    r1 = warc_record("resource", "file://hr/staff.txt", PII.encode())
    r2 = warc_record("resource", "file://hr/memo.txt", MEMO)
    r3 = warc_record("resource", "file://hr/notes.txt", b"notes\n")
    whole = r1 + r2 + r3
    in_header = r1 + r2 + r3[:10]  # "WARC/1.0\r\n": libarchive took it for the end
    in_block = r1 + r2[:len(r2) - len(MEMO) // 2]
    return whole, in_header, in_block


# ---- LHA ----

def crc16(data):
    crc = 0
    for b in data:
        crc ^= b
        for _ in range(8):
            crc = (crc >> 1) ^ 0xA001 if crc & 1 else crc >> 1
    return crc


def lha_member(name, data):
    n = name.encode()
    body = (b"-lh0-" + struct.pack("<IIIBBB", len(data), len(data), 0x4578484E, 0x20, 0, len(n)) + n +
            struct.pack("<H", crc16(data)))
    return bytes([len(body), sum(body) & 0xFF]) + body + data


def lha():
    whole = lha_member("staff.txt", PII.encode()) + lha_member("memo.txt", MEMO) + b"\0"
    return whole, whole[:-1]


# ---- xar ----

def xar(members):
    heap = b""
    files = []
    for i, (name, data) in enumerate(members, 1):
        off = 20 + len(heap)
        heap += data
        files.append('<file id="%d"><data><length>%d</length><encoding style="application/octet-stream"/>'
                     '<offset>%d</offset><size>%d</size></data><type>file</type><name>%s</name></file>'
                     % (i, len(data), off, len(data), name))
    toc = ('<?xml version="1.0" encoding="UTF-8"?>\n<xar><toc><creation-time>2014-11-24T09:30:00</creation-time>'
           '<checksum style="sha1"><offset>0</offset><size>20</size></checksum>%s</toc></xar>\n'
           % "".join(files)).encode()
    z = zlib.compress(toc)
    head = b"xar!" + struct.pack(">HHQQI", 28, 1, len(z), len(toc), 1)
    return head + z + hashlib.sha1(z).digest() + heap


# ---- cab ----

def cab(files, flags=0, compress=0, data=None, nxt=False):
    """files: [(name, size, folder index or 0xFFFE)]; data: the folder's
    packed bytes (stored: the members' bytes) in one CFDATA block."""
    names = b""
    if flags & 2:
        names += b"set2.cab\0disk2\0"
    hsize = 36 + len(names)
    coff_files = hsize + 8
    cffiles = b""
    off = 0
    for name, size, folder in files:
        cffiles += struct.pack("<IIHHHH", size, off, folder, 0x4578, 0x4A00, 0x20) + name.encode() + b"\0"
        off += size
    data_at = coff_files + len(cffiles)
    block = struct.pack("<IHH", 0, len(data), off) + data
    total = data_at + len(block)
    head = (b"MSCF" + struct.pack("<IIIIIBBHHHHH", 0, total, 0, coff_files, 0, 3, 1, 1, len(files), flags,
                                  0x1234, 0) + names)
    folder = struct.pack("<IHH", data_at, 1, compress)
    return head + folder + cffiles + block


# ---- RAR 4 ----

def rar_block(htype, flags, body, add=b""):
    h = struct.pack("<BHH", htype, flags, 7 + len(body)) + body
    return struct.pack("<H", binascii.crc32(h) & 0xFFFF) + h + add


def rar4(packed, unp_size, name="ledger.txt", end=True):
    n = name.encode()
    main = rar_block(0x73, 0, b"\0" * 6)
    fbody = struct.pack("<IIBIIBBHI", len(packed), unp_size, 2, 0x12345678, 0x45784A00, 29, 0x33, len(n), 0x20) + n
    f = rar_block(0x74, 0x8000, fbody, packed)
    tail = rar_block(0x7B, 0x4000, b"") if end else b""
    return b"Rar!\x1a\x07\x00" + main + f + tail


# ---- 7z ----

def sevenzip_listing_nothing():
    """Header { MainStreamsInfo { PackInfo (one empty pack stream),
    UnpackInfo (one folder: the Copy coder, unpacked size 0),
    SubStreamsInfo (3 streams in that empty folder) } } and no FilesInfo:
    libarchive 3.6 lists nothing and says nothing, 7-Zip says "Headers
    Error"."""
    header = bytes([0x01, 0x04, 0x06, 0x00, 0x01, 0x09, 0x00, 0x00, 0x07, 0x0B, 0x01, 0x00, 0x01, 0x01, 0x00,
                    0x0C, 0x00, 0x00, 0x08, 0x0D, 0x03, 0x00, 0x00, 0x00, 0x00])
    start = struct.pack("<QQI", 0, len(header), binascii.crc32(header))
    return (b"7z\xbc\xaf\x27\x1c\x00\x04" + struct.pack("<I", binascii.crc32(start)) + start + header)


def zip_unicode_paths():
    """Each name x-spelled in the local header, cp437 in the directory
    (the same length), the Unicode Path field the same in both."""
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        for stem, uni, data in (("staff - x.txt", "staff - \u00f6.txt", PII.encode()),
                                ("memo - x.txt", "memo - \u00e4.txt", MEMO)):
            zi = zipfile.ZipInfo(stem, (2014, 11, 24, 9, 30, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            u = uni.encode()
            zi.extra = struct.pack("<HHB", 0x7075, 5 + len(u), 1) + struct.pack("<I", binascii.crc32(stem.encode())) + u
            z.writestr(zi, data)
    d = bytearray(b.getvalue())
    at = d.find(b"PK\x01\x02")
    while at >= 0:
        nlen = struct.unpack_from("<H", d, at + 28)[0]
        name = bytes(d[at + 46:at + 46 + nlen])
        d[at + 46:at + 46 + nlen] = name.replace(b"x.txt", "\u00f6.txt".encode("cp437") if b"staff" in name
                                                 else "\u00e4.txt".encode("cp437"))
        at = d.find(b"PK\x01\x02", at + 46)
    return bytes(d)


GZ_MEMBERS = 40
GZ_WHOLE = []  # the tar members the first three gzip members hold whole


def gzip_members_tar():
    """A tar of 40 members of 20,000 random bytes (the PII in the last of
    the first three quarters) as four gzip members; whole, and cut halfway
    through the last one."""
    r = random.Random(11)
    members = []
    for i in range(GZ_MEMBERS):
        data = bytes(r.getrandbits(8) for _ in range(20000))
        members.append(("m%02d.txt" % i, PII.encode() + data if i == 29 else data))
    raw = tar_bytes(members, tarfile.USTAR_FORMAT, 1416821400)
    cuts = [len(raw) * i // 4 for i in range(5)]
    parts = [gzip.compress(raw[cuts[i]:cuts[i + 1]], mtime=0) for i in range(4)]
    GZ_WHOLE[:] = [i for i in range(GZ_MEMBERS) if 512 + (i + 1) * (512 + 20480) <= cuts[3]]
    whole = b"".join(parts)
    return whole, whole[:len(whole) - len(parts[-1]) // 2]


class _Pipe(io.RawIOBase):
    """A file zipfile cannot seek: it writes every size in a data
    descriptor, as Info-ZIP's zip and jar do writing to a pipe."""

    def __init__(self):
        super().__init__()
        self.data = bytearray()

    def writable(self):
        return True

    def seekable(self):
        return False

    def write(self, b):
        self.data += b
        return len(b)


def zip_holding_sfx():
    inner = io.BytesIO()
    with zipfile.ZipFile(inner, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(zipfile.ZipInfo("payroll/staff.txt", (2014, 11, 24, 9, 30, 0)), PII * 20)
        z.writestr(zipfile.ZipInfo("payroll/notes.txt", (2014, 11, 24, 9, 30, 0)), MEMO)
    sfx = noise(6000, 12).replace(b"PK", b"pk") + inner.getvalue()
    pipe = _Pipe()
    with zipfile.ZipFile(pipe, "w") as z:
        for name, data, method in (("readme.txt", MEMO, zipfile.ZIP_DEFLATED),
                                   ("tools/setup.exe", sfx, zipfile.ZIP_STORED),
                                   ("after.txt", MEMO, zipfile.ZIP_DEFLATED)):
            zi = zipfile.ZipInfo(name, (2014, 11, 24, 9, 30, 0))
            zi.compress_type = method
            z.writestr(zi, data)
    whole = bytes(pipe.data)
    eocd = whole.rfind(b"PK\x05\x06")
    cd = struct.unpack_from("<I", whole, eocd + 16)[0]
    return whole, whole[:cd + 20]


def iso_image():
    """An ISO 9660 image of three files, the PII in the second, written by
    xorriso (None when it is not installed)."""
    if not have("xorriso"):
        return None
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "src")
        os.makedirs(os.path.join(src, "hr"))
        with open(os.path.join(src, "hr", "memo.txt"), "wb") as f:
            f.write(MEMO)
        with open(os.path.join(src, "hr", "staff.txt"), "wb") as f:
            f.write(PII.encode())
        with open(os.path.join(src, "hr", "filler.bin"), "wb") as f:
            f.write(noise(60000, 9))
        img = os.path.join(d, "a.iso")
        # -padding included: xorriso's 300 KiB of zeros inside the volume
        subprocess.run(["xorriso", "-abort_on", "FATAL", "-outdev", img, "-padding", "included", "-map", src, "/", "--"],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        with open(img, "rb") as f:
            return f.read()


def compress_z(data):
    """A .Z stream by ncompress (None when it is not installed)."""
    if not have("compress"):
        return None
    return subprocess.run(["compress", "-c"], input=data, check=True, stdout=subprocess.PIPE).stdout


def generate(out):
    os.makedirs(out, exist_ok=True)
    EXPECT.clear()
    files = {}
    w, w_head, w_block = warc()
    files.update({"whole.warc": w, "cut_in_header.warc": w_head, "cut_in_block.warc": w_block})
    EXPECT["whole.warc"] = {"": ("full", [], None), "hr/staff.txt": ("full", [], True)}
    EXPECT["cut_in_header.warc"] = {"": ("partial", ["truncated"], "warc: the file ends inside record 3"),
                                    "hr/staff.txt": ("full", [], True)}
    EXPECT["cut_in_block.warc"] = {"": ("partial", ["truncated"], None), "hr/staff.txt": ("full", [], True)}

    lw, lcut = lha()
    files.update({"whole.lzh": lw, "no_end_byte.lzh": lcut})
    EXPECT["whole.lzh"] = {"": ("full", [], None), "staff.txt": ("full", [], True)}
    EXPECT["no_end_byte.lzh"] = {"": ("partial", ["truncated"], "without the 0 byte"),
                                 "staff.txt": ("full", [], True), "memo.txt": ("full", [], None)}

    xw = xar([("staff.txt", PII.encode()), ("memo.txt", MEMO)])
    files.update({"whole.xar": xw, "cut_in_last.xar": xw[:len(xw) - len(MEMO) // 2]})
    EXPECT["whole.xar"] = {"": ("full", [], None), "staff.txt": ("full", [], True)}
    EXPECT["cut_in_last.xar"] = {"": ("partial", ["truncated"], "xar: its table of contents puts"),
                                 "staff.txt": ("full", [], True)}

    pii = PII.encode()
    files["whole.cab"] = cab([("staff.txt", len(pii), 0)], data=pii)
    EXPECT["whole.cab"] = {"": ("full", [], None), "staff.txt": ("full", [], True)}
    files["set_first.cab"] = cab([("staff.txt", len(pii), 0), ("ledger.txt", 4000, 0xFFFE)], flags=2,
                                 data=pii + MEMO[:200])
    EXPECT["set_first.cab"] = {"": ("partial", ["truncated"], "a cabinet of a multi-cabinet set")}
    lzx = cab([("staff.txt", 3000, 0)], compress=3 | (16 << 8), data=noise(900, 7))
    files["lzx_damaged.cab"] = lzx
    files["lzx_cut.cab"] = lzx[:len(lzx) - 300]
    EXPECT["lzx_damaged.cab"] = {"": ("partial", ["parse_error"], None)}
    EXPECT["lzx_cut.cab"] = {"": ("partial", ["truncated"], None)}

    r = rar4(noise(600, 8), 5000)
    files["damaged.rar"] = r
    files["cut.rar"] = rar4(noise(600, 8), 5000, end=False)[:-200]
    EXPECT["damaged.rar"] = {"": ("partial", ["parse_error"], None)}
    EXPECT["cut.rar"] = {"": ("partial", ["truncated"], None)}

    files["unicode_paths.zip"] = zip_unicode_paths()
    EXPECT["unicode_paths.zip"] = {"": ("full", [], None), "staff - \u00f6.txt": ("full", [], True),
                                   "memo - \u00e4.txt": ("full", [], None)}

    gw, gcut = gzip_members_tar()
    files["members_whole.tar.gz"] = gw
    files["members_cut.tar.gz"] = gcut
    EXPECT["members_whole.tar.gz"] = {"": ("full", [], None), "m29.txt": ("full", [], True)}
    EXPECT["members_cut.tar.gz"] = {"": ("partial", ["truncated"], "is cut short")}

    zw, zcut = zip_holding_sfx()
    files["sfx_inside_whole.zip"] = zw
    files["sfx_inside_cut.zip"] = zcut
    EXPECT["sfx_inside_whole.zip"] = {"": ("full", [], None), "readme.txt": ("full", [], None),
                                      "after.txt": ("full", [], None)}
    EXPECT["sfx_inside_cut.zip"] = {"": ("partial", ["truncated"], "the last is that of stored member"),
                                    "readme.txt": ("full", [], None), "tools/setup.exe": ("full", [], None)}

    files["no_member.7z"] = sevenzip_listing_nothing()
    EXPECT["no_member.7z"] = {"": ("partial", ["parse_error"], "lists no member")}

    iso = iso_image()
    if iso:
        # the image is cut inside the zero padding its volume includes,
        # past every directory and file libarchive reads
        cut = iso[:len(iso.rstrip(b"\0")) // 2048 * 2048 + 8 * 2048]
        files["whole.iso.gz"] = gzip.compress(iso, mtime=0)
        files["cut_image.iso.gz"] = gzip.compress(cut, mtime=0)
        EXPECT["whole.iso.gz"] = {"": ("full", [], None), "hr/staff.txt": ("full", [], True)}
        EXPECT["cut_image.iso.gz"] = {"": ("partial", ["truncated"], "iso9660: the volume declares"),
                                      "hr/staff.txt": ("full", [], True)}
        z = compress_z(cut)
        if z:
            files["cut_image.iso.Z"] = z
            EXPECT["cut_image.iso.Z"] = EXPECT["cut_image.iso.gz"]

    write_all(out, files)
    return EXPECT


if __name__ == "__main__":
    generate(sys.argv[1] if len(sys.argv) > 1 else "archives19")
