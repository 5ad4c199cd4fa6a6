#!/usr/bin/env python3
"""Fourth red-team review of the rule pack (rulesred4): precision on the
clean content of a company share.

tests/gen/gen_rulesred4.py writes the look-alikes that sweeps of real
packages and data files (npm bundles and type declarations, Debian's
shared-mime-info, Unicode test files, glibc's stroke table, man pages)
reported as passwords, tokens, private keys, phones and cards -- each
decoy file must stay clean -- and true values written the same way beside
them (a connection string's camelCase password, a YAML password with
digits, a quoted apiKey, a 64-character Ed25519 key, a test card of the
digits 1-4, ungrouped and grouped international numbers), which must still
be found. The scoring is test_rulesred.py's.

Run directly with --report to print recall/precision per entity.
"""
import os
import sys
import unittest
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsutil  # noqa: E402,F401
import test_rulesred as rr  # noqa: E402

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
GEN = os.path.join(SRC, "tests", "gen", "gen_rulesred4.py")


class RulesRed4(rr.KeyedRules, unittest.TestCase):
    GEN = GEN
    PREFIX = "rulesred4-"

    def test_decoys_present(self):
        # the corpus holds its decoy files (a generator change cannot empty the test)
        decoys = [rel for rel, spec in self.key.items() if spec["decoy"]]
        self.assertGreaterEqual(len(decoys), 8)


if __name__ == "__main__":
    rr.main(GEN, "rulesred4-")
