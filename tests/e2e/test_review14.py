#!/usr/bin/env python3
"""review14's findings on the fifteenth session's readers, on files made by
tests/gen/gen_review14.py: a file of the record formats that end with a
trailer (NACHA's file control record 9, IRS FIRE's end of transmission F,
BAI2's file trailer 99, X9.37's file control 99, Metro 2's TRAILER,
EFW2's RF), an OFX file (</OFX>), a SWIFT FIN message ("-}" ending its
text block), a DICOM file inside an undefined-length sequence (its item
and sequence delimiters) and an HL7 v2 batch file (FTS, BTS) cut at a record boundary was read record by record and said
`full`: the missing rest went unsaid. Each now says `truncated`; the same
files whole stay full, and what the cut files hold is still found.
A DICOM UN element of undefined length (a private sequence, PS3.5 6.2.2:
implicit VR inside) stopped the walk (parse_error): the patient elements
after it were never read. metro2's probe took any line of digits that
started with a number of 426 or more and a 1 (a digit-only export): a
headerless base segment's time stamp must now be a date and the record
after it another RDW."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_review14  # noqa: E402

HANDLER = {"nacha": "nacha", "fire": "fire1099", "bai2": "bai2", "x937": "x937", "metro2": "metro2",
           "efw2": "efw2", "ofx": "ofx", "swift": "swift", "dicom": "dicom",
           "hl7": "hl7"}


class Review14(lsutil.GeneratedTree):
    GEN = gen_review14

    def rec(self, case, cut):
        return self.m.obj(self.p("%s_%s.%s" % (case, "cut" if cut else "whole", self.key["ext"][case])))

    def test_cut_is_truncated(self):
        for case in self.key["cases"]:
            with self.subTest(case=case):
                o = self.rec(case, True)
                self.assertEqual(o["handler"], HANDLER[case])
                self.assertEqual(o["coverage"], "partial", o.get("errors"))
                self.assertIn("truncated", o["coverage_reasons"])

    def test_whole_is_full(self):
        for case in self.key["cases"]:
            with self.subTest(case=case):
                o = self.rec(case, False)
                self.assertEqual(o["handler"], HANDLER[case])
                self.assertEqual(o["coverage"], "full", o.get("errors"))

    def test_cut_still_read(self):
        for case in self.key["cases"]:
            with self.subTest(case=case):
                cut, whole = self.rec(case, True), self.rec(case, False)
                ents = lambda o: sorted({f["entity"] for f in o["findings"]})  # noqa: E731
                self.assertTrue(ents(cut))
                self.assertLessEqual(set(ents(cut)), set(ents(whole)))

    def test_dicom_un_sequence_walked(self):
        o = self.m.obj(self.p("dicom_un.dcm"))
        self.assertEqual((o["handler"], o["coverage"]), ("dicom", "full"), o.get("errors"))
        ents = {f["entity"] for f in o["findings"]}
        self.assertIn("ssn", ents)
        self.assertIn("dob", ents)

    def test_digits_not_metro2(self):
        o = self.m.obj(self.p("digits.txt"))
        self.assertNotEqual(o["handler"], "metro2")

    def test_metro2_headerless_still_read(self):
        o = self.m.obj(self.p("metro2_headerless.txt"))
        self.assertEqual((o["handler"], o["coverage"]), ("metro2", "full"), o.get("errors"))
        self.assertIn("ssn", {f["entity"] for f in o["findings"]})


if __name__ == "__main__":
    unittest.main()
