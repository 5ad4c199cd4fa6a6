#!/usr/bin/env python3
"""The twentieth session's PDF cases (a sweep of pdfium's, PDFBox's,
poppler's and veraPDF's test files), on small files made by
tests/gen/gen_pdf20.py."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweeputil  # noqa: E402  (tests/gen on sys.path)
from sweeputil import lsutil  # noqa: E402
import gen_pdf20  # noqa: E402


class Pdf20(sweeputil.RealTree):
    GEN = gen_pdf20
    HANDLER = "pdf"
    NO_ERRORS = True

    def test_soft_hyphens(self):
        o = self.full("softhyphen.pdf")
        t = self.text("softhyphen.pdf")
        # every SSN broken by a soft hyphen or at a line end is found whole
        self.assertEqual(lsutil.last4s(o, "ssn"),
                         sorted(lsutil.last4(v) for v in self.key["softhyphen.pdf"]))
        for v in self.key["softhyphen.pdf"]:
            self.assertIn(v, t)
        # between letters a soft hyphen is a break inside the word
        self.assertIn("Premises leased by McDonald Holdings", t)
        self.assertIn("j.doe@example.org", t)
        self.assertIn("email", lsutil.entities(o))
        # an ASCII hyphen before a capital keeps both lines
        self.assertIn("Smith-\nJones", t)

    def test_short_length_filtered(self):
        """Filtered data past a short /Length (unencrypted) is read to
        endstream: both pages' SSNs, the whole file full."""
        o = self.full("short_length.pdf")
        t = self.text("short_length.pdf")
        self.assertIn("Payroll export, employee SSN", t)
        self.assertIn("closes the list", t)
        self.assertEqual(lsutil.last4s(o, "ssn"),
                         sorted(lsutil.last4(v) for v in self.key["short_length.pdf"]))


if __name__ == "__main__":
    unittest.main()
