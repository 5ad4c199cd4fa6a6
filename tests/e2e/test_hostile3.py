"""End-to-end: the fourth hostile dump (tests/gen/make_hostile3.py) against its answer key.

Names hidden from one view (Info-ZIP Unicode Path fields, local/directory
disagreements, unlisted local entries, a second end record in the comment),
ZipCrypto + AES + clear members in one zip and a fake encryption flag, 7z
with encrypted data or headers, links through which members are written,
tar directory entries that carry data and GNU volume labels that hold PII,
climbing GNU long names, pax paths and BSD ar names, compressed tars cut in
the middle of a member, nesting to exactly the depth limit and one past it,
empty archives of every kind, and PII in zstd/lz4 skippable frames.

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
import make_hostile3  # noqa: E402


class Hostile3(lsutil.KeyedDumpTests, unittest.TestCase):
    GEN = make_hostile3
    NAME = "hostile3"


if __name__ == "__main__":
    unittest.main()
