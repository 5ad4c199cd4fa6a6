"""End-to-end: the seventh hostile dump (tests/gen/make_hostile6.py) against its answer key.

MIME structure (a multipart/digest whose parts carry no Content-Type, a
forward whose multipart reuses the outer boundary, upper-case parameter
names and encodings, multiparts nested 3,000 deep, empty, 2,000-byte,
doubled and blank-padded boundaries, a 6,000-byte RFC 2231 file name,
multipart/appledouble, a binary CTE, a UTF-16 encoded word, an attached
.msg, a base64-encoded multipart), headers (4,000 Received: lines, a
300 KB References: line), bodies (a plain part that says base64,
quoted-printable soft breaks followed by blanks inside an SSN, two base64
encodings run together), classic Mac OS (CR) messages and an Eudora
mailbox, deleted Thunderbird messages, exports (an Outlook for Mac .olm, a
saved .msg, an .eml in a zip in a tar.gz in an ISO image), zip end records
that lie (no entries, a comment past the end, a zip64 record naming
another directory, a zip64 locator past the end), directory names and
local extra fields past the file, data descriptors that lie or are faked
inside stored data, a 7z volume set missing its middle volume, a GNU
multi-volume tar, GNU long-name headers (one declaring 1 GiB, 300 in a
row), a tar hard link to itself, "./a.txt" after "a.txt", "./link/x"
through a symlink, a pax record whose length lies, a cpio name size past
the file, a cut ar and one with a long-name reference past its table.

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
import make_hostile6  # noqa: E402


class Hostile6(lsutil.KeyedDumpTests, unittest.TestCase):
    GEN = make_hostile6
    NAME = "hostile6"


if __name__ == "__main__":
    unittest.main()
