"""End-to-end: the sixth hostile dump (tests/gen/make_hostile5.py) against its answer key.

Mail stores and mail quirks (a Maildir tree in a .tar.gz, a gzip'd Maildir
message, an mboxcl2 mailbox framed by Content-Length and lengths that lie,
mboxrd quoting, a gzip'd mbox, an MMDF mailbox, a Thunderbird profile,
multipart/signed around a forwarded message with a zip, winmail.dat in an
.eml in a zip, uuencode and yEnc bodies with hostile names, RFC 2231 and
RFC 2047 names that climb, twin attachment names, a quoted-printable CSV,
an unclosed inner multipart, a PGP-encrypted zip, boundaries in RFC 2231
continuations, with a space, or starting with the outer one, BinHex
attachments, a forwarded S/MIME enveloped message), zip quirks
(data descriptors, zip64, twin names, zstd and implode methods, a 4 GB
declared size, a split zip, a PK00 marker, cuts at two levels), empty
folders named with an SSN, other containers (.tar.Z, cut .Z,
.lzma, .tar.lz and a cut one, legacy lz4, a zstd .deb, odc cpio and a cut
one, an ISO with Joliet names, a zip inside and a hidden file, one with
Rock Ridge, El Torito and deep paths, a cut ISO,
xar, LHA, cabinet and RAR 5 names that climb, an encrypted RAR 5 member,
a NUL in a zip name, a 7z with a newline in a name, a cut 7z,
a tar file entry named like a directory), formats libarchive cannot read
(ARJ, StuffIt), and a chain six containers deep.

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
import make_hostile5  # noqa: E402


class Hostile5(lsutil.KeyedDumpTests, unittest.TestCase):
    GEN = make_hostile5
    NAME = "hostile5"


if __name__ == "__main__":
    unittest.main()
