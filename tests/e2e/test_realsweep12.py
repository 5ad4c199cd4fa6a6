#!/usr/bin/env python3
"""Real workbooks' quirks (tests/gen/gen_realsweep12.py): header rows with
year and date columns or a year in a heading label the columns beside
them, the header under a row of group headings or below a small table
replaces them, and a one-column list has its label, so bare nine-digit
SSNs under "SSN" are found, and those that lost their leading zeros to a
number cell are read with them; a record is still no header. Bare BIFF streams (Excel 2.1-4.0 worksheets, web applications'
BIFF5 exports) are read as spreadsheets, and so are CSV files with Excel's
"sep=" line and Excel's UTF-16 "Unicode Text"."""
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweeputil  # noqa: E402  (tests/gen on sys.path)
from sweeputil import lsutil  # noqa: E402
import gen_realsweep12  # noqa: E402


class RealSweep12(sweeputil.RealTree):
    GEN = gen_realsweep12

    def test_ssn_columns_labelled(self):
        for name, spec in sorted(self.key.items()):
            with self.subTest(name=name):
                o = self.m.obj(self.p(name))
                self.assertEqual(o["coverage"], "full", o.get("errors"))
                # distinct values: two rules may report the same SSN (a one-column
                # sheet's "SSN" header over its value is pii_ssn_typed_national_id's
                # form-field shape as well as pii_ssn_context's column label)
                ev = {e["fingerprint"]: e["redacted"] for f in o["findings"] if f["entity"] == "ssn"
                      for e in f["evidence"]}
                got = sorted(re.sub(r"\D", "", v)[-4:] for v in ev.values())
                self.assertEqual(got, sorted(spec["ssn"]), o["findings"])

    def test_raw_biff(self):
        for name in sorted(n for n, spec in self.key.items() if spec.get("biff")):
            with self.subTest(name=name):
                o = self.m.obj(self.p(name))
                self.assertEqual(o["handler"], "biff")
                self.assertIn("email", lsutil.entities(o))
                t = self.text(name)
                self.assertIn("Mary Major\t287341196\tmary@example.com\t2019-04-01", t)
        self.assertIn("ROE, JANE", self.text("biff2.xls"))  # a formula's string result

    def test_excel_csv_dialects(self):
        for name in sorted(n for n, spec in self.key.items() if spec.get("csv")):
            with self.subTest(name=name):
                o = self.m.obj(self.p(name))
                self.assertEqual(o["handler"], "csv")
                self.assertIn("SSN: 412556781", self.text(name))
        self.assertNotIn("sep=;: ", self.text("sep.csv"))  # the "sep=" line is no header

    def test_label_lines(self):
        t = self.text("hdr_months.xlsx")
        self.assertIn("SSN: 536221874", t)
        self.assertNotIn("2023-01-01: ", t)  # a date heading labels nothing
        t = self.text("hdr_fy.xlsx")
        self.assertIn("Social Security #: 412556781", t)
        self.assertNotIn("Jane Roe: ", self.text("hdr_record.xlsx"))
        t = self.text("hdr_zeros.xlsx")
        self.assertIn("SSN: 041255678", t)
        self.assertIn("SSN: 005512345", t)
        self.assertNotIn("Zip: 0", t)  # only an SSN column gets zeros back
        t = self.text("hdr_group.xlsx")
        self.assertIn("SSN: 287341196", t)
        self.assertNotIn("Employee: ", t)


if __name__ == "__main__":
    unittest.main()
