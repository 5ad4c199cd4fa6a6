"""End-to-end: the eighth hostile dump (tests/gen/make_hostile7.py) against its answer key.

Archives as real archivers write them (a macOS Finder zip with __MACOSX
AppleDouble members and an "Icon\\r" file, a CP866 Windows zip, Windows
Explorer's Deflate64 zips (whole, cut, and a Deflate64 bomb), 7-Zip's zip
methods BZip2, LZMA and PPMd, a .war with a nested jar, a wheel, a docx
named .zip and a zip named .docx, a solid 7z with a damaged block, a 7z
per coder and filter p7zip and bsdtar write (Deflate64 among them), GNU
tar in every --format and its three pax sparse formats, .tbz2/.txz/.tzst/
.tlz, zstd --long=31, xz with BCJ and in blocks, linked-block lz4, gzip -N,
an ISO with Joliet long names and Rock Ridge, HP cpio, bsdtar's xar and
WARC) and a file tree as a share copy leaves it (a path past PATH_MAX,
symlink loops, hard links, a socket, device nodes that read endlessly,
names starting with '-', case-only twins, an empty file).

Checked as lsutil.KeyedDumpTests says: scanned twice with a known
fingerprint key (two workers, one), the key's entries against both.
"""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "gen"))
import lsutil  # noqa: E402
import make_hostile7  # noqa: E402


class Hostile7(lsutil.KeyedDumpTests, unittest.TestCase):
    GEN = make_hostile7
    NAME = "hostile7"


if __name__ == "__main__":
    unittest.main()
