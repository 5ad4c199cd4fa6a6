#!/usr/bin/env python3
"""A date of birth with a month word and a two-digit year, day first
("DOB: 14-Mar-75": Oracle's DD-MON-RR, as SQL*Plus spools and exp dumps
print dates; src/scan/validate.c loc_dob_words()). Month first with a
two-digit year ("Jan 5, 75") and impossible dates stay out."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

TEXT = {
    "spool.txt": b"EMP_NAME   DATE_OF_BIRTH\nJane Roe   DOB: 14-MAR-75\nDate of birth: 3 Sep 81\n",
    "decoy.txt": b"DOB: Jan 5, 75\nDate of birth: 31-FEB-75\nDOB: 14-Mar-\n",
}


class DobWords2(lsutil.FilesTree):
    FILES = TEXT

    def dob(self, name):
        return self.count(name, "dob")

    def test_two_digit_year(self):
        self.assertEqual(self.dob("spool.txt"), 2)

    def test_decoys(self):
        self.assertEqual(self.dob("decoy.txt"), 0)


if __name__ == "__main__":
    unittest.main()
