#!/usr/bin/env python3
"""End-to-end: archive cuts that read as whole and whole files whose
decoder failure read as a cut (fixtures: tests/gen/gen_archives19.py).
A WARC cut inside a record, an LHA without the 0 byte that ends its
header list, a xar cut inside a member its table of contents places, an
ISO 9660 image cut short of its volume size and then compressed whole, a
cabinet of a multi-cabinet set and a 7z whose header lists nothing
libarchive can read are `partial` with the reason; a zip whose local and
directory names differ but share their Unicode Path field (0x7075) is one
member a name, `full`; a whole cab or RAR 4
whose data does not decode is `parse_error`, not `truncated` (the same
files cut short stay `truncated`); the whole files stay `full`.
"""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_archives19 as gen  # noqa: E402

KEY = b"archives19-e2e-fingerprint-key"


class Archives19(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "arc")
        gen.generate(cls.dir)
        cls.proc, cls.m = lsutil.scan_keyed(cls.tmp.name, [cls.dir], KEY, "-j2")
        cls.ssn = lsutil.fingerprint(KEY, "ssn", gen.SSN.replace("-", ""))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def check(self, *names):
        self.assertIsNotNone(self.m, self.proc.stderr)
        for name in names:
            lsutil.check_expect(self, self.m, os.path.join(self.dir, name), gen.EXPECT[name], self.ssn)

    def test_warc(self):
        self.check("whole.warc", "cut_in_header.warc", "cut_in_block.warc")

    def test_lha_without_its_end_byte(self):
        self.check("whole.lzh", "no_end_byte.lzh")

    def test_xar_cut_in_its_heap(self):
        self.check("whole.xar", "cut_in_last.xar")

    def test_cab(self):
        self.check("whole.cab", "set_first.cab", "lzx_damaged.cab", "lzx_cut.cab")

    def test_rar4_damaged_whole_or_cut(self):
        self.check("damaged.rar", "cut.rar")

    def test_iso_image_cut_then_compressed(self):
        names = [n for n in ("whole.iso.gz", "cut_image.iso.gz", "cut_image.iso.Z") if n in gen.EXPECT]
        if not names:
            self.skipTest("xorriso is not installed")
        self.check(*names)

    def test_zip_names_one_through_their_unicode_path(self):
        self.check("unicode_paths.zip")

    def test_7z_listing_nothing(self):
        self.check("no_member.7z")


if __name__ == "__main__":
    unittest.main()
