#!/usr/bin/env python3
"""Third red-team review of the rule pack against an answer key (rulesred3):
PII in the languages and layouts of a multinational's file share.

tests/gen/gen_rulesred3.py writes the HR letters, staff exports (UTF-8,
Windows-1252 and UTF-16 text), payroll slips, payment runs, card registers
and mail bodies of offices in London, Berlin, Paris, Madrid, Tokyo, Mumbai
and Sao Paulo: phones in national and international forms with local and
full-width labels, birth dates in local forms and month names (Japanese era
years too), IBANs of 24 countries in groups, cards grouped with spaces,
dashes, no-break spaces and full-width digits, passports under local labels,
e-mail addresses with Unicode domains and local parts. Decoy files hold
national identity numbers (no entity: nothing may be reported under another
name) and the numbers a business share is full of. Every planted value is
checked by fingerprint; any other finding is a false positive. The scoring
is test_rulesred.py's.

Run directly with --report to print recall/precision per entity.
"""
import os
import sys
import unittest
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsutil  # noqa: E402,F401
import test_rulesred as rr  # noqa: E402

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
GEN = os.path.join(SRC, "tests", "gen", "gen_rulesred3.py")


class RulesRed3(rr.KeyedRules, unittest.TestCase):
    GEN = GEN
    PREFIX = "rulesred3-"

    def test_wontfix_entries_still_missed(self):
        self.assertEqual(self.wontfix_hit, [])


if __name__ == "__main__":
    rr.main(GEN, "rulesred3-")
