#!/usr/bin/env python3
"""Words the seventeenth sweep's reference extractors found and leaksift
lost (tests/gen/gen_realsweep17.py): an xlsx cell's formula-result string
(t="str") longer than 256 bytes is read whole, and an inline-string cell's
text in a <v> (LibreOffice 4) is read; a Far East Word 6/95
file's text (fExtChar) is UTF-16LE, its pieces two bytes a character."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_realsweep17  # noqa: E402


class RealSweep17(lsutil.GeneratedTree):
    GEN = gen_realsweep17

    def lines(self, name):
        return [ln.rstrip("\t") for ln in self.text(name).splitlines()]

    def test_lines(self):
        for name, want in sorted(self.key.items()):
            with self.subTest(name=name):
                o = self.m.obj(self.p(name))
                self.assertEqual(o["coverage"], "full", o.get("errors"))
                got = self.lines(name)
                for line in want:
                    self.assertIn(line, got)

    def test_long_str_cell_scanned(self):
        o = self.m.obj(self.p("strcells.xlsx"))
        self.assertEqual(o["handler"], "ooxml")
        self.assertIn("ssn", lsutil.entities(o))

    def test_inline_v_scanned(self):
        self.assertIn("ssn", lsutil.entities(self.m.obj(self.p("inlinev.xlsx"))))

    def test_fareast_word6_ssns(self):
        # the edit's SSN ends its piece (half of it was read before); the
        # deleted paragraph's is in fcMin..fcMac, in no piece
        o = self.m.obj(self.p("fareast6.doc"))
        self.assertEqual(o["handler"], "ole2")
        self.assertEqual(self.count("fareast6.doc", "ssn"), 2)


if __name__ == "__main__":
    unittest.main()
