#!/usr/bin/env python3
"""Quirks found sweeping other projects' test documents (PHPOffice,
pandoc, calamine), on small look-alikes made by tests/gen/gen_realsweep.py."""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_realsweep  # noqa: E402


class RealSweep(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "f")
        gen_realsweep.generate(cls.dir)
        _, cls.m = lsutil.scan(cls.tmp.name, [cls.dir])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def p(self, name):
        return os.path.join(self.dir, name)

    def text(self, name, *members):
        spec = "!".join((self.p(name),) + members)
        return lsutil.run(["text", spec]).stdout.decode("utf-8")

    def test_deflated_mimetype_odp(self):
        # "mimetype" first but deflated: ODF all the same, named or not
        for name in ("deflated-mimetype.odp", "deflated-mimetype.bin"):
            o = self.m.obj(self.p(name))
            self.assertEqual(o["handler"], "odf", name)
            self.assertEqual(o["coverage"], "full", o["errors"])
            self.assertIn("ssn", lsutil.entities(o), o["findings"])
            t = self.text(name)
            self.assertIn("Payroll review for Jane Roe", t)
            self.assertIn("SSN 536-22-1874", t)

    def test_index_title_template(self):
        o = self.m.obj(self.p("index-title.odt"))
        self.assertEqual(o["coverage"], "full", o["errors"])
        t = self.text("index-title.odt")
        self.assertNotIn("PayrollPayroll", t)
        self.assertIn("Payroll\nPayroll\nFigure 1: Jane Roe", t)


if __name__ == "__main__":
    unittest.main()
