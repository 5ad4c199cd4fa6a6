"""End-to-end: the nineteenth hostile dump (tests/gen/make_hostile18.py) against its answer key.

What leaks when a government agency's HR / background-check system, a
police fusion centre, a school district's SIS or a voter roll is dumped:
an SF-86 XML export, the fillable SF-86 PDF (AcroForm and XFA datasets), a
flattened and a scanned form, a blank form (decoy), PeopleSoft, Workday
and SAP HR exports, a payroll register, an AD LDIF, an HR mailbox .pst, an
encrypted salary workbook, an HTML background-check report, marked
suspicious activity reports (DOCX, RTF, ODT, a CUI memo), badge and
incident rosters (decoys), PowerSchool CSV and JSON, voter rolls (headerless
tab-separated and pipe-delimited), a cut zip, a zip bomb and a zip whose
member names climb.

Scanned with a known fingerprint key, with two workers and with one: every
key entry not marked arguable or a known gap must hold in both, no manifest
line may hold a planted value, and both runs must give the same answers.
"""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "gen"))
import lsutil  # noqa: E402
import make_hostile18  # noqa: E402


class Hostile18(lsutil.KeyedDumpTests, unittest.TestCase):
    GEN = make_hostile18
    NAME = "hostile18"


if __name__ == "__main__":
    unittest.main()
