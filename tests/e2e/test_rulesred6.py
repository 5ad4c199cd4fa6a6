#!/usr/bin/env python3
"""Sixth red-team review of the rule pack (rulesred6): the false positives
earlier sweeps reported on real files, written from scratch with fake
values beside the true values of their kind.

tests/gen/gen_rulesred6.py writes: a Russian registry (.xlsx) whose
15-digit OGRNIP numbers pass Luhn under a Cyrillic header, a Chinese order
sheet, the same keys in text (an id word of another script vetoes the card,
a card word of that script keeps it); a statistics table in a PDF whose
"+24 1985-96" (a change and a year range) read as a phone; tax
instructions' "A child born on January 1, 1990" read as a date of birth
(records' "Born on:", "(born 3 May 1980)", "He was born on" stay); a
scanned PDF whose picture bytes spell phones between binary bytes; Chinese
400- and 800- service numbers read as North American (a US office's number
in the same text stays). The scoring is test_rulesred.py's.

Run directly with --report to print recall/precision per entity.
"""
import os
import sys
import unittest
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsutil  # noqa: E402,F401
import test_rulesred as rr  # noqa: E402

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
GEN = os.path.join(SRC, "tests", "gen", "gen_rulesred6.py")


class RulesRed6(rr.KeyedRules, unittest.TestCase):
    GEN = GEN
    PREFIX = "rulesred6-"

    def test_decoys_present(self):
        # the corpus holds its decoy files (a generator change cannot empty the test)
        decoys = [rel for rel, spec in self.key.items() if spec["decoy"]]
        self.assertGreaterEqual(len(decoys), 4)

    def test_vetoes_counted(self):
        # the registry's registration numbers are card-shaped: seen, and rejected (not silently unseen)
        for o in self.man.objects:
            if o["path"].endswith("ekaterinburg_ip.xlsx"):
                self.assertGreaterEqual(o.get("rejected", {}).get("credit_card", 0), 12)
                return
        self.fail("registry not in the manifest")


if __name__ == "__main__":
    rr.main(GEN, "rulesred6-")
