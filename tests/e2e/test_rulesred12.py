#!/usr/bin/env python3
"""Twelfth red-team review of the rule pack (rulesred12): values as
ticketing, CRM and HR exports write them (JSON bodies with escaped line
breaks, Jira's quoted multi-line CSV cells, Salesforce contact columns,
JSON Lines with \\u escapes as Python and Go write them, MySQL strings with
backslash escapes, PostgreSQL COPY rows), cards in the groupings printed on
them (Amex 4-6-5, Diners 4-6-4, 19-digit Visa), phones of fourteen more
countries in E.164, dates of birth after labels in fourteen languages,
deploy secrets (terraform.tfstate, an Ansible inventory, Jenkins'
credentials.xml) and cloud keys of providers not named before (Tencent
Cloud, Netlify, Render, Yandex Cloud, Contentful), passwords in services'
own files (redis.conf, Postfix's sasl_passwd, tomcat-users.xml,
wpa_supplicant.conf, SQL that creates accounts, a router's type 7 and type
9 secrets and SNMP community, GPP cpassword ...), beside decoys of the
same shapes (Luhn-valid invoice and order ids behind a prefix, tracking
numbers, GUIDs, digests, builds, ISBN-13s, IMEIs, placeholders).

tests/gen/gen_rulesred12.py writes the corpus and its key; the scoring is
test_rulesred.py's. Run directly with --report [--seed N] to print
recall/precision.
"""
import os
import sys
import unittest
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import test_rulesred as rr  # noqa: E402

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
GEN = os.path.join(SRC, "tests", "gen", "gen_rulesred12.py")


class RulesRed12(rr.KeyedRules, unittest.TestCase):
    GEN = GEN
    PREFIX = "rulesred12-"

    def test_corpus_complete(self):
        # a generator change cannot empty the test
        self.assertGreaterEqual(len(self.key), 20)
        self.assertGreaterEqual(sum(len(s["expect"]) for s in self.key.values()), 100)
        self.assertGreaterEqual(len([rel for rel, spec in self.key.items() if spec["decoy"]]), 6)

    def test_wontfix_still_missed(self):
        # the documented misses stay documented: a fix must drop the wontfix mark
        self.assertEqual(self.wontfix_hit, [])


if __name__ == "__main__":
    rr.main(GEN, "rulesred12-")
