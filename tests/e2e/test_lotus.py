#!/usr/bin/env python3
"""Lotus 1-2-3 and Quattro Pro worksheets (src/extract/lotus.c) on files
made by tests/gen/gen_lotus.py: numbers stored as doubles, 80-bit reals and
packed integers are read as the sheet shows them, cells written column by
column come out row by row, so an SSN typed as a number is found under its
"SSN" header; dates, LMBCS text, formula string results, comments and page
headers are read; a cut file is partial."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_lotus  # noqa: E402


class Lotus(lsutil.KeyedHandlerTree):
    GEN = gen_lotus
    HANDLER = "lotus"

    def test_release2_rows_dates_and_formula_strings(self):
        t = self.text("staff.wk1")
        self.assertTrue(t.startswith("[Sheet: A]\nName\tSSN\tDate of birth\tPhone\tE-mail\n"), t)
        self.assertIn("Jane Roe\t536221874\t1975-03-14\t(312) 746-2291\tjane.roe@example-corp.com\n", t)
        self.assertIn("SSN: 536221874", t)
        self.assertIn("[Header] Personnel file - HR only\n", t)
        # the raw file holds the SSN as a double: no digits to find
        with open(self.p("staff.wk1"), "rb") as f:
            self.assertNotIn(b"536221874", f.read())

    def test_release3_numbers_lmbcs_names_and_comments(self):
        t = self.text("staff.wk3")
        self.assertTrue(t.startswith("[Sheet: Payroll]\nName\tSSN\tEmp no\tPhone\tMail\n"), t)
        self.assertIn("Jürgen Müller\t536221874\t4711\t3127462291\tj.mueller@example-corp.com\n", t)
        self.assertIn("Ana Lima\t212447781\t80412\n", t)
        self.assertIn("[Comment sheet 1 row 3 col 1] call back ana.lima@example-corp.com\n", t)

    def test_quattro_for_windows(self):
        self.assertIn("Jane Roe\t536221874\n", self.text("staff.wb2"))

    def test_cut_file_keeps_what_came_before(self):
        t = self.text("staff_cut.wk1")
        self.assertIn("536221874", t)
        self.assertNotIn("1975-03-14", t)


if __name__ == "__main__":
    unittest.main()
