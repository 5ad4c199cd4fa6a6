"""End-to-end: the thirteenth hostile dump (tests/gen/make_hostile12.py) against its answer key.

What leaks when a hospital, an insurer or an employer's benefits system is
breached: HL7 v2 messages (files, an MLLP capture, a batch, own separators,
escapes), X12 005010 EDI (834, 837P/I, 270/271, 835; any delimiters), FHIR
JSON/XML/NDJSON, C-CDA, claims and enrollment extracts, an NCPDP claim,
DICOM Part 10 files (explicit and implicit VR, a DICOMDIR, a cut file),
and decoys (NPIs, control and claim numbers, codes, dates of service).

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
import make_hostile12  # noqa: E402


class Hostile12(lsutil.KeyedDumpTests, unittest.TestCase):
    GEN = make_hostile12
    NAME = "hostile12"


if __name__ == "__main__":
    unittest.main()
