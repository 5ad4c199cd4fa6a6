#!/usr/bin/env python3
"""End-to-end: ISO 9660 images written by the real tools (fixtures:
tests/gen/gen_unpack19b.py). The blocks a writer puts in an image that no
directory lists (bsdtar's "INFO ... libarchive <version>" block after the
descriptor set terminator, xorrisofs -hfsplus's partition map and HFS+
volume structures, -partition_offset's second descriptor set, path tables
and directories) are not read as a member 'hidden_data'; a record written
after the INFO block's text, a file listed only in the HFS+ tree and a
file hidden from both trees of a partition-offset image still are, and
their SSN is found. A tar in an lzma_alone stream cut after the tar's
end blocks, in its record padding the tar reader never asked for, is
`truncated` (it read full); the whole one stays `full`. A RAR 5 archive
after a program cut before its end of archive header is `truncated` (it
read full, no member), as a RAR 5 file alone is."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arcutil import KeyedArchives  # noqa: E402
import gen_unpack19b as gen  # noqa: E402

HIDDEN = gen.HIDDEN


class Unpack19b(KeyedArchives):
    GEN = gen
    KEY = b"unpack19b-e2e-fingerprint-key"

    def writer_blocks_not_hidden(self, *names):
        names = [n for n in names if n in gen.EXPECT]
        if not names:
            self.skipTest("tool not installed")
        self.check(*names)
        for n in names:
            with self.subTest(name=n):
                self.assertNotIn(HIDDEN, self.members(n))

    def hidden_found(self, name):
        if name not in gen.EXPECT:
            self.skipTest("tool not installed")
        self.check(name)
        self.assertIn(HIDDEN, self.members(name))

    def test_bsdtar_info_block(self):
        self.writer_blocks_not_hidden("la_plain.iso", "la_boot.iso", "la_level1.iso")

    def test_xorriso_hfsplus_and_partition_offset(self):
        self.writer_blocks_not_hidden("x_hfsplus.iso", "x_partoff.iso")

    def test_record_after_the_info_text(self):
        self.hidden_found("la_planted.iso")

    def test_file_only_in_hfsplus(self):
        self.hidden_found("x_hfsplus_hidden.iso")

    def test_file_hidden_in_a_partition_offset_image(self):
        self.hidden_found("x_partoff_hidden.iso")

    def test_tlz_cut_after_the_tar_end(self):
        self.check("whole.tlz", "cut_after_end.tlz")

    def test_rar5_after_a_program_cut(self):
        self.check("sfx_rar5.exe", "sfx_rar5_cut.exe")


if __name__ == "__main__":
    unittest.main()
