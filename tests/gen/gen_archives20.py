#!/usr/bin/env python3
"""Fixtures for tests/e2e/test_archives20.py: cuts that read as whole,
found in the twentieth session's sweep of libarchive's test files cut at
ten points (none copied here). The PII fake, every archive made by a real
tool (zip, 7z) or written in its documented layout (gen_rarcab.py):

- self-extractors: a PE program (a DOS header, PE/COFF headers, a PE32
  optional header and two sections, Microsoft PE/COFF) with a zip after
  it (`zip -A` fixes the offsets), and p7zip's own ELF self-extractor
  (`7z a -sfx`, 7zCon.sfx) and a RAR 4 after the same PE. Whole: `full`
  with their members. Cut inside the program, before the archive starts:
  the file read as a whole program (`full`, no handler); now `partial`,
  `truncated` ("its sections ... end at byte N, past the file's end").
  The zip one cut 16 bytes into its first local header (read as a whole
  program too); the 7z one cut in its last byte (its header database past
  the end: `parse_error`, "Malformed"); the RAR one cut in its end of
  archive block (`full`, every member read);
- a RAR 4 archive cut inside its 7-byte end of archive block (`full`);
- a tar compressed by compress (`.tar.Z`, no end marker) cut between two
  codes, just after its first member's data, where `uncompress` gives the
  first member whole (`full`: libarchive took the end of the decoded
  stream for the tar's end); the whole `.tar.Z` stays `full`.
- a set of two cabinets ([MS-CAB]: cfhdrNEXT_CABINET / cfhdrPREV_CABINET,
  the next and previous cabinets' names, a member continued from the
  first into the second, iFolder 0xFFFE and 0xFFFD, its data block split,
  cbUncomp 0 in the first) each on its own: libarchive reads no cabinet
  of a set, so the members whole in each were lost; now each is
  `truncated` with its whole members (staff.txt, memo.txt in the first,
  tail.txt in the second).
"""
import os
import struct
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arc_common import PII, SSN, have, memo, noise, tar_bytes, write_all  # noqa: E402,F401
import gen_rarcab  # noqa: E402

EXPECT = {}
MEMO = memo(40)
SFX7Z = "/usr/lib/p7zip/7zCon.sfx"


def pe_program(seed=2020):
    """A PE32 program: MZ header (e_lfanew 0x80), PE signature, COFF header
    (i386, two sections, a 224-byte optional header), the optional header
    (magic 0x10B, 16 data directories, none set) and two sections whose raw
    data (0x200 + 0x1000 bytes, file alignment 0x200) ends the file."""
    mz = b"MZ" + bytes(58) + struct.pack("<I", 0x80)
    mz += b"This program cannot be run in DOS mode.\r\n$".ljust(0x80 - len(mz), b"\0")
    coff = b"PE\0\0" + struct.pack("<HHIIIHH", 0x14C, 2, 1700000000, 0, 0, 224, 0x0102)
    opt = struct.pack("<HBBIIIIII", 0x10B, 14, 0, 0x200, 0x1000, 0, 0x1000, 0x1000, 0x2000)
    opt += struct.pack("<IIIHHHHHHIIIIHHIIIIII", 0x400000, 0x1000, 0x200, 6, 0, 0, 0, 6, 0, 0, 0x3000,
                       0x200, 0, 3, 0, 0x100000, 0x1000, 0x100000, 0x1000, 0, 16)
    opt += bytes(16 * 8)
    assert len(opt) == 224
    sec = b""
    for name, va, size, ptr in ((b".text", 0x1000, 0x200, 0x200), (b".rsrc", 0x2000, 0x1000, 0x400)):
        sec += struct.pack("<8sIIIIIIHHI", name, size, va, size, ptr, 0, 0, 0, 0, 0x60000020)
    head = (mz + coff + opt + sec).ljust(0x200, b"\0")
    return head + b"\xc3" + noise(0x1FF, seed) + noise(0x1000, seed + 1)


def _zip(tmp, members):
    for name, data in members:
        with open(os.path.join(tmp, name), "wb") as f:
            f.write(data)
    out = os.path.join(tmp, "a.zip")
    subprocess.run(["zip", "-q", "-X", out] + [n for n, _ in members], cwd=tmp, check=True)
    return out


def sfx_zip(tmp):
    """PE + zip, offsets fixed by `zip -A`: (whole, first local header's offset)."""
    z = _zip(tmp, [("staff.txt", PII.encode()), ("memo.txt", MEMO)])
    prog = pe_program()
    with open(z, "rb") as f:
        data = f.read()
    with open(z, "wb") as f:
        f.write(prog + data)
    subprocess.run(["zip", "-q", "-A", z], check=True)
    with open(z, "rb") as f:
        return f.read(), len(prog)


def sfx_7z(tmp):
    """p7zip's ELF self-extractor (`7z a -sfx7zCon.sfx`): (whole, where the 7z starts)."""
    for name, data in (("staff.txt", PII.encode()), ("memo.txt", MEMO)):
        with open(os.path.join(tmp, name), "wb") as f:
            f.write(data)
    out = os.path.join(tmp, "s.exe")
    subprocess.run(["7z", "a", "-bd", "-sfx" + SFX7Z, out, "staff.txt", "memo.txt"], cwd=tmp, check=True,
                   stdout=subprocess.DEVNULL)
    with open(out, "rb") as f:
        return f.read(), os.path.getsize(SFX7Z)


def rar4():
    return gen_rarcab.rar4_archive([gen_rarcab.rar4_file(b"staff.txt", PII.encode()),
                                    gen_rarcab.rar4_file(b"memo.txt", MEMO)])


def tar_z():
    """(whole .tar.Z, the same cut where `uncompress` first gives the first
    member's data and padding whole, before the second member's header)."""
    tar = tar_bytes([("staff.txt", PII.encode()), ("memo.txt", MEMO), ("last.txt", memo(5))])
    z = subprocess.run(["compress", "-c"], input=tar, stdout=subprocess.PIPE, check=True).stdout
    end1 = 512 + (len(PII) + 511) // 512 * 512
    for c in range(4, len(z)):
        got = subprocess.run(["uncompress", "-c"], input=z[:c], stdout=subprocess.PIPE,
                             stderr=subprocess.DEVNULL).stdout
        if len(got) >= end1:
            return z, z[:c]
    raise RuntimeError("no cut after the first member")


def cab_set():
    """Two cabinets of one set (stored folders): (first, second)."""
    rc = gen_rarcab
    ledger = memo(60)
    half = len(ledger) // 2
    staff, mem, tail = PII.encode(), MEMO, memo(3)

    def block(data, unc):
        sizes = struct.pack("<HH", len(data), unc)
        return struct.pack("<I", rc.cab_checksum(sizes, rc.cab_checksum(data))) + sizes + data

    def cabinet(flags, names, icab, folders, files):
        """folders: [[block bytes, ...]]; files: [(name, size, offset, ifolder)]."""
        head_len = 36 + len(names)
        coff_files = head_len + 8 * len(folders)
        fblob = b"".join(struct.pack("<IIHHHH", size, off, ifo, rc.DOS_DATE, rc.DOS_TIME, 0x20) + name + b"\0"
                         for name, size, off, ifo in files)
        pos = coff_files + len(fblob)
        fold, data = b"", b""
        for blocks in folders:
            fold += struct.pack("<IHH", pos, len(blocks), 0)
            for b in blocks:
                data += b
                pos += len(b)
        head = struct.pack("<4sIIIIIBBHHHHH", b"MSCF", 0, pos, 0, coff_files, 0, 3, 1, len(folders), len(files),
                           flags, 0x2020, icab)
        return head + names + fold + fblob + data

    first = cabinet(2, b"set2.cab\0disk2\0", 0,
                    [[block(staff + mem, len(staff) + len(mem)), block(ledger[:half], 0)]],
                    [(b"staff.txt", len(staff), 0, 0), (b"memo.txt", len(mem), len(staff), 0),
                     (b"ledger.txt", len(ledger), len(staff) + len(mem), 0xFFFE)])
    second = cabinet(1, b"set1.cab\0disk1\0", 1,
                     [[block(ledger[half:], len(ledger))], [block(tail, len(tail))]],
                     [(b"ledger.txt", len(ledger), len(staff) + len(mem), 0xFFFD), (b"tail.txt", len(tail), 0, 1)])
    return first, second


def generate(out):
    os.makedirs(out, exist_ok=True)
    EXPECT.clear()
    files = {}
    whole = {"": ("full", [], None), "staff.txt": ("full", [], True)}
    cut_prog = {"": ("partial", ["truncated"], "past the file's end")}
    with tempfile.TemporaryDirectory() as tmp:
        if have("zip"):
            z, start = sfx_zip(tmp)
            files["sfx_zip.exe"] = z
            files["sfx_zip_cut_in_program.exe"] = z[:start // 2]
            files["sfx_zip_cut_in_local_header.exe"] = z[:start + 16]
            EXPECT["sfx_zip.exe"] = dict(whole)
            EXPECT["sfx_zip_cut_in_program.exe"] = dict(cut_prog)
            EXPECT["sfx_zip_cut_in_local_header.exe"] = {"": ("partial", ["truncated"], None)}
        if have("7z") and os.path.exists(SFX7Z):
            s, start = sfx_7z(tmp)
            files["sfx_7z.elf"] = s
            files["sfx_7z_cut_in_program.elf"] = s[:start // 3]
            files["sfx_7z_cut_last_byte.elf"] = s[:-1]
            EXPECT["sfx_7z.elf"] = dict(whole)
            EXPECT["sfx_7z_cut_in_program.elf"] = dict(cut_prog)
            EXPECT["sfx_7z_cut_last_byte.elf"] = {"": ("partial", ["truncated"], "7z: its header")}
    prog = pe_program()
    r = rar4()
    files["sfx_rar4.exe"] = prog + r
    files["sfx_rar4_cut_in_program.exe"] = prog[:len(prog) - 100]
    files["sfx_rar4_cut_in_end_block.exe"] = (prog + r)[:-3]
    files["whole.rar"] = r
    files["cut_in_end_block.rar"] = r[:-1]
    EXPECT["sfx_rar4.exe"] = dict(whole)
    EXPECT["sfx_rar4_cut_in_program.exe"] = dict(cut_prog)
    cut_end = {"": ("partial", ["truncated"], "rar: the file ends inside block 4"),
               "staff.txt": ("full", [], True), "memo.txt": ("full", [], None)}
    EXPECT["sfx_rar4_cut_in_end_block.exe"] = dict(cut_end)
    EXPECT["whole.rar"] = dict(whole)
    EXPECT["cut_in_end_block.rar"] = dict(cut_end)
    if have("compress") and have("uncompress"):
        files["whole.tar.Z"], files["cut_after_member.tar.Z"] = tar_z()
        EXPECT["whole.tar.Z"] = dict(whole)
        EXPECT["cut_after_member.tar.Z"] = {"": ("partial", ["truncated"], "tar: the decoded stream ends after"),
                                            "staff.txt": ("full", [], True)}
    files["set1.cab"], files["set2.cab"] = cab_set()
    cut_set = {"": ("partial", ["truncated"], "a cabinet of a multi-cabinet set")}
    EXPECT["set1.cab"] = dict(cut_set, **{"staff.txt": ("full", [], True), "memo.txt": ("full", [], None)})
    EXPECT["set2.cab"] = dict(cut_set, **{"tail.txt": ("full", [], None)})
    write_all(out, files)
    return files


if __name__ == "__main__":
    generate(sys.argv[1] if len(sys.argv) > 1 else "arc20")
