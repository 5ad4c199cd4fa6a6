#!/usr/bin/env python3
"""Eighth red-team review of the rule pack (rulesred8): addresses in the raw
bytes of double-byte legacy code pages (Big5, Shift_JIS: a full-width
colon's ASCII second byte glued to the address), German numbers with a lone
trunk 0 and a slash ("Tel. 0 93 82 / 84 73 99") beside a form's
"Telephone no. 0 14400 6667" (no phone), and a shop page's card-shaped
asset versions and Facebook page lists beside a reader's card.

tests/gen/gen_rulesred8.py writes the corpus and its key; the scoring is
test_rulesred.py's. Run directly with --report to print recall/precision.
"""
import os
import sys
import unittest
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsutil  # noqa: E402,F401
import test_rulesred as rr  # noqa: E402

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
GEN = os.path.join(SRC, "tests", "gen", "gen_rulesred8.py")


class RulesRed8(rr.KeyedRules, unittest.TestCase):
    GEN = GEN
    PREFIX = "rulesred8-"

    def test_corpus_complete(self):
        # a generator change cannot empty the test
        self.assertGreaterEqual(len(self.key), 6)
        self.assertGreaterEqual(sum(len(s["expect"]) for s in self.key.values()), 14)
        self.assertGreaterEqual(len([rel for rel, spec in self.key.items() if spec["decoy"]]), 1)


if __name__ == "__main__":
    rr.main(GEN, "rulesred8-")
