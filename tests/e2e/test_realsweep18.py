#!/usr/bin/env python3
"""Cut office documents whose format says they were cut must not say
`full` (tests/gen/gen_realsweep18.py): a SYLK sheet without its E record,
a 1-2-3 release 4 file cut inside the formatting section after EOF, a
flat ODF document whose root never closes, a Workbook stream ending
inside a sheet or before a sheet BOUNDSHEET places, a WordDocument
shorter than its FIB's cbMac, a PowerPoint Document stream ending before
the user edit Current User points to. Each keeps the text before the cut;
each whole twin stays full. OpenOffice.org 1.x packages (.sxw, .sxc) are
read as ODF."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweeputil  # noqa: E402  (tests/gen on sys.path)
from sweeputil import lsutil  # noqa: E402
import gen_realsweep18  # noqa: E402


class RealSweep18(sweeputil.RealTree):
    GEN = gen_realsweep18

    def test_coverage(self):
        for name, (cov, reason, _) in sorted(self.key.items()):
            with self.subTest(name=name):
                o = self.m.obj(self.p(name))
                self.assertEqual(o["coverage"], cov, o.get("errors"))
                if reason:
                    self.assertIn(reason, o["coverage_reasons"], o.get("errors"))

    def test_text_kept(self):
        for name, (_, _, want) in sorted(self.key.items()):
            got = self.lines(name)
            for line in want:
                with self.subTest(name=name, line=line):
                    self.assertIn(line, got)

    def test_ooo1_read_as_odf(self):
        for name in ("ooo1.sxc", "ooo1.sxw"):
            with self.subTest(name=name):
                self.assertEqual(self.m.obj(self.p(name))["handler"], "odf")

    def test_cut_sylk_scanned(self):
        o = self.m.obj(self.p("sylk_cut.slk"))
        self.assertIn("ssn", lsutil.entities(o))


if __name__ == "__main__":
    unittest.main()
