#!/usr/bin/env python3
"""End-to-end: archive cuts that read as whole and whole files whose
decoder failure read as a cut (fixtures: tests/gen/gen_archives19.py).
A WARC cut inside a record, an LHA without the 0 byte that ends its
header list, a xar cut inside a member its table of contents places, an
ISO 9660 image cut short of its volume size and then compressed whole, a
cabinet of a multi-cabinet set and a 7z whose header lists nothing
libarchive can read are `partial` with the reason; a zip whose local and
directory names differ but share their Unicode Path field (0x7075) is one
member a name, `full`; a tar in several gzip members cut in the last keeps
every member the whole gzip members hold; a zip written to a pipe, cut in
its directory, whose stored member holds a self-extractor (the last end
record that zip's) is `truncated`, the inner members below the stored
one; a whole cab or RAR 4
whose data does not decode is `parse_error`, not `truncated` (the same
files cut short stay `truncated`); the whole files stay `full`.
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arcutil import KeyedArchives  # noqa: E402
import gen_archives19 as gen  # noqa: E402


class Archives19(KeyedArchives):
    GEN = gen
    KEY = b"archives19-e2e-fingerprint-key"

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

    def test_gzip_members_cut_in_the_last(self):
        self.check("members_whole.tar.gz", "members_cut.tar.gz")
        path = os.path.join(self.dir, "members_cut.tar.gz")
        got = {tuple(o["chain"]): o for o in self.m.by_path(path) if o["chain"]}
        self.assertTrue(gen.GZ_WHOLE)
        for i in gen.GZ_WHOLE:
            chain = ("members_cut.tar", "m%02d.txt" % i)
            self.assertIn(chain, got, sorted(got)[-3:])
            self.assertEqual(got[chain]["coverage"], "full", chain)

    def test_zip_cut_holding_a_stored_self_extractor(self):
        self.check("sfx_inside_whole.zip", "sfx_inside_cut.zip")
        o = self.m.obj(os.path.join(self.dir, "sfx_inside_cut.zip"), ["tools/setup.exe", "payroll/staff.txt"])
        self.assertEqual(o["coverage"], "full")

    def test_7z_listing_nothing(self):
        self.check("no_member.7z")


if __name__ == "__main__":
    unittest.main()
