#!/usr/bin/env python3
"""Quirks found in a third sweep of other projects' test documents
(textract, XlsxWriter, PhpSpreadsheet, PHPWord, pandoc, msg-extractor,
pdfplumber, pdfminer.six), on small look-alikes made by
tests/gen/gen_realsweep3.py."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweeputil  # noqa: E402  (tests/gen on sys.path)
from sweeputil import lsutil  # noqa: E402
import gen_realsweep3  # noqa: E402


class RealSweep3(sweeputil.RealTree):
    GEN = gen_realsweep3

    def test_pdf_word_gaps(self):
        o = self.m.obj(self.p("spacing.pdf"))
        self.assertEqual(o["handler"], "pdf")
        self.assertEqual(o["coverage"], "full", o["errors"])
        t = self.text("spacing.pdf")
        # Quartz: a gap of Tc, pulled back by the TJ offset, is no gap
        self.assertIn("Employee SSN 2 536-22-1874\n", t)
        self.assertIn("ssn", lsutil.entities(o), o["findings"])
        # justified: 0.17 em by TJ, or the Tc alone, separates words
        self.assertIn("Generally, very few payroll records name Jane Roe\n", t)
        self.assertIn("Payroll contact Jane Roe\n", t)

    def test_docx_tracked_changes_inside_words(self):
        o = self.m.obj(self.p("tracked.docx"))
        self.assertEqual(o["handler"], "ooxml")
        self.assertEqual(o["coverage"], "full", o["errors"])
        t = self.text("tracked.docx")
        # the paragraph as it now reads, whole; its earlier reading after it
        self.assertIn("Employee SSN 536-22-1874, mail jane.roe@example.org\n"
                      "tracked change by: HR Desk\n"
                      "before tracked changes: Employee SSN 536-22-1974, mail jane.roe@exa.org\n", t)
        # in a table: the row stays one line, the lines follow the row
        self.assertIn("Spouse SSN\t078-05-1121\ntracked change by: Payroll Lead\n"
                      "before tracked changes: 078-05-1112\nPhone\t555-0100\n", t)
        ssn = lsutil.entities(o).get("ssn")
        self.assertIsNotNone(ssn, o["findings"])
        got = {e["redacted"][-4:] for e in ssn["evidence"]}
        self.assertTrue({"1874", "1974"} <= got, got)

    def test_rtf_tracked_changes(self):
        o = self.m.obj(self.p("tracked.rtf"))
        self.assertEqual(o["handler"], "rtf")
        self.assertEqual(o["coverage"], "full", o["errors"])
        t = self.text("tracked.rtf")
        self.assertIn("Employee SSN 536-22-1874, mail jane.roe@example.org\n"
                      "before tracked changes: Employee SSN 536-22-1974, mail jane.roe@exa.org\n", t)
        self.assertIn("Spouse SSN\t078-05-1121", t)
        self.assertIn("before tracked changes: Spouse SSN\t078-05-1112\n", t)
        # a deleted paragraph mark joins the paragraphs as the document shows them
        self.assertIn("Closing line.\nbefore tracked changes: Closing \nold paragraph line.\n", t)
        got = {e["redacted"][-4:] for e in lsutil.entities(o).get("ssn", {}).get("evidence", [])}
        self.assertTrue({"1874", "1974"} <= got, o["findings"])

    def test_doc_tracked_changes(self):
        o = self.m.obj(self.p("tracked.doc"))
        self.assertEqual(o["handler"], "ole2")
        self.assertEqual(o["coverage"], "full", o["errors"])
        t = self.text("tracked.doc")
        self.assertIn("Employee SSN 536-22-1874, mail jane.roe@example.org\n"
                      "before tracked changes: Employee SSN 536-22-1974, mail jane.roe@exa.org\n", t)
        self.assertIn("Spouse SSN\t078-05-1121\t\n"
                      "before tracked changes: Spouse SSN\t078-05-1112\nClosing line.\n", t)
        got = {e["redacted"][-4:] for e in lsutil.entities(o).get("ssn", {}).get("evidence", [])}
        self.assertTrue({"1874", "1974"} <= got, o["findings"])

    def test_deletion_past_the_before_line_cap(self):
        # review: a deletion longer than the 64 KiB a before line holds lost
        # its end (the deleted SSN) in docx, rtf and doc alike
        for name in ("deleted_big.docx", "deleted_big.rtf", "deleted_big.doc"):
            o = self.m.obj(self.p(name))
            with self.subTest(name=name):
                self.assertEqual(o["coverage"], "full", o["errors"])
                got = {e["redacted"][-4:] for e in lsutil.entities(o).get("ssn", {}).get("evidence", [])}
                self.assertEqual(got, {gen_realsweep3.SSN_DEL_BIG[-4:]}, o["findings"])
                t = self.text(name)
                self.assertEqual(t.count(gen_realsweep3.SSN_DEL_BIG), 1)
                self.assertEqual(t.count(gen_realsweep3.DEL_FILLER % 1699), 1)  # nothing twice, nothing lost
                self.assertIn("before tracked changes: ", t)


if __name__ == "__main__":
    unittest.main()
