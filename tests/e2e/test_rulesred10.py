#!/usr/bin/env python3
"""Tenth red-team review of the rule pack (rulesred10): the known possible
misses of the last pass (a Vault token alone in ~/.vault-token, RubyGems
credentials, wrangler.toml's api_token, AWS SSM SecureString values in the
CLI's JSON and a Terraform state; Jenkins' master.key a documented miss),
current providers' tokens with documented prefixes pasted in a chat export
and a note beside their placeholders, values hidden in PHP sessions,
PHP-escaped JSON, YAML block scalars, URL-encoded queries, SQL tuples
without column names, a fixed-width record and contact sheets in five
languages, date-of-birth columns whose header names the layout, and a
decoy policy page of masked values, ids and digests.

tests/gen/gen_rulesred10.py writes the corpus and its key; the scoring is
test_rulesred.py's. Run directly with --report to print recall/precision.
"""
import os
import sys
import unittest
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsutil  # noqa: E402
import test_rulesred as rr  # noqa: E402

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
GEN = os.path.join(SRC, "tests", "gen", "gen_rulesred10.py")


class RulesRed10(rr.KeyedRules, unittest.TestCase):
    GEN = GEN
    PREFIX = "rulesred10-"

    def test_corpus_complete(self):
        # a generator change cannot empty the test
        self.assertGreaterEqual(len(self.key), 19)
        self.assertGreaterEqual(sum(len(s["expect"]) for s in self.key.values()), 60)
        self.assertGreaterEqual(len([rel for rel, spec in self.key.items() if spec["decoy"]]), 4)

    def test_dob_column_layout_gives_iso(self):
        # an ambiguous date under a header naming the layout is its ISO date, not as written
        for rel in ("hr/roster_us.csv", "hr/roster_intl.tsv"):
            want = {lsutil.fingerprint(self.fpkey, "dob", e["norm"]) for e in self.key[rel]["expect"]}
            got = {fp for ent, fp in self.found.get(rel, ()) if ent == "dob"}
            self.assertEqual(got, want, rel)

    def test_national_and_cc_forms_one_value(self):
        # 020 7946 0958 beside +44 20 7946 0958 in one object: one number
        rel = "contacts/same_number_national_and_cc.txt"
        got = {fp for ent, fp in self.found.get(rel, ()) if ent == "phone"}
        self.assertEqual(len(got), 3)

    def test_wontfix_still_missed(self):
        # the documented misses stay documented: a fix must drop the wontfix mark
        self.assertEqual(self.wontfix_hit, [])


if __name__ == "__main__":
    rr.main(GEN, "rulesred10-")
