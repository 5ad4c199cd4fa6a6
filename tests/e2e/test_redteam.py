"""End-to-end: the red-team dump (tests/gen/gen_redteam.py) against its answer key.

The generator plants hostile and sloppy structures the other hostile tests
do not (legacy-encoded and hostile member names, data descriptors,
self-extractors, concatenated zips, mixed encrypted/plain members, cpio
devices and links, multi-member streams, a docx in a zip in a mailed mbox,
seeded random cuts, symlinks out of the tree, ...) and writes what a correct
triage says of each. The dump is scanned once (two workers) and once with
one worker and a quarantine store; every non-arguable key entry must hold,
the manifest must be valid JSON without raw control characters or a full
PII value, and nothing may be written outside the named outputs.
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
import gen_redteam as gen  # noqa: E402

LEAKSIFT = os.environ.get("LEAKSIFT")


def listing(top):
    out = set()
    for d, dirs, files in os.walk(top):
        for n in dirs + files:
            out.add(os.path.join(d, n))
    return out


@unittest.skipUnless(LEAKSIFT, "LEAKSIFT not set")
class RedTeam(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="ls-redteam-")
        base = cls.tmp.name
        cls.key = gen.generate(os.path.join(base, "gen"))
        cls.dump = cls.key["root"]
        cls.tmpdir = os.path.join(base, "tmp")
        os.makedirs(cls.tmpdir)
        env = dict(os.environ, TMPDIR=cls.tmpdir)
        before = listing(base)
        cls.runs = {}
        for name, args in (("j2", ["-j2"]), ("j1q", ["-j1", "--quarantine-dir", os.path.join(base, "q")])):
            man = os.path.join(base, name + ".jsonl")
            p = subprocess.run([LEAKSIFT, "scan", "-q", "-o", man] + args + [cls.dump], cwd=cls.tmpdir,
                               env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
            with open(man, "rb") as f:
                cls.runs[name] = (p.returncode, f.read(), p.stderr)
        man = os.path.join(base, "members.jsonl")
        p = subprocess.run([LEAKSIFT, "scan", "-q", "--max-members", "100", "-o", man,
                            os.path.join(cls.dump, "many")], cwd=cls.tmpdir, env=env,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
        with open(man, "rb") as f:
            cls.runs["members"] = (p.returncode, f.read(), p.stderr)
        cls.created = listing(base) - before

    @classmethod
    def tearDownClass(cls):
        subprocess.run(["chmod", "-R", "u+rwx", cls.tmp.name])
        cls.tmp.cleanup()

    def verify(self, name, runname="default"):
        rc, raw, err = self.runs[name]
        self.assertEqual(rc, 1, err[-2000:])
        bad, fails, _arg = gen.check(self.key, raw, nonroot=os.geteuid() != 0, runname=runname)
        self.assertEqual(bad, [])
        self.assertEqual(fails, [], "\n".join(fails))

    def test_two_workers(self):
        self.verify("j2")

    def test_one_worker_quarantine(self):
        self.verify("j1q")

    def test_member_budget(self):
        self.verify("members", "max_members")

    def test_same_answer_any_worker_count(self):
        def objects(raw):
            keep = ("id", "chain", "coverage", "coverage_reasons", "alerts", "verdict")
            return sorted(json.dumps({k: r[k] for k in keep}, sort_keys=True)
                          for r in map(json.loads, raw.splitlines()) if r["record"] == "object")
        self.assertEqual(objects(self.runs["j2"][1]), objects(self.runs["j1q"][1]))

    def test_nothing_written_elsewhere(self):
        base = self.tmp.name
        allowed = {os.path.join(base, n) for n in ("j2.jsonl", "j1q.jsonl", "members.jsonl", "q")}
        stray = [p for p in self.created
                 if p not in allowed and not p.startswith(os.path.join(base, "q") + os.sep)]
        self.assertEqual(stray, [])

    def test_outside_tree_never_read(self):
        for name in ("j2", "j1q"):
            self.assertNotIn(b"outside_secret", self.runs[name][1])


if __name__ == "__main__":
    unittest.main()
