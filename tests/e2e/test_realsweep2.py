#!/usr/bin/env python3
"""Quirks found in a second sweep of other projects' test documents
(SheetJS test_files, xlrd, qpdf, mammoth, docx4j), on small look-alikes
made by tests/gen/gen_realsweep2.py."""
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweeputil  # noqa: E402  (tests/gen on sys.path)
from sweeputil import lsutil  # noqa: E402
import gen_realsweep2  # noqa: E402


class RealSweep2(sweeputil.RealTree):
    GEN = gen_realsweep2

    def test_biff5_codepage(self):
        # BIFF5 strings are bytes in the CODEPAGE record's code page
        for name in ("biff5-cp1251.xls", "biff5-mac.xls", "biff5-mac32768.xls", "biff5-cp932.xls"):
            o = self.m.obj(self.p(name))
            self.assertEqual(o["handler"], "ole2", name)
            self.assertEqual(o["coverage"], "full", o["errors"])
        t = self.text("biff5-cp1251.xls")
        self.assertIn("[Sheet: Сотрудники]\n", t)
        self.assertIn("ФИО\tСНИЛС\tСумма\n", t)
        self.assertIn("Иванов Пётр\tSSN 536-22-1874\t1 234 567,89 р.", t)
        self.assertIn("written by: Петрова Анна\n", t)  # WRITEACCESS comes before CODEPAGE
        self.assertIn("ssn", lsutil.entities(self.m.obj(self.p("biff5-cp1251.xls"))))
        t = self.text("biff5-mac.xls")
        self.assertIn("[Sheet: Übersicht]\n", t)
        self.assertIn("Jürgen Müller\tSøren Ødegård 536-22-1874", t)
        t = self.text("biff5-mac32768.xls")
        self.assertIn("Hélène Côté\tdéjà vu à l'été", t)
        t = self.text("biff5-cp932.xls")
        self.assertIn("[Sheet: 社員]\n", t)
        self.assertIn("山田太郎\tyamada.taro@example.jp", t)
        self.assertIn("email", lsutil.entities(self.m.obj(self.p("biff5-cp932.xls"))))

    def test_flat_odf(self):
        # one XML file, root office:document: read as the package's parts
        o = self.m.obj(self.p("staff.fods"))
        self.assertEqual(o["handler"], "odf")
        self.assertEqual(o["coverage"], "full", o["errors"])
        t = self.text("staff.fods")
        self.assertIn("creator: Payroll Desk\n", t)
        self.assertIn("sheet: Staff\nName\tSSN\nJane Roe\t536221874\nJohn Doe\t78051121\n", t)
        self.assertIn("SSN: 536221874", t)  # the header labels the bare number
        self.assertIn("ssn", lsutil.entities(o), o["findings"])
        self.assertNotIn("VisibleAreaTop", t)  # settings are not text
        self.assertNotIn("Liberation Serif", t)
        o = self.m.obj(self.p("memo.fodt"))
        self.assertEqual(o["handler"], "odf")
        self.assertIn("macro", o["alerts"])
        t = self.text("memo.fodt")
        self.assertIn("initial-creator: Jane Roe\n", t)
        self.assertIn("Confidential: HR only\n", t)  # the page header
        self.assertIn("Memo\nContact Jane Roe, SSN 536-22-1874, jane.roe@example.org.\n", t)
        self.assertIn('pwd = "Hunter2-Payroll"', t)  # the Basic module's code
        self.assertIn("Spouse SSN 078-05-1121 .", t)  # a hidden variable, not run into "Spouse"
        self.assertNotIn("iVBORw0KGgo", t)  # the picture's base64 is not text
        for ent in ("ssn", "email"):
            self.assertIn(ent, lsutil.entities(o), o["findings"])
        # the root 6 KB in, after a long comment: still flat ODF
        o = self.m.obj(self.p("memo-comment.fodt"))
        self.assertEqual(o["handler"], "odf")
        self.assertIn("ssn", lsutil.entities(o), o["findings"])
        # the empty "Standard" library LibreOffice writes everywhere is no macro
        o = self.m.obj(self.p("memo-nomacro.fodt"))
        self.assertEqual(o["handler"], "odf")
        self.assertEqual(o["alerts"], [])
        self.assertEqual(o["coverage"], "full", o["errors"])


    def test_master_page_frames(self):
        # text typed on a presentation's master page shows on every slide
        for name in ("deck.fodp", "deck.odp"):
            o = self.m.obj(self.p(name))
            self.assertEqual(o["handler"], "odf", name)
            self.assertEqual(o["coverage"], "full", o["errors"])
            self.assertIn("email", lsutil.entities(o), o["findings"])
            t = self.text(name)
            self.assertIn("PRIVILEGED AND CONFIDENTIAL: questions to counsel.desk@example.org\n", t)
            self.assertIn("Quarterly numbers\n", t)


    def test_pdf_differences_glyph_names(self):
        o = self.m.obj(self.p("differences.pdf"))
        self.assertEqual(o["coverage"], "full", o["errors"])
        for ent in ("ssn", "email"):
            self.assertIn(ent, lsutil.entities(o), o["findings"])
        t = self.text("differences.pdf")
        self.assertIn("Zaměstnanec: Jiří Dvořák, rodné číslo 536-22-1874, uzavřela smlouvu\n", t)
        self.assertIn("Сотрудник: Иванов Пётр, jane.roe@example.org\n", t)
        self.assertIn("Υπάλληλος: Γιάννης Παπαδόπουλος\n", t)
        self.assertIn("Manager Jane\n", t)  # "a.sc" is an a

    def test_rtf_field_and_fallback_tab(self):
        o = self.m.obj(self.p("fields.rtf"))
        self.assertEqual(o["coverage"], "full", o["errors"])
        t = self.text("fields.rtf")
        self.assertIn("Contact: HYPERLINK mailto:jane.roe@example.org Jane Roe today.\n", t)
        self.assertIn("Ref\u2116\t536-22-1874\n", t)  # one tab was \u8470's fallback
        for ent in ("ssn", "email"):
            self.assertIn(ent, lsutil.entities(o), o["findings"])

    def test_pdf_flate_checksum_not_checked(self):
        o = self.m.obj(self.p("bad-adler.pdf"))
        self.assertEqual(o["coverage"], "full", o["errors"])
        self.assertIn("ssn", lsutil.entities(o), o["findings"])
        self.assertIn("Payroll contact: Jane Roe, SSN 536-22-1874\n", self.text("bad-adler.pdf"))

    def test_xlsx_scenario(self):
        o = self.m.obj(self.p("scenario.xlsx"))
        self.assertEqual(o["handler"], "ooxml")
        self.assertEqual(o["coverage"], "full", o["errors"])
        for ent in ("ssn", "email"):
            self.assertIn(ent, lsutil.entities(o), o["findings"])
        t = self.text("scenario.xlsx")
        self.assertIn("scenario: Layoffs Q3\nscenario by: Jane Roe\n"
                      "scenario comment: Created by jane.roe@example.org\n"
                      "scenario value: John Doe\nscenario value: SSN 536-22-1874\n", t)

    def test_glyph_table_current(self):
        # src/extract/pdf_glyphs.h is what scripts/gen_glyphnames.py makes
        r = subprocess.run([sys.executable, os.path.join(lsutil.SRC, "scripts", "gen_glyphnames.py"), "--check",
                            os.path.join(lsutil.SRC, "src", "extract", "pdf_glyphs.h")])
        self.assertEqual(r.returncode, 0, "run scripts/gen_glyphnames.py")


if __name__ == "__main__":
    unittest.main()
