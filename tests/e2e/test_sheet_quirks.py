#!/usr/bin/env python3
"""Spreadsheet writer quirks from the real-document sweep of 2026-11-28
(fixtures: tests/gen/gen_sheet_quirks.py): a BIFF8 SST whose unique count
is larger than the strings it holds is read whole without damage
(PhpSpreadsheet bug1592.xls, calamine gh548 were partial); an SST string
cut inside its characters stays damage. A compound file whose last sector
(the mini stream's) is not padded, ending in the unused tail of the last
mini sector, is whole (PhpSpreadsheet sample.xls was 'file ends inside
sector 8', truncated); one ending inside a stream stays truncated."""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_sheet_quirks  # noqa: E402


class SheetQuirks(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "sq")
        gen_sheet_quirks.generate(cls.dir)
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [cls.dir])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

    def test_sst_overcount_is_full(self):
        o = self.m.obj(self.path("sst_overcount.xls"))
        self.assertEqual(o["handler"], "ole2")
        self.assertEqual(o["coverage"], "full", o["errors"])
        self.assertIn("email", lsutil.entities(o))
        t = lsutil.run(["text", self.path("sst_overcount.xls")]).stdout.decode()
        self.assertIn("Jane Roe\t536-22-1874", t)
        self.assertIn("overcount.owner@example.org", t)

    def test_sst_cut_is_damage(self):
        o = self.m.obj(self.path("sst_cut.xls"))
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("parse_error", o["coverage_reasons"])

    def test_unpadded_last_sector_is_full(self):
        o = self.m.obj(self.path("unpadded.xls"))
        self.assertEqual(o["coverage"], "full", o["errors"])
        self.assertIn("email", lsutil.entities(o))

    def test_cut_inside_stream_is_truncated(self):
        o = self.m.obj(self.path("unpadded_cut.xls"))
        self.assertEqual(o["coverage"], "partial")
        self.assertTrue({"truncated", "parse_error"} & set(o["coverage_reasons"]), o)


if __name__ == "__main__":
    unittest.main()
