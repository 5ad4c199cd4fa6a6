#!/usr/bin/env python3
"""Fixtures of test_unpack19b: ISO 9660 images written by the real tools
(bsdtar's iso9660 writer, xorrisofs), whose writer's own blocks no
directory lists must not read as hidden data, and the same images with a
file or bytes really hidden, which must.

- bsdtar (libarchive) writes an information block after the descriptor
  set terminator: "INFO <date>\\nlibarchive <version>" and the options it
  was given, zeros to the block's end (la_*.iso);
- xorrisofs -hfsplus writes an Apple partition map and an HFS+ volume
  (volume header, catalog, extents and allocation files, alternate
  header) inside the ISO's blocks (x_hfsplus.iso);
- xorrisofs -partition_offset 16 writes a second system area, descriptor
  set, path tables and directories counting blocks from the partition's
  start (x_partoff.iso).
Hidden: the INFO block with a record after its text (la_planted.iso), a
file hidden from the ISO and Joliet trees but listed in HFS+
(x_hfsplus_hidden.iso) and one hidden from both trees of a partition
offset image (x_partoff_hidden.iso). Images are written only when the
tool is installed (EXPECT lists what was written).

And a tar in an lzma_alone stream (Python's lzma, FORMAT_ALONE: unknown
size, end marker) whose tar ends in its first 64 KiB decoded but whose
record padding runs past them, cut a few bytes short: libarchive's tar
reader stops at the end blocks and never asks the decoder for the rest
(cut_after_end.tlz, truncated; whole.tlz full).

And a RAR 5 archive after a program (a self-extractor's layout: an MZ
stub, then the archive), whole and cut inside its end of archive header:
the cut one read full (sfx_rar5_cut.exe)."""
import lzma
import os
import random
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arc_common import PII, SSN, have, memo, noise, tar_bytes, write_all  # noqa: E402,F401
from gen_rarcab import rar5_archive, rar5_file  # noqa: E402

EXPECT = {}
HIDDEN = "hidden_data"


def _tree(d):
    os.makedirs(os.path.join(d, "hr"), exist_ok=True)
    with open(os.path.join(d, "hr", "staff.txt"), "wb") as f:
        f.write(PII.encode())
    with open(os.path.join(d, "memo.txt"), "wb") as f:
        f.write(memo(40))
    with open(os.path.join(d, "boot.img"), "wb") as f:
        f.write(bytes(range(256)) * 8)


def _run(argv, cwd):
    subprocess.run(argv, cwd=cwd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def _bsdtar(tmp, options):
    out = os.path.join(tmp, "out.iso")
    argv = ["bsdtar", "-cf", out, "--format", "iso9660"] + (["--options", options] if options else []) + ["-C", tmp + "/t", "."]
    _run(argv, tmp)
    with open(out, "rb") as f:
        return f.read()


def _xorriso(tmp, args):
    out = os.path.join(tmp, "out.iso")
    _run(["xorrisofs", "-quiet", "-R", "-J"] + args + ["-o", out, tmp + "/t"], tmp)
    with open(out, "rb") as f:
        return f.read()


def _planted(img):
    """The INFO block with a record written after its text's end."""
    at = img.find(b"INFO ", 32768)
    end = img.index(b"\0", at)
    rec = b"\0" + PII.encode()
    assert at > 0 and at % 2048 == 0 and end + len(rec) < at + 2048
    return img[:end] + rec + img[end + len(rec):]


def tlz():
    """A tar (records of 10240 bytes) whose end blocks end before decoded
    byte 65536 and whose padding goes past it, as lzma_alone; and it cut
    4 bytes short (in the end marker)."""
    r = random.Random(19)
    text = "".join(r.choice("abcdefghij \n") for _ in range(60000)).encode()
    t = tar_bytes([("staff.txt", PII.encode()), ("notes.txt", text)])
    assert len(t) > 65536 and t.rstrip(b"\0") and len(t.rstrip(b"\0")) + 1024 < 65536
    z = lzma.compress(t, format=lzma.FORMAT_ALONE)
    return z, z[:-4]


def sfx_rar5():
    """An MZ stub (a DOS header whose e_lfanew points past it, then noise),
    then a RAR 5 archive of memo.txt and hr/staff.txt; and it cut inside
    its end of archive header (3 bytes short: libarchive says nothing)."""
    stub = b"MZ" + bytes(58) + (64).to_bytes(4, "little") + noise(20000, 1919)
    rar = rar5_archive([rar5_file(b"memo.txt", memo(30)), rar5_file(b"hr/staff.txt", PII.encode())])
    whole = stub + rar
    return whole, whole[:len(whole) - 3]


def generate(out):
    EXPECT.clear()
    files = {}
    whole = {"": ("full", [], None), "hr/staff.txt": ("full", [], True)}
    hidden = {"": ("full", [], None), HIDDEN: ("full", [], True)}
    with tempfile.TemporaryDirectory() as tmp:
        _tree(os.path.join(tmp, "t"))
        if have("bsdtar"):
            files["la_plain.iso"] = _bsdtar(tmp, None)
            files["la_boot.iso"] = _bsdtar(tmp, "boot=boot.img,boot-type=no-emulation")
            files["la_level1.iso"] = _bsdtar(tmp, "iso-level=1,!rockridge,!joliet")
            for n in ("la_plain.iso", "la_boot.iso"):
                EXPECT[n] = dict(whole)
            EXPECT["la_level1.iso"] = {"": ("full", [], None), "HR/STAFF.TXT": ("full", [], True)}
            files["la_planted.iso"] = _planted(files["la_plain.iso"])
            EXPECT["la_planted.iso"] = hidden
        if have("xorrisofs"):
            files["x_hfsplus.iso"] = _xorriso(tmp, ["-hfsplus"])
            files["x_partoff.iso"] = _xorriso(tmp, ["-partition_offset", "16"])
            for n in ("x_hfsplus.iso", "x_partoff.iso"):
                EXPECT[n] = dict(whole)
            hide = ["-hide", "staff.txt", "-hide-joliet", "staff.txt"]
            files["x_hfsplus_hidden.iso"] = _xorriso(tmp, ["-hfsplus"] + hide)
            files["x_partoff_hidden.iso"] = _xorriso(tmp, ["-partition_offset", "16"] + hide)
            EXPECT["x_hfsplus_hidden.iso"] = hidden
            EXPECT["x_partoff_hidden.iso"] = hidden
    files["whole.tlz"], files["cut_after_end.tlz"] = tlz()
    EXPECT["whole.tlz"] = {"": ("full", [], None), "staff.txt": ("full", [], True)}
    EXPECT["cut_after_end.tlz"] = {"": ("partial", ["truncated"], "lzma: the stream ends after"),
                                   "staff.txt": ("full", [], True)}
    files["sfx_rar5.exe"], files["sfx_rar5_cut.exe"] = sfx_rar5()
    EXPECT["sfx_rar5.exe"] = {"": ("full", [], None), "hr/staff.txt": ("full", [], True)}
    EXPECT["sfx_rar5_cut.exe"] = {"": ("partial", ["truncated"], "before its end of archive header"),
                                  "hr/staff.txt": ("full", [], True)}
    write_all(out, files)
    return files


if __name__ == "__main__":
    generate(sys.argv[1] if len(sys.argv) > 1 else "unpack19b_out")
    print("\n".join(sorted(EXPECT)))
