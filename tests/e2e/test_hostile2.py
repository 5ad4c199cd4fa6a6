"""End-to-end: the third hostile dump (tests/gen/gen_hostile2.py) against its answer key.

Archives cut where a reader takes the cut for an end, a zip whose local
header and directory disagree on a size, ar index members and ISO 9660
directories that are not hostile, PII in gzip/zip/pax header fields, names
with Unicode line separators, and real tools' odd modes. The dump is scanned
with two workers and with one; every key entry must hold in both, the
answers must agree, and every manifest line must stay one line for a reader
that splits lines the Unicode way (str.splitlines()).
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

SRC = os.environ.get("LEAKSIFT_SRC") or os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
sys.path.insert(0, os.path.join(SRC, "tests", "gen"))
import gen_hostile2 as gen  # noqa: E402

LEAKSIFT = os.environ.get("LEAKSIFT")


@unittest.skipUnless(LEAKSIFT, "LEAKSIFT not set")
class Hostile2(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="ls-hostile2-")
        base = cls.tmp.name
        cls.key = gen.generate(os.path.join(base, "gen"))
        cls.runs = {}
        for name, args in (("j2", ["-j2"]), ("j1", ["-j1"])):
            man = os.path.join(base, name + ".jsonl")
            p = subprocess.run([LEAKSIFT, "scan", "-q", "-o", man] + args + [cls.key["root"]],
                               cwd=base, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
            with open(man, "rb") as f:
                cls.runs[name] = (p.returncode, f.read(), p.stderr)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def verify(self, name):
        rc, raw, err = self.runs[name]
        self.assertEqual(rc, 1, err[-2000:])
        bad, fails = gen.check(self.key, raw)
        self.assertEqual(bad, [])
        self.assertEqual(fails, [], "\n".join(fails))

    def test_two_workers(self):
        self.verify("j2")

    def test_one_worker(self):
        self.verify("j1")

    def test_same_answer_any_worker_count(self):
        def objects(raw):
            keep = ("id", "chain", "coverage", "coverage_reasons", "alerts", "verdict")
            return sorted(json.dumps({k: r[k] for k in keep}, sort_keys=True)
                          for r in map(json.loads, raw.splitlines()) if r["record"] == "object")
        self.assertEqual(objects(self.runs["j2"][1]), objects(self.runs["j1"][1]))

    def test_no_line_splits_the_unicode_way(self):
        raw = self.runs["j2"][1]
        text = raw.decode("utf-8")
        self.assertEqual(len(text.splitlines()), raw.count(b"\n"))
        for sep in ("\u2028", "\u2029", "\u0085"):
            self.assertNotIn(sep, text)
        # the names are still there, escaped
        self.assertIn(b"ls\\u2028injected.txt", raw)


if __name__ == "__main__":
    unittest.main()
