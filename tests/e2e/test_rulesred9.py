#!/usr/bin/env python3
"""Ninth red-team review of the rule pack (rulesred9): one person's date of
birth in seven written forms (one value: its ISO date), national phone
forms that name their country beside the +CC form of the same number (one
value), international numbers of twenty-four countries, semicolon CSV
exports with Spanish, Portuguese, Italian, Dutch and Polish headers, card
numbers as JSON numbers in log lines beside a log of card-shaped ids,
IBANs of twenty-four countries no earlier key has, and current providers'
secrets (GitHub fine-grained, Slack app, Stripe restricted, OpenAI project,
Anthropic, GitLab, npm, PyPI, Google, Azure connection strings, JWT) beside
their documented placeholders; PII and a password in HTML comments of a
quoted-printable mail part and of a UTF-16 page.

tests/gen/gen_rulesred9.py writes the corpus and its key; the scoring is
test_rulesred.py's. Run directly with --report to print recall/precision.
"""
import os
import sys
import unittest
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsutil  # noqa: E402,F401
import test_rulesred as rr  # noqa: E402

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
GEN = os.path.join(SRC, "tests", "gen", "gen_rulesred9.py")


class RulesRed9(rr.KeyedRules, unittest.TestCase):
    GEN = GEN
    PREFIX = "rulesred9-"

    def test_corpus_complete(self):
        # a generator change cannot empty the test
        self.assertGreaterEqual(len(self.key), 14)
        self.assertGreaterEqual(sum(len(s["expect"]) for s in self.key.values()), 150)
        self.assertGreaterEqual(len([rel for rel, spec in self.key.items() if spec["decoy"]]), 3)

    def test_one_person_one_dob(self):
        # seven written forms of one date: one distinct value, its ISO date
        rel = "hr/employee_4471_history.txt"
        iso = {e["norm"] for e in self.key[rel]["expect"]
               if e["entity"] == "dob" and e["kind"].startswith("one person's")}
        self.assertEqual(len(iso), 1)
        got = {fp for ent, fp in self.found.get(rel, ()) if ent == "dob"}
        self.assertIn(lsutil.fingerprint(self.fpkey, "dob", iso.pop()), got)
        self.assertEqual(len(got), 3, "one person's date, the labelled ambiguous one, the unlabelled one")

    def test_national_and_international_phone_one_value(self):
        rel = "contacts/same_number_two_forms.txt"
        got = {fp for ent, fp in self.found.get(rel, ()) if ent == "phone"}
        self.assertEqual(len(got), 7)


if __name__ == "__main__":
    rr.main(GEN, "rulesred9-")
