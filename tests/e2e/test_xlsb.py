#!/usr/bin/env python3
"""End-to-end tests for Excel binary workbooks (.xlsb): the workbook,
shared strings, styles, sheets and comments are BIFF12 record streams in
an OPC package. They were handed on as opaque .bin members with no text
(SheetJS test_files 2013/*.xlsb, Excel 2013 conversions of POI's
spreadsheets: 477 genuine workbooks, every cell lost). Fixtures come from
tests/gen/gen_xlsb.py into a temporary directory."""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_xlsb  # noqa: E402


class Xlsb(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "xlsb")
        cls.exp = gen_xlsb.generate(cls.dir)
        os.remove(os.path.join(cls.dir, "expect.json"))
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [cls.dir])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def text(self, name):
        p = lsutil.run(["text", os.path.join(self.dir, name)])
        self.assertEqual(p.returncode, 0, p.stderr)
        return p.stdout.decode("utf-8")

    def test_text(self):
        for name, exp in self.exp.items():
            t = self.text(name)
            for s in exp["present"]:
                self.assertIn(s, t, "%s: %r missing" % (name, s))
            for s in exp["absent"]:
                self.assertNotIn(s, t, "%s: %r present" % (name, s))

    def test_records(self):
        for name in ("people.xlsb", "people1904.xlsb", "beta.xlsb"):
            o = self.m.obj(os.path.join(self.dir, name))
            self.assertEqual(o["handler"], "ooxml")
            self.assertEqual(o["coverage"], "full", o["errors"])
            self.assertGreater(o["text_bytes"], 200)
            # the record parts are read, not handed on as opaque members
            chains = [c["chain"] for c in self.m.objects if c["path"] == o["path"] and c["depth"]]
            self.assertFalse([c for c in chains if c[-1].endswith(".bin")], chains)

    def test_ssn_by_header_label(self):
        o = self.m.obj(os.path.join(self.dir, "people.xlsb"))
        self.assertIn("ssn", lsutil.entities(o), o["findings"])
        self.assertEqual(o["verdict"], "sensitive")

    def test_bad_cell_is_partial(self):
        o = self.m.obj(os.path.join(self.dir, "badcell.xlsb"))
        self.assertEqual(o["coverage"], "partial")
        self.assertTrue([e for e in o["errors"] if "sheet2.bin" in e], o["errors"])

    def test_cut_sheet_is_partial(self):
        o = self.m.obj(os.path.join(self.dir, "cut.xlsb"))
        self.assertEqual(o["coverage"], "partial")
        self.assertTrue(set(o["coverage_reasons"]) & {"truncated", "parse_error"}, o)
        self.assertTrue([e for e in o["errors"] if "sheet1.bin" in e], o["errors"])


if __name__ == "__main__":
    unittest.main()
