#!/usr/bin/env python3
"""Eleventh red-team review of the rule pack (rulesred11): the gaps the
tenth left (bare nine-digit SSNs whose column a CREATE TABLE, a fixed-width
header line or a Spanish header names; a country in a phone label; Jenkins'
master.key) and an adversary's pass in other languages and config files
(Spanish, Polish, Turkish, Finnish, Hungarian, Romanian labels; IBANs of
less common countries; cards grouped with no-break and thin spaces; E.164
in JSON; .npmrc, .pypirc, .docker/config.json, .git-credentials,
kubeconfig, rclone.conf, wp-config.php, .env.production) beside decoys of
the same shapes.

tests/gen/gen_rulesred11.py writes the corpus and its key; the scoring is
test_rulesred.py's. Run directly with --report to print recall/precision.
"""
import os
import sys
import unittest
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsutil  # noqa: E402
import test_rulesred as rr  # noqa: E402

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
GEN = os.path.join(SRC, "tests", "gen", "gen_rulesred11.py")


class RulesRed11(rr.KeyedRules, unittest.TestCase):
    GEN = GEN
    PREFIX = "rulesred11-"

    def test_corpus_complete(self):
        # a generator change cannot empty the test
        self.assertGreaterEqual(len(self.key), 30)
        self.assertGreaterEqual(sum(len(s["expect"]) for s in self.key.values()), 70)
        self.assertGreaterEqual(len([rel for rel, spec in self.key.items() if spec["decoy"]]), 12)

    def test_country_label_one_value_with_cc_form(self):
        # "Tel (UK): 020 7946 0321" is fingerprinted as +44 20 7946 0321 is, in any object
        rel = "contacts/emea_directory.txt"
        want = {lsutil.fingerprint(self.fpkey, "phone", e["norm"]) for e in self.key[rel]["expect"]}
        got = {fp for ent, fp in self.found.get(rel, ()) if ent == "phone"}
        self.assertEqual(got, want)

    def test_wontfix_still_missed(self):
        # the documented misses stay documented: a fix must drop the wontfix mark
        self.assertEqual(self.wontfix_hit, [])


if __name__ == "__main__":
    rr.main(GEN, "rulesred11-")
