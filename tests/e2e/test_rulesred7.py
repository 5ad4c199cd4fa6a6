#!/usr/bin/env python3
"""Seventh red-team review of the rule pack (rulesred7): phone numbers and
dates of birth outside North America.

tests/gen/gen_rulesred7.py writes per country (Russia, Ukraine, China,
Japan, Korea, India, Brazil, Germany, France, the UK, Spain, Italy, Poland,
Turkey, Saudi Arabia) a contact sheet with the local phone labels and
forms (Russia's "(495) 123-45-67", "8 (495) 123-45-67", "8-916-123-45-67";
China's mobiles "138 0013 8000", "13800138000"; Korea's "010-1234-5678";
India's "98765 43210" ...) and dates of birth after local labels in the
local formats (14.03.1975, 1975年3月14日, 1975년 3월 14일), beside a decoy
file of the same forms without a label (order numbers, invoice dates,
prices, postcodes, unlabelled national numbers). The scoring is
test_rulesred.py's.

Run directly with --report to print recall/precision per entity.
"""
import os
import sys
import unittest
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsutil  # noqa: E402,F401
import test_rulesred as rr  # noqa: E402

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
GEN = os.path.join(SRC, "tests", "gen", "gen_rulesred7.py")


class RulesRed7(rr.KeyedRules, unittest.TestCase):
    GEN = GEN
    PREFIX = "rulesred7-"

    def test_every_country_present(self):
        # the corpus holds a contact sheet and a decoy file per country (a generator change cannot empty the test)
        self.assertGreaterEqual(len([rel for rel in self.key if rel.endswith(".txt") and "/contacts_" in rel]), 15)
        self.assertGreaterEqual(len([rel for rel, spec in self.key.items() if spec["decoy"]]), 15)


if __name__ == "__main__":
    rr.main(GEN, "rulesred7-")
