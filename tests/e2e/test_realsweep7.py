#!/usr/bin/env python3
"""Quirks found in a seventh sweep of other projects' test spreadsheets
(readxl, tidyxl, roo, spreadsheet-parseexcel, libxls, zdavatz/spreadsheet,
excelize, tealeg/xlsx, ClosedXML, EPPlus, docx2python, officeParser), on
small look-alikes made by tests/gen/gen_realsweep7.py."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweeputil  # noqa: E402  (tests/gen on sys.path)
from sweeputil import lsutil  # noqa: E402
import gen_realsweep7  # noqa: E402


class RealSweep7(sweeputil.RealTree):
    GEN = gen_realsweep7

    def test_ampersand_in_attributes(self):
        self.full("ampname.xlsx", "ooxml")
        t = self.text("ampname.xlsx")
        self.assertIn("sheet: R&D Payroll\n", t)
        self.assertIn("sheet: Q&A\n", t)
        self.assertIn("https://hr.example.com/view?staff=4471&report=payroll", t)
        self.assertNotIn("&#38;", t)
        # the indentation around an inline string's run is no text
        self.assertIn("Badge 4471", t)

    def test_elapsed_time_formats(self):
        self.full("elapsed.xlsx", "ooxml")
        t = self.text("elapsed.xlsx")
        self.assertIn("Shift total\t28:30:45", t)  # [h]:mm:ss
        self.assertIn("Overtime\t33:45:00", t)     # [H]:MM, was "1900-01-01"
        self.assertIn("Week\t60:00:00", t)         # built-in 46
        self.assertIn("Badge\t4471", t)            # [Magenta]0 is a colour
        self.assertNotIn("1900-01", t)

    def test_properties_past_ascii_stay_whole(self):
        self.full("props.xlsx", "ooxml")
        t = self.text("props.xlsx")
        self.assertIn("creator: Jan Havlíček\n", t)
        self.assertIn("lastModifiedBy: Kinderspital Zürich IT\n", t)
        self.assertIn("Company: Kinderspital Zürich\n", t)
        self.assertIn("HeadingPairs: Arbeitsblätter\n", t)
        self.assertIn("TitlesOfParts: Städte Übersicht\n", t)
        self.assertIn("\nJan Källman\n", t)
        self.assertIn("\nKatelyn A O’Brien\n", t)
        self.assertIn("\ngrenzüb. Vers.\n", t)
        self.assertIn("Check the spelling", t)

    def test_parts_at_the_package_root(self):
        o = self.full("rootparts.xlsx", "ooxml")
        t = self.text("rootparts.xlsx")
        self.assertIn("sheet: Sheet1\n", t)
        self.assertIn("ARREST BOOKINGS for 01/30/17\t\n", t)
        # each row one line, the date of birth a date
        self.assertIn("4894831\tCAMPOS\tCARLOS\t1985-02-25\t7347 HASKELL AV VAN NUYS CA\t\n", t)
        self.assertIn("4894832\tSALDIVAR\tANTHONY\t1987-06-12\t3104 CALSTONE CIR", t)
        self.assertNotIn(str(gen_realsweep7.DOB_SERIAL), t)
        self.assertIn("dob", lsutil.entities(o))

    def test_ods_value_said_once(self):
        self.full("values.ods", "odf")
        t = self.text("values.ods")
        self.assertIn("2007-05-07\t10,75\t12,50\t0\tTask 1\n", t)
        # a different spelling keeps the value beside the shown text
        self.assertIn("1980-01-01 1/1/80\t9,25\t1234.5 1,234.50\t0\tJane Roe DOB\n", t)


if __name__ == "__main__":
    unittest.main()
