"""Scale-out: --shard K/N picks disjoint root sets whose union is the whole
input, and `leaksift merge` joins shard manifests into one manifest whose
summary equals a single run's (with a shared fingerprint key). The shards are
run with GNU parallel, as in the README recipe."""
import json
import os
import shutil
import subprocess
import tempfile
import unittest

LEAKSIFT = os.environ.get("LEAKSIFT", "leaksift")


def load(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def roots(records):
    return sorted(r["path"] for r in records if r["record"] == "root_done")


def summary(records):
    s = [r for r in records if r["record"] == "summary"]
    assert len(s) == 1, "exactly one summary"
    return s[0]


class ShardMerge(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="ls-shard-")
        cls.tree = os.path.join(cls.tmp, "tree")
        for i in range(60):
            d = os.path.join(cls.tree, "d%d" % (i % 7))
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, "f%03d.txt" % i), "w") as f:
                # every third file shares an address, so distinct < findings
                f.write("contact: person%d@example.org\n" % (i % 20))
        cls.key = os.path.join(cls.tmp, "fp.key")
        with open(cls.key, "wb") as f:
            f.write(os.urandom(32))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp)

    def scan(self, out, *extra):
        p = subprocess.run([LEAKSIFT, "scan", "-q", "--fingerprint-key", self.key, "-o", out,
                            *extra, self.tree], capture_output=True, text=True)
        self.assertIn(p.returncode, (0, 1), p.stderr)
        return load(out)

    def test_shards_partition_the_roots(self):
        whole = roots(self.scan(os.path.join(self.tmp, "whole.jsonl")))
        parts = [roots(self.scan(os.path.join(self.tmp, "p%d.jsonl" % k), "--shard", "%d/4" % k))
                 for k in range(1, 5)]
        union = sorted(p for part in parts for p in part)
        self.assertEqual(union, whole)                 # nothing lost, nothing twice
        self.assertEqual(len(set(union)), len(union))
        self.assertTrue(all(len(p) > 0 for p in parts))  # the hash spreads roots

    @unittest.skipUnless(shutil.which("parallel"), "GNU parallel not installed")
    def test_parallel_shards_then_merge_equal_single_run(self):
        single = summary(self.scan(os.path.join(self.tmp, "single.jsonl")))
        outdir = os.path.join(self.tmp, "par")
        os.makedirs(outdir)
        cmd = [shutil.which("parallel"), "--will-cite", "-j", "2",
               LEAKSIFT, "scan", "-q", "--fingerprint-key", self.key, "--shard", "{}/3",
               "-o", os.path.join(outdir, "shard-{}.jsonl"), self.tree, ":::", "1", "2", "3"]
        p = subprocess.run(cmd, capture_output=True, text=True)
        self.assertIn(p.returncode, (0, 1, 2, 3), p.stderr)   # parallel: number of failed jobs
        shards = sorted(os.path.join(outdir, n) for n in os.listdir(outdir))
        self.assertEqual(len(shards), 3)
        merged = os.path.join(self.tmp, "merged.jsonl")
        p = subprocess.run([LEAKSIFT, "merge", "-q", "-o", merged, *shards], capture_output=True, text=True)
        self.assertEqual(p.returncode, 1, p.stderr)   # findings are quarantined
        recs = load(merged)
        self.assertEqual(recs[0]["record"], "run")
        self.assertEqual(recs[0]["merged_from"], shards)
        m = summary(recs)
        self.assertEqual(m["roots"], single["roots"])
        self.assertEqual(m["entities"], single["entities"])
        self.assertEqual(m["entities"]["email"]["distinct"], 20)
        self.assertEqual(m["entities"]["email"]["findings"], 60)

    def test_merge_refuses_different_keys(self):
        a = os.path.join(self.tmp, "ka.jsonl")
        b = os.path.join(self.tmp, "kb.jsonl")
        for out, k in ((a, "1/2"), (b, "2/2")):
            p = subprocess.run([LEAKSIFT, "scan", "-q", "--shard", k, "-o", out, self.tree],
                               capture_output=True, text=True)
            self.assertIn(p.returncode, (0, 1), p.stderr)
        p = subprocess.run([LEAKSIFT, "merge", "-q", "-o", os.path.join(self.tmp, "x.jsonl"), a, b],
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 2)
        self.assertIn("different keys", p.stderr)
        p = subprocess.run([LEAKSIFT, "merge", "-q", "--force", "-o", os.path.join(self.tmp, "y.jsonl"), a, b],
                           capture_output=True, text=True)
        self.assertEqual(p.returncode, 1, p.stderr)

    def test_merge_drops_unfinished_root(self):
        full = os.path.join(self.tmp, "full.jsonl")
        recs = self.scan(full)
        with open(full, encoding="utf-8") as f:
            lines = f.read().splitlines()
        # cut the manifest inside a root block: after an object, before its root_done
        cut = max(i for i, l in enumerate(lines) if json.loads(l)["record"] == "object")
        torn = os.path.join(self.tmp, "torn.jsonl")
        with open(torn, "w", encoding="utf-8") as f:
            f.write("\n".join(lines[:cut + 1]) + "\n")
        merged = os.path.join(self.tmp, "m2.jsonl")
        p = subprocess.run([LEAKSIFT, "merge", "-o", merged, torn], capture_output=True, text=True)
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertIn("no root_done", p.stderr)
        self.assertEqual(summary(load(merged))["roots"], len(roots(recs)) - 1)

    def test_bad_shard_values(self):
        for bad in ("0/3", "4/3", "x/3", "1/0", "1", "1/"):
            p = subprocess.run([LEAKSIFT, "scan", "--shard", bad, "-o", os.path.join(self.tmp, "b.jsonl"),
                                self.tree], capture_output=True, text=True)
            self.assertEqual(p.returncode, 2, bad)
            self.assertEqual(len(p.stderr.strip().splitlines()), 1, p.stderr)


if __name__ == "__main__":
    unittest.main()
