#!/usr/bin/env python3
"""The committed rule files are what their generators write.

rules/pii/pii.yar is written by rules/mkpack.py, and rules/secrets/
secrets.yar, rules/corporate/markings.yar and rules/hostile/webshell.yar by
rules/secrets/mksecrets.py (each file's header says so). A rule added to a
.yar by hand is silently deleted by the next run of its generator (this
happened twice in the twentieth session), so both generators are run here
on a copy of rules/ and every file they write must equal the committed one.
A .yar no generator writes (rules/secrets/wallets.yar, say) is hand-written
and not checked here.
"""
import difflib
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

SRC = os.environ.get("LEAKSIFT_SRC") or os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
RULES = os.path.join(SRC, "rules")
GENERATORS = ["mkpack.py", os.path.join("secrets", "mksecrets.py")]


class RulesGenerated(unittest.TestCase):
    def test_generators_reproduce_committed_rules(self):
        with tempfile.TemporaryDirectory() as tmp:
            copy = os.path.join(tmp, "rules")
            shutil.copytree(RULES, copy)
            # every .yar is removed first: what the generators write is then
            # known, and each such file must be committed as written
            yars = sorted(os.path.relpath(os.path.join(d, f), copy)
                          for d, _, fs in os.walk(copy) for f in fs if f.endswith(".yar"))
            for y in yars:
                os.unlink(os.path.join(copy, y))
            for g in GENERATORS:
                subprocess.run([sys.executable, "-B", os.path.join(copy, g)], check=True, cwd=tmp)
            written = sorted(os.path.relpath(os.path.join(d, f), copy)
                             for d, _, fs in os.walk(copy) for f in fs if f.endswith(".yar"))
            self.assertTrue(written, "the generators wrote no .yar file")
            self.assertEqual(sorted(set(written) - set(yars)), [], "generated but not committed")
            for y in written:
                a, b = os.path.join(RULES, y), os.path.join(copy, y)
                if not filecmp.cmp(a, b, shallow=False):
                    diff = "".join(list(difflib.unified_diff(
                        open(a).readlines(), open(b).readlines(), "committed/" + y, "generated/" + y))[:40])
                    self.fail("rules/%s differs from what its generator writes (edit the "
                              "generator, rerun it):\n%s" % (y, diff))


if __name__ == "__main__":
    unittest.main()
