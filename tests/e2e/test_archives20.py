#!/usr/bin/env python3
"""End-to-end: archive cuts that read as whole (fixtures:
tests/gen/gen_archives20.py). A self-extractor (a PE with a zip or RAR 4
after it, p7zip's ELF one with a 7z) cut inside its program, before the
archive starts, is `partial`, `truncated` (its sections end past the
file's end: it read as a whole program); the zip one cut 16 bytes into its
first local header, the 7z one cut in its last byte and a RAR 4 (alone or
after the program) cut inside its end of archive block are `truncated`,
the RAR's members whole; a `.tar.Z` cut between two codes after its
first member is `truncated` (the decoded tar has no end-of-archive
blocks), that member whole; each cabinet of a two-cabinet set, alone,
is `truncated` with the members whole in it (libarchive read none); the
whole files stay `full`.
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arcutil import KeyedArchives  # noqa: E402
import gen_archives20 as gen  # noqa: E402


class Archives20(KeyedArchives):
    GEN = gen
    KEY = b"archives20-e2e-fingerprint-key"

    def test_zip_self_extractor(self):
        if "sfx_zip.exe" not in gen.EXPECT:
            self.skipTest("zip is not installed")
        self.check_prefix("sfx_zip")

    def test_7z_self_extractor(self):
        if "sfx_7z.elf" not in gen.EXPECT:
            self.skipTest("7z or its 7zCon.sfx module is not installed")
        self.check_prefix("sfx_7z")

    def test_rar4_self_extractor(self):
        self.check_prefix("sfx_rar4")

    def test_tar_z_cut_between_codes_after_a_member(self):
        if "whole.tar.Z" not in gen.EXPECT:
            self.skipTest("ncompress is not installed")
        self.check("whole.tar.Z", "cut_after_member.tar.Z")

    def test_cabinets_of_a_set_each_alone(self):
        self.check("set1.cab", "set2.cab")
        self.assertEqual(self.members("set1.cab"), ["memo.txt", "staff.txt"])
        self.assertEqual(self.members("set2.cab"), ["tail.txt"])

    def test_rar4_cut_in_its_end_block(self):
        self.check("whole.rar", "cut_in_end_block.rar")


if __name__ == "__main__":
    unittest.main()
