#!/usr/bin/env python3
"""Quirks found sweeping other projects' test documents (PHPOffice,
pandoc, calamine), on small look-alikes made by tests/gen/gen_realsweep.py."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweeputil  # noqa: E402  (tests/gen on sys.path)
from sweeputil import lsutil  # noqa: E402
import gen_realsweep  # noqa: E402


class RealSweep(sweeputil.RealTree):
    GEN = gen_realsweep

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

    def test_utf32(self):
        o = self.m.obj(self.p("utf32le.csv"))
        self.assertEqual(o["handler"], "csv")
        self.assertEqual(o["coverage"], "full", o["errors"])
        self.assertIn("ssn", lsutil.entities(o), o["findings"])
        self.assertIn("email", lsutil.entities(o), o["findings"])
        t = self.text("utf32le.csv")
        self.assertIn("José Müller,536-22-1874,jose.mueller@example.org", t)
        o = self.m.obj(self.p("utf32be-bom.txt"))
        self.assertEqual(o["handler"], "text")
        self.assertIn("ssn", lsutil.entities(o), o["findings"])
        t = self.text("utf32be-bom.txt")
        self.assertIn("Payroll contact: Name SSN E-mail", t)
        self.assertIn("Zoë Tanaka 078-05-1121 zoe.tanaka@example.org", t)
        self.assertNotIn("\0", t)
        # small integers with the same zero bytes are not text
        o = self.m.obj(self.p("ints.dat"))
        self.assertNotEqual(o["handler"], "text")
        self.assertEqual(o["text_bytes"], 0)

    def test_xmlss_validation(self):
        o = self.m.obj(self.p("validation.xml"))
        self.assertEqual(o["coverage"], "full", o["errors"])
        self.assertIn("ssn", lsutil.entities(o), o["findings"])
        self.assertIn("email", lsutil.entities(o), o["findings"])
        t = self.text("validation.xml")
        self.assertIn('validation: "Approved,Rejected,Escalated to 536-22-1874"\n', t)
        self.assertIn("validation message: Claim status\n", t)
        self.assertIn("validation message: Questions: claims.desk@example.org\n", t)
        self.assertIn("validation message: Pick a status from the list", t)
        self.assertNotIn("R2C2", t)  # the range and type are not text
        self.assertNotIn("List", t)

    def test_pdf_short_length(self):
        o = self.m.obj(self.p("short-length.pdf"))
        self.assertEqual(o["handler"], "pdf")
        self.assertIn("ssn", lsutil.entities(o), o["findings"])
        t = self.text("short-length.pdf")
        self.assertIn("Payroll contact", t)
        self.assertIn("Jane Roe SSN 536-22-1874", t)

    def test_pdf_cid_without_tounicode(self):
        o = self.m.obj(self.p("cid-no-tounicode.pdf"))
        self.assertEqual(o["coverage"], "full", o["errors"])
        for ent in ("ssn", "email"):
            self.assertIn(ent, lsutil.entities(o), o["findings"])
        t = self.text("cid-no-tounicode.pdf")
        self.assertIn("Jane Roe SSN 536-22-1874", t)  # the font's cmap
        self.assertIn("jane.roe@example.org", t)  # through CIDToGIDMap
        self.assertIn("Tel 03-5555-0199 sato.k@example.jp", t)  # Adobe-Japan1 ASCII

    def test_part_name_case(self):
        o = self.m.obj(self.p("case-parts.xlsb"))
        self.assertEqual(o["coverage"], "full", o["errors"])
        t = self.text("case-parts.xlsb")
        self.assertIn("Jane Roe\t536221874\t1980-01-01", t)
        o = self.m.obj(self.p("case-parts.xlsx"))
        self.assertEqual(o["coverage"], "full", o["errors"])
        self.assertIn("ssn", lsutil.entities(o), o["findings"])
        t = self.text("case-parts.xlsx")
        self.assertIn("Jane Roe\tSSN 536-22-1874", t)

    def test_xmlss_blank_prolog_html_entities(self):
        o = self.m.obj(self.p("entities.xml"))
        self.assertEqual(o["handler"], "xml")
        self.assertIn("ssn", lsutil.entities(o), o["findings"])
        t = self.text("entities.xml")
        self.assertIn("sheet: Staff\n", t)
        self.assertIn("Jürgen Müller\t536-22-1874", t)
        self.assertIn("Τελé\t078-05-1121", t)

    def test_pdf_jis_h_cmap(self):
        o = self.m.obj(self.p("jis-h.pdf"))
        self.assertEqual(o["coverage"], "full", o["errors"])
        t = self.text("jis-h.pdf")
        self.assertIn("Employee 山田太郎", t)

    def test_sylk(self):
        o = self.m.obj(self.p("staff.slk"))
        self.assertEqual(o["coverage"], "full", o["errors"])
        t = self.text("staff.slk")
        self.assertIn("Name\tSSN\tNotes\t\n", t)
        self.assertIn('Jane Roe\t536221874\tCall "Jane" first; HR only\t\n', t)
        self.assertIn("HR: ask payroll.desk@example.org\n", t)  # the comment, after its row
        self.assertIn("John Doe\t78051121", t)
        self.assertNotIn("C;X2", t)
        self.assertIn("email", lsutil.entities(o), o["findings"])
        # the header labels the bare number: an SSN under "SSN"
        self.assertIn("ssn", lsutil.entities(o), o["findings"])
        t = self.text("ansi.slk")
        self.assertIn("Name\tCity\t\nJürgen Müller\tKöln\t\n", t)


if __name__ == "__main__":
    unittest.main()
