#!/usr/bin/env python3
"""dBASE / FoxPro tables (src/extract/dbf.c) on files made by
tests/gen/gen_dbf.py: values that are PII only by their field's name (an
SSN stored as a number, a date of birth in a D field) are found through the
header row's labels, deleted records are read, a shapefile's attribute
table stays clean, damaged copies are partial, an encrypted one unread."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_dbf  # noqa: E402


class Dbf(lsutil.KeyedHandlerTree):
    GEN = gen_dbf
    HANDLER = "dbf"

    def test_rows_and_labels(self):
        t = self.text("staff.dbf")
        self.assertTrue(t.startswith("EMPNO\tLASTNAME\tFIRSTNAME\tSSN\tDOB\tPHONE\tSALARY\tEMAIL\tACTIVE\n"), t)
        # Windows-1252 (language driver 0x57), a D field as an ISO date
        self.assertIn("E1001\tMüller\tJürgen\t536221874\t1975-03-14\t(312) 746-2291\t84250.00\t"
                      "j.mueller@example-corp.com\tT\n", t)
        # a deleted record is still in the file: read after the live ones
        self.assertIn("[deleted records]\nE0999\tReyes\tCarmen\t212447781\t1968-01-02\t", t)
        self.assertIn("SSN: 536221874\tDOB: 1975-03-14", t)

    def test_only_the_fields_make_the_values(self):
        # the raw record runs the fields together: no label next to the
        # number, and the salary glued to the address
        with open(self.p("staff.dbf"), "rb") as f:
            raw = f.read()
        self.assertIn(b"536221874" + b"19750314", raw)
        self.assertIn(b"84250.00j.mueller@", raw)
        o = self.m.obj(self.p("staff.dbf"))
        self.assertEqual(self.redacted(o, "email"), ["j***@example-corp.com"])  # not "8***@..."

    def test_visual_foxpro_binary_fields_and_cp1251(self):
        t = self.text("payroll_vfp.dbf")
        self.assertIn("40017\tИванова Мария Петровна\t+7 495 123-45-67\t125000.5000\t2010-01-01\t1.25\t1979-05-03\n", t)


if __name__ == "__main__":
    unittest.main()
