"""End-to-end: the eighteenth hostile dump (tests/gen/make_hostile17.py) against its answer key.

What leaks when a telecom / mobile operator is breached: subscriber
exports (CSV, TSV, a cut gzip) with MSISDN, IMSI, IMEI, ICCID, SSN, DOB,
driver's licence and account PIN; call detail records (a Snowflake unload
as gzip'd CSV and JSON Lines, a switch's fixed-width CDR, a TAP3 roaming
file in ASN.1 BER); an Optus-style customer API dump; SMS stores
(Android mmssms.db, iOS sms.db); HLR/HSS provisioning (MML, LDIF);
port-out / SIM-swap tickets (Zendesk, Jira), CRM notes as HTML mail, a
billing PDF; an encrypted 7z, a zip bomb, a tar with a symlink to /etc;
and decoys (device inventory with Luhn-valid IMEIs, IMEISVs and ICCIDs,
IMSI ranges, cell sites) that must stay clean.

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
import make_hostile17  # noqa: E402


class Hostile17(lsutil.KeyedDumpTests, unittest.TestCase):
    GEN = make_hostile17
    NAME = "hostile17"


if __name__ == "__main__":
    unittest.main()
