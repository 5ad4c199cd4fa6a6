"""End-to-end: the fourteenth hostile dump (tests/gen/make_hostile13.py) against its answer key.

What leaks when a company's finance, payroll and banking interchange files
are dumped: NACHA ACH files (PPD payroll with the SSN in the Individual
Identification Number, IAT with an IBAN), bank statements (OFX 1 and 2,
QFX, QIF, BAI2), SWIFT MT103 and MT940, ISO 20022 pain.001, pain.008,
pacs.008 and camt.053, SEPA mandates, IRS FIRE 1099 files, EFW2 and EFW2C
wage files, payroll exports (fixed width, QuickBooks IIF, GnuCash, a CSV in
a zip and its encrypted twin), X9.37 image cash letters, and the decoys of
banking (routing and trace numbers, hashes, amounts, BICs, creditor ids).

Checked as lsutil.KeyedDumpTests says: scanned twice with a known
fingerprint key (two workers, one), the key's entries against both.
"""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "gen"))
import lsutil  # noqa: E402
import make_hostile13  # noqa: E402


class Hostile13(lsutil.KeyedDumpTests, unittest.TestCase):
    GEN = make_hostile13
    NAME = "hostile13"


if __name__ == "__main__":
    unittest.main()
