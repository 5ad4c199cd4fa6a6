#!/usr/bin/env python3
"""A date of birth with a month word and a two-digit year, day first
("DOB: 14-Mar-75": Oracle's DD-MON-RR, as SQL*Plus spools and exp dumps
print dates; src/scan/validate.c loc_dob_words()). Month first with a
two-digit year ("Jan 5, 75") and impossible dates stay out."""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

TEXT = {
    "spool.txt": b"EMP_NAME   DATE_OF_BIRTH\nJane Roe   DOB: 14-MAR-75\nDate of birth: 3 Sep 81\n",
    "decoy.txt": b"DOB: Jan 5, 75\nDate of birth: 31-FEB-75\nDOB: 14-Mar-\n",
}


class DobWords2(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        d = cls.dir = os.path.join(cls.tmp.name, "t")
        os.makedirs(d)
        for name, data in TEXT.items():
            with open(os.path.join(d, name), "wb") as f:
                f.write(data)
        _, cls.m = lsutil.scan(cls.tmp.name, [d])
        assert cls.m is not None

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def dob(self, name):
        o = self.m.obj(os.path.join(self.dir, name))
        return sum(f["count"] for f in o["findings"] if f["entity"] == "dob")

    def test_two_digit_year(self):
        self.assertEqual(self.dob("spool.txt"), 2)

    def test_decoys(self):
        self.assertEqual(self.dob("decoy.txt"), 0)


if __name__ == "__main__":
    unittest.main()
