#!/usr/bin/env python3
"""Quirks found in an eighth sweep of other projects' test PDFs (pdfium,
pikepdf, pdfcpu, hexapdf, pdf-lib, veraPDF-corpus, camelot, tabula-java,
PyMuPDF, OCRmyPDF), on small look-alikes made by
tests/gen/gen_realsweep8.py."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweeputil  # noqa: E402  (tests/gen on sys.path)
from sweeputil import lsutil  # noqa: E402
import gen_realsweep8  # noqa: E402


class RealSweep8(sweeputil.RealTree):
    GEN = gen_realsweep8
    HANDLER = "pdf"
    NO_ERRORS = True

    def test_standard_font_without_widths_times(self):
        o = self.full("std14_times.pdf")
        t = self.text("std14_times.pdf")
        # the pieces of one word stay one word ...
        self.assertIn("In its assessment of exposure to birds\n", t)
        # ... and words set apart by position alone stay apart
        self.assertIn("filling illicit bills SSN: 536-22-1874\n", t)
        self.assertIn("\nfilling illicit bills", t)
        self.assertNotIn("ex posure", t)
        self.assertNotIn("billsSSN", t)
        self.assertIn("ssn", lsutil.entities(o))

    def test_standard_font_without_widths_helvetica_bold(self):
        self.full("std14_helvetica.pdf")
        self.assertIn("MAXWELL JANE", self.text("std14_helvetica.pdf"))

    def ligature(self, name):
        o = self.full(name)
        t = self.text(name)
        # the space drawn over the ligature separates nothing ...
        self.assertIn("Staff record of the effective date 2024-03-01\n", t)
        self.assertNotIn("eff ective", t)
        # ... a space after the last glyph still does
        self.assertIn("Employee Jane Roe SSN 536-22-1874", t)
        self.assertIn("ssn", lsutil.entities(o))

    def test_space_over_ligature_differences(self):
        self.ligature("ligature_space.pdf")

    def test_space_over_ligature_tounicode(self):
        self.ligature("ligature_space_tu.pdf")

    def test_actualtext_spans(self):
        o = self.full("actualtext.pdf")
        t = self.text("actualtext.pdf")
        # Skia's tabular figures: each digit's text is its span's /ActualText
        self.assertIn("Operating Cash 14,918,000\n", t)
        self.assertIn("SSN 536221874\n", t)
        self.assertNotIn(",,", t)
        # a property list named in /Properties
        self.assertIn("Account no. 4417\n", t)
        # a span that draws nothing adds nothing
        self.assertNotIn("Phantom", t)
        self.assertIn("\nClosing\n", t)
        # glyphs that say more than the /ActualText are kept after it
        self.assertIn("Notes Memo SSN 078-05-1120", t)
        self.assertIn("ssn", lsutil.entities(o))
        self.assertIn("1874", lsutil.last4s(o, "ssn"))

    def test_listbox_options(self):
        o = self.full("listbox.pdf")
        t = self.text("listbox.pdf")
        # every option of a list box without an appearance stream
        for opt in ("Jane Roe 536-22-1874", "John Doe 078-05-1120", "Acme Payroll",
                    "Jane Roe (jroe@example.com)", "Richard Smith"):
            self.assertIn(opt + "\n", t)
        self.assertIn("1874", lsutil.last4s(o, "ssn"))
        self.assertIn("email", lsutil.entities(o))
        # a combo box: its value only; a drawn box: what it draws
        self.assertIn("Combo North\n", t)
        self.assertNotIn("Combo South", t)
        self.assertIn("Drawn Option One", t)
        self.assertNotIn("Hidden Option Two", t)

    def test_unicode_cmap_without_tounicode(self):
        o = self.full("unigb_utf16.pdf")
        t = self.text("unigb_utf16.pdf")
        for line in gen_realsweep8.UTF16_LINES:
            self.assertIn(line, t)
        self.assertNotIn("SOOXXXXTXT", t)
        self.assertIn("1874", lsutil.last4s(o, "ssn"))

    def test_empty_owner_password_opens(self):
        for name in ("owner_empty_r6.pdf", "owner_empty_r5.pdf", "owner_empty_rc4.pdf",
                     "owner_empty_aes128.pdf"):
            with self.subTest(name=name):
                o = self.full(name)
                self.assertNotIn("encrypted", o["alerts"])
                t = self.text(name)
                self.assertIn("Title: Locked payroll\n", t)
                self.assertIn("Jane Roe SSN " + gen_realsweep8.SSN_OWNER, t)
                self.assertIn(gen_realsweep8.SSN_OWNER[-4:], lsutil.last4s(o, "ssn"))

    def test_owner_password_set_stays_encrypted(self):
        for name in ("both_passwords_r6.pdf", "both_passwords_rc4.pdf"):
            with self.subTest(name=name):
                o = self.m.obj(self.p(name))
                self.assertEqual(o["coverage"], "none")
                self.assertIn("encrypted", o["coverage_reasons"])
                self.assertIn("encrypted", o["alerts"])
                self.assertNotIn("ssn", lsutil.entities(o))


if __name__ == "__main__":
    unittest.main()
