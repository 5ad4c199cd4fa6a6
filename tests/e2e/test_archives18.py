#!/usr/bin/env python3
"""End-to-end: archives cut where libarchive 3.6 takes the end of the input
for the end of the archive (fixtures: tests/gen/gen_archives18.py, written
from scratch in each format's structure). Each read as whole (`full`),
the cut unseen: a tar cut between two members or after a pax header, or
inside its zero padding; compressed tars (gzip, bzip2, xz, lzip, zstd,
lz4) cut in their last bytes, after the tar inside had ended;
an ar cut inside a member's header; an RPM cut inside its header; a RAR 5
archive without its end of archive header; the first volume of a RAR 5
set alone, whose member goes on in the next volume (libarchive ends its
data quietly after the half it holds); a 7z through 7-Zip's ARM64 or
RISC-V filter, which libarchive 3.6 lacks, was `parse_error` (damage)
where it is `unsupported`. Now `partial` with
`truncated` and the reason in `errors`, their whole members still read;
the same archives whole stay `full`.
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arcutil import KeyedArchives  # noqa: E402
import gen_archives18 as gen  # noqa: E402


class Archives18(KeyedArchives):
    GEN = gen
    KEY = b"archives18-e2e-fingerprint-key"

    def test_whole_archives_stay_full(self):
        self.check_prefix("whole")
        self.check("pax_whole.tar")

    def test_tar_cut_between_members(self):
        self.check("cut_between_members.tar")

    def test_tar_cut_after_pax_header(self):
        self.check("cut_after_pax_header.tar")

    def test_tar_cut_in_padding(self):
        self.check("cut_in_padding.tar")

    def test_compressed_tar_cut_in_last_bytes(self):
        self.check_prefix("cut_last_bytes.")
        self.check_prefix("cut_one_frame.")

    def test_ar_cut_in_header(self):
        self.check("cut_in_header.ar")

    def test_rpm_cut_in_header(self):
        self.check("cut_in_header.rpm")

    def test_rar5_without_end_header(self):
        self.check("no_end_header.rar")

    def test_rar5_first_volume_alone(self):
        self.check("first_volume_alone.part1.rar")

    def test_7z_filters_libarchive_lacks(self):
        names = [n for n in gen.EXPECT if n.startswith("filter_")]
        if not names:
            self.skipTest("this 7z has no ARM64/RISCV filter")
        for n in names:
            self.check(n)


if __name__ == "__main__":
    unittest.main()
