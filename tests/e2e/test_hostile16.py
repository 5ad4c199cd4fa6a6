"""End-to-end: the seventeenth hostile dump (tests/gen/make_hostile16.py) against its answer key.

What leaks when an airline, a travel agency / GDS or a hotel chain is
breached: UN/EDIFACT PAXLST (APIS) and PNRGOV interchanges (UNA, release
characters, one line or a segment a line, a non-default UNA, one cut
mid-segment, a huge one, one named .pdf), GDS PNR displays and histories
(SSR DOCS slash fields, FOID, CTCE with IATA's e-mail escapes, CTCM, FP CC
cards full and masked), IATA BCBP boarding passes (text, PDF, HTML mail),
passport MRZs (OCR text with a bad-check-digit decoy, a visa application
JSON), hotel PMS exports (Opera-like CSV and XML, an OTA_HotelResNotifRQ,
a registration card PDF, a loyalty extract, a night audit), booking mail
with an iCalendar attachment, an e-ticket PDF, agent mail, an encrypted 7z
and a zip whose member names climb.

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
import make_hostile16  # noqa: E402


class Hostile16(lsutil.KeyedDumpTests, unittest.TestCase):
    GEN = make_hostile16
    NAME = "hostile16"


if __name__ == "__main__":
    unittest.main()
