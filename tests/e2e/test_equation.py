#!/usr/bin/env python3
"""Embedded equations (Equation Editor 3.0 / MathType OLE objects with an
"Equation Native" stream, MTEF v.3 and v.5): their characters are text.
The 163 equation objects of the Open-XML-SDK test files were each
"no document stream this handler knows" (unsupported, partial, their
documents incomplete); an equation in a .doc's ObjectPool was passed over
silently. Fixtures: tests/gen/gen_equation.py."""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_equation  # noqa: E402


class Equation(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "eq")
        gen_equation.generate(cls.dir)
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [cls.dir])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def path(self, name):
        return os.path.join(self.dir, name)

    def text(self, name):
        p = lsutil.run(["text", self.path(name)])
        self.assertEqual(p.returncode, 0, p.stderr)
        return p.stdout.decode("utf-8")

    def test_mtef3(self):
        o = self.m.obj(self.path("eq3.bin"))
        self.assertEqual(o["handler"], "ole2")
        self.assertEqual(o["coverage"], "full", o["errors"])
        t = self.text("eq3.bin")
        self.assertIn("536-22-1874", t)
        self.assertIn("q", t)  # the matrix cell after the template
        self.assertIn("ssn", lsutil.entities(o))

    def test_mtef5(self):
        o = self.m.obj(self.path("eq5.bin"))
        self.assertEqual(o["coverage"], "full", o["errors"])
        self.assertIn("Invoice=4111", self.text("eq5.bin"))

    def test_damaged(self):
        o = self.m.obj(self.path("eqdamaged.bin"))
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("truncated", o["coverage_reasons"])
        self.assertIn("SSN=", self.text("eqdamaged.bin"))

    def test_in_docx(self):
        p = self.path("equations.docx")
        self.assertEqual(self.m.obj(p)["coverage"], "full")
        self.assertEqual(self.m.obj(p)["verdict"], "sensitive")
        child = self.m.obj(p, ["word/embeddings/oleObject1.bin"])
        self.assertEqual(child["coverage"], "full", child["errors"])
        self.assertIn("ssn", lsutil.entities(child))

    def test_in_doc_objectpool(self):
        o = self.m.obj(self.path("equation.doc"))
        self.assertEqual(o["coverage"], "full", o["errors"])
        t = self.text("equation.doc")
        self.assertIn("Quarterly HR memo", t)
        self.assertIn("x SSN= 536-22-1874", t)


if __name__ == "__main__":
    unittest.main()
