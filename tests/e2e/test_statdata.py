#!/usr/bin/env python3
"""Statistical data files (src/extract/sas7bdat.c, spss.c) on files made by
tests/gen/gen_statdata.py: a SAS dataset's rows come out under their
column labels, so an SSN stored as a double and a date of birth stored as
days since 1960 are found ("SSN: 536221874", "Date of birth:
1975-03-14"); 64-bit and 32-bit files of both byte orders, data and
mix pages, RLE and RDC compressed rows, numbers cut to 3 bytes read
alike; a cut copy is partial, a measurement table clean. SPSS .sav files
(bytecode-compressed little-endian, uncompressed big-endian) the same way,
with a document record, a long variable name and a very long string; a
.zsav unread (unsupported). Stata .dta files (format 118 with a strL,
format 114 big-endian) and SAS transport files (.xpt version 5: IBM
floats, two members) too."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_statdata  # noqa: E402

HEAD = "Employee number\tFull name\tSSN\tDate of birth\tHIRED\tAnnual salary\tDepartment\tE-mail\n"
ROW1 = ("E1001\tJürgen Müller\t536221874\t1975-03-14\t2010-01-04 09:00:00\t84250.5\t12\t"
        "j.mueller@example-corp.com\n")
ROW3 = "E1003\tCarmen Reyes\t212447781\t1968-01-02\t\t66120.25\t3\tc.reyes@example-corp.com\n"


def only(ext):
    """The generator's key for the files ending in ext (all are written)."""
    class Gen:
        @staticmethod
        def generate(out):
            return {k: v for k, v in gen_statdata.generate(out).items() if k.endswith(ext)}
    return Gen


class Sas7bdat(lsutil.KeyedHandlerTree):
    GEN = only(".sas7bdat")
    HANDLER = "sas7bdat"

    def test_sas_rows_under_labels(self):
        for name in ("staff64.sas7bdat", "staff32be.sas7bdat", "staff_rle.sas7bdat", "staff_rdc.sas7bdat",
                     "staff64be_rle.sas7bdat"):
            with self.subTest(name=name):
                t = self.text(name)
                self.assertTrue(t.startswith(HEAD), t)
                self.assertIn(ROW1, t)
                # a missing value (a NaN) is an empty cell; the 3-byte number reads 3
                self.assertIn(ROW3, t)
                self.assertIn("SSN: 536221874\tDate of birth: 1975-03-14", t)

    def test_no_digits_in_the_file(self):
        # the SSN is a double: its digits are nowhere in the raw bytes
        with open(self.p("staff64.sas7bdat"), "rb") as f:
            raw = f.read()
        self.assertNotIn(b"536221874", raw)

    def test_cut_copy_keeps_its_whole_pages(self):
        t = self.text("staff_cut.sas7bdat")
        self.assertIn(ROW1, t)
        self.assertNotIn("Carmen", t)
        o = self.m.obj(self.p("staff_cut.sas7bdat"))
        self.assertTrue(any("2 of 4 rows" in e for e in o["errors"]), o["errors"])


SAV_HEAD = "Employee number\tFull name\tSSN\tDateOfBirth\tHired\tAnnual salary\tDepartment\tNotes\n"
SAV_ROW3 = "E1003\tCarmen Reyes\t212447781\t1968-01-02\t\t66120.25\t3\ton leave\n"


class Spss(lsutil.KeyedHandlerTree):
    GEN = only("sav")
    HANDLER = "spss"

    def test_cases_under_labels(self):
        for name in ("staff.sav", "staff_be.sav"):
            with self.subTest(name=name):
                t = self.text(name)
                # the document record, then the labels (a long name where there is no label)
                self.assertTrue(t.startswith("Staff survey 2026, HR use only\n" + SAV_HEAD), t)
                self.assertIn("E1001\tJürgen Müller\t536221874\t1975-03-14\t2010-01-04 09:00:00\t84250.5\t12\t"
                              "Reviewed xxx", t)
                # a very long string (300 bytes in two segments) read whole
                self.assertIn("xxx contact j.mueller@example-corp.com\n", t)
                self.assertIn(SAV_ROW3, t)
                self.assertIn("SSN: 536221874\tDate Of Birth: 1975-03-14", t)

    def test_cut_copy(self):
        o = self.m.obj(self.p("staff_cut.sav"))
        self.assertTrue(any("2 of 4 cases" in e for e in o["errors"]), o["errors"])


class Stata(lsutil.KeyedHandlerTree):
    GEN = only(".dta")
    HANDLER = "stata"

    def test_observations_under_labels(self):
        for name in ("staff118.dta", "staff114.dta"):
            with self.subTest(name=name):
                t = self.text(name)
                self.assertTrue(t.startswith(HEAD.replace("HIRED", "Hired").replace("E-mail", "Notes")), t)
                # %td days, %tc milliseconds, a float's digits, a strL (118) or str80 (114)
                self.assertIn("E1001\tJürgen Müller\t536221874\t1975-03-14\t2010-01-04 09:00:00\t84250.5\t12\t"
                              "contact j.mueller@example-corp.com after 6pm\n", t)
                self.assertIn(SAV_ROW3, t)
                self.assertIn("SSN: 536221874\tDate of birth: 1975-03-14", t)

    def test_cut_copy(self):
        o = self.m.obj(self.p("staff_cut.dta"))
        self.assertTrue(any("2 of 4 observations" in e for e in o["errors"]), o["errors"])


class Xpt(lsutil.KeyedHandlerTree):
    GEN = only(".xpt")
    HANDLER = "xpt"

    def test_observations_under_labels(self):
        t = self.text("staff.xpt")
        # IBM floats (8 bytes, and 3 for Department), dates by format, a missing value
        self.assertTrue(t.startswith(HEAD), t)
        self.assertIn(ROW1, t)
        self.assertIn(ROW3, t)
        self.assertIn("SSN: 536221874\tDate of birth: 1975-03-14", t)

    def test_second_member(self):
        t = self.text("two_members.xpt")
        self.assertIn("103\t1\t90.1\t181\tEast\n\n" + HEAD, t)
        self.assertIn(ROW1, t)

    def test_cut_copy(self):
        t = self.text("staff_cut.xpt")
        self.assertIn(ROW3, t)
        self.assertNotIn("Tomasz", t)


if __name__ == "__main__":
    unittest.main()
