"""End-to-end: the fifth hostile dump (tests/gen/make_hostile4.py) against its answer key.

A user's home share (share.tar.gz: an xlsx, backup_2014.zip with a docx and
a tar.bz2 of an mbox whose message carries a zip of an xlsx, an Outlook
.eml with a zip of an xlsx, UTF-16 notes) and a PST; self-extractors that
are a PE stub and a 7z or a RAR, a 7z after a JPEG; wrong extensions;
NFC/NFD and case-only twins, ".", "..", empty, 5,000-byte, ESC, backslash,
UNC and drive-letter names, a climbing ustar prefix; zip64 size lies,
directory/local method disagreements, wrong CRCs, damaged deflate; gzip
FHCRC, wrong CRC, a climbing second member, 64 MiB of zeros, tape padding;
tar base-256 sizes, unknown type flags, old GNU sparse; cpio hard links;
a solid 7z; mail attachments that lie about their type, base64 forwards,
boundaries followed by blanks; an embedded workbook; UTF-16 text, NUL
files and slack; a PDF "redacted" by an incremental update.

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
import make_hostile4  # noqa: E402


class Hostile4(lsutil.KeyedDumpTests, unittest.TestCase):
    GEN = make_hostile4
    NAME = "hostile4"


if __name__ == "__main__":
    unittest.main()
