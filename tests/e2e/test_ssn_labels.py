#!/usr/bin/env python3
"""An SSN column named in snake case (emp_ssn, ssn_full: database columns,
CSV exports of them) labels its bare 9-digit values (rules/mkpack.py, the
SSN context words: "_ssn" as well as a word "ssn"); realsweep12 found such
headers giving nothing. A word merely ending in "ssn" does not."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

FILES = {
    "staff.csv": b"name,emp_ssn,ssn_full,dept\nJane Roe,536221874,536221875,HR\n",
    "staff.sql": b"INSERT INTO staff (name, emp_ssn) VALUES ('Jane Roe', 536221876);\n",
    "decoy.txt": b"glassnumber 536221877; class_ssnx 536221878\n",
}


class SsnLabels(lsutil.FilesTree):
    FILES = FILES

    def ssn(self, name):
        return self.count(name, "ssn")

    def test_snake_case_columns(self):
        self.assertEqual(self.ssn("staff.csv"), 2)
        self.assertEqual(self.ssn("staff.sql"), 1)

    def test_decoys(self):
        self.assertEqual(self.ssn("decoy.txt"), 0)


if __name__ == "__main__":
    unittest.main()
