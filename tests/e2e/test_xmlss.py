#!/usr/bin/env python3
"""End-to-end tests for "Excel exports" that are not Excel binaries:
Excel 2003 XML Spreadsheets (SpreadsheetML 2003) read as sheets (rows as
lines, a cell's rich-text runs as one text, header-row labels), and
tab-separated text named .xls read as a table, and Word 2003 XML
documents (runs joined, styles not text, w:binData parts as children;
Tika's testWORD2003.xml). Found on the SheetJS
test_files 2011/*.xls.xml workbooks (rich_text_stress.xlsx.xml: "this
text is <Font>stricken</Font> sure enough" split over three lines).
Fixtures come from tests/gen/gen_xmlss.py into a temporary directory."""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_xmlss  # noqa: E402


class XmlSpreadsheet(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "xmlss")
        cls.exp = gen_xmlss.generate(cls.dir)
        os.remove(os.path.join(cls.dir, "expect.json"))
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [cls.dir])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_text(self):
        for name, exp in self.exp.items():
            p = lsutil.run(["text", os.path.join(self.dir, name)])
            self.assertEqual(p.returncode, 0, p.stderr)
            t = p.stdout.decode("utf-8")
            for s in exp["present"]:
                self.assertIn(s, t, "%s: %r missing" % (name, s))
            for s in exp["absent"]:
                self.assertNotIn(s, t, "%s: %r present" % (name, s))

    def test_records(self):
        for name, handler in (("export.xls", "xml"), ("export.xml", "xml"),
                              ("export_tsv.xls", "csv"), ("wordml.doc", "xml")):
            o = self.m.obj(os.path.join(self.dir, name))
            self.assertEqual(o["handler"], handler, name)
            self.assertEqual(o["coverage"], "full", o["errors"])
            self.assertFalse(o["ext_mismatch"], name)
            self.assertEqual(o["alerts"], [], name)
            self.assertIn("ssn", lsutil.entities(o), "%s: %s" % (name, o["findings"]))

    def test_word_embedded_part(self):
        # w:binData is decoded and handed on, named by w:name
        o = self.m.obj(os.path.join(self.dir, "wordml.doc"), ["wordml://notes.txt"])
        self.assertIn("email", lsutil.entities(o), o)
        root = self.m.obj(os.path.join(self.dir, "wordml.doc"))
        self.assertEqual(root["children"], 1)


if __name__ == "__main__":
    unittest.main()
