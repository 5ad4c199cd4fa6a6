#!/usr/bin/env python3
"""Distinct counts past --max-evidence (tests/gen/gen_distinct.py): an
object lists at most --max-evidence values as evidence, but its `distinct`,
its root's and the run's stay exact: the values past the limit are carried
as fingerprint prefixes (`unlisted`), which the summary and `leaksift
merge` count like evidence."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "gen"))
import gen_distinct  # noqa: E402
import lsutil  # noqa: E402

N = 3000
LIMIT = 100


class DistinctTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "share")
        cls.total = gen_distinct.generate(cls.dir, N)
        cls.keyfile = os.path.join(cls.tmp.name, "key")
        with open(cls.keyfile, "wb") as f:
            f.write(b"k" * 32)
        cls.runs = {}
        for jobs in ("-j1", "-j2"):
            out = os.path.join(cls.tmp.name, "m%s.jsonl" % jobs)
            p = lsutil.run(["scan", "-q", jobs, "--max-evidence", str(LIMIT), "--fingerprint-key", cls.keyfile,
                            "-o", out, cls.dir])
            assert p.returncode == 1, p.stderr[-2000:]
            with open(out, encoding="utf-8") as f:
                cls.runs[jobs] = [json.loads(line) for line in f]

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def ssn_finding(self, recs, name):
        o = [r for r in recs if r["record"] == "object" and r["path"].endswith(name)][0]
        return [f for f in o["findings"] if f["entity"] == "ssn"]

    def test_object_distinct_is_exact(self):
        fs = self.ssn_finding(self.runs["-j1"], "hr_export.csv")
        self.assertEqual(sum(f["distinct"] for f in fs), N)
        for f in fs:
            self.assertEqual(f["distinct"], len(f["evidence"]) + len(f.get("unlisted", [])))
        self.assertEqual(sum(len(f["evidence"]) for f in fs), LIMIT)
        self.assertTrue(all(f.get("evidence_truncated") for f in fs if f.get("unlisted")))
        prefixes = [u for f in fs for u in f.get("unlisted", [])]
        self.assertTrue(all(len(u) == 32 for u in prefixes))
        listed = {e["fingerprint"][:32] for f in fs for e in f["evidence"]}
        self.assertFalse(listed & set(prefixes))

    def test_root_and_run_distinct_are_exact(self):
        recs = self.runs["-j1"]
        roots = {r["path"].rsplit("/", 1)[1]: r["distinct"]["ssn"] for r in recs if r["record"] == "root_done"}
        self.assertEqual(roots, {"hr_export.csv": N, "hr_export_copy.csv": N, "payroll_2014.csv": N})
        self.assertEqual(recs[-1]["entities"]["ssn"]["distinct"], self.total)  # a copy adds nothing

    def test_same_for_one_and_two_workers(self):
        for name in ("hr_export.csv", "payroll_2014.csv"):
            a = [(f["rule"], f["distinct"], f.get("unlisted")) for f in self.ssn_finding(self.runs["-j1"], name)]
            b = [(f["rule"], f["distinct"], f.get("unlisted")) for f in self.ssn_finding(self.runs["-j2"], name)]
            self.assertEqual(sorted(a, key=str), sorted(b, key=str))

    def test_merge_counts_unlisted(self):
        shards = []
        for k in (1, 2, 3):
            out = os.path.join(self.tmp.name, "s%d.jsonl" % k)
            p = lsutil.run(["scan", "-q", "--max-evidence", str(LIMIT), "--fingerprint-key", self.keyfile,
                            "--shard", "%d/3" % k, "-o", out, self.dir])
            self.assertIn(p.returncode, (0, 1), p.stderr[-2000:])
            shards.append(out)
        merged = os.path.join(self.tmp.name, "merged.jsonl")
        p = lsutil.run(["merge", "-q", "-o", merged] + shards)
        self.assertEqual(p.returncode, 1, p.stderr[-2000:])
        with open(merged, encoding="utf-8") as f:
            last = [json.loads(line) for line in f][-1]
        self.assertEqual(last["entities"]["ssn"]["distinct"], self.total)


if __name__ == "__main__":
    unittest.main()
