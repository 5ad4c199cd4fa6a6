#!/usr/bin/env python3
"""End-to-end: Git object storage (fixtures: tests/gen/gen_git.py, written
by the format's description; the pack is also checked by `git index-pack`
when git is installed). Loose objects and packs are zlib streams the raw
scan cannot read: blobs become children, commits give their authors, and a
delta is applied to its base: the older version it gives - a secret a later
commit removed - is a child of its own."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(SRC, "tests", "gen"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_git  # noqa: E402
import lsutil  # noqa: E402


class Git(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="ls-git-")
        cls.dir = os.path.join(cls.tmp.name, "in")
        cls.expect = gen_git.generate(cls.dir)
        os.unlink(os.path.join(cls.dir, "expect.json"))
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [cls.dir], "-j1")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def found(self, path):
        """Entities of the object at path and of all its members."""
        out = set()
        for o in self.m.by_path(path):
            out |= set(lsutil.entities(o))
        return out

    def test_objects(self):
        self.assertEqual(self.proc.returncode, 1, self.proc.stderr)
        for name, exp in self.expect.items():
            path = os.path.join(self.dir, name)
            o = self.m.obj(path)
            with self.subTest(name=name):
                self.assertEqual(o["handler"], "git")
                self.assertEqual(o["coverage"], exp["coverage"])
                ents = self.found(path)
                for s in exp["secrets"]:
                    self.assertIn(s, ents)
                self.assertEqual("email" in ents, exp["email"], ents)

    def test_bomb_is_cut_at_the_ratio(self):
        path = os.path.join(self.dir, "bomb-object")
        o = self.m.obj(path)
        self.assertIn("zip_bomb", o["alerts"])
        self.assertEqual(o["verdict"], "hostile")
        self.assertIn("limit:bytes", o["coverage_reasons"])
        # inflating stopped just past the floor, not at 64 MiB
        blob = self.m.obj(path, ["blob"])
        self.assertLess(blob["file"]["size"], 4 << 20)

    def test_removed_secret_is_in_the_delta(self):
        pack = [n for n in self.expect if n.endswith(".pack") and "objects" in n][0]
        blobs = [b for b in self.m.by_path(os.path.join(self.dir, pack)) if b["chain"]]
        # the whole blob, named by the tree entry that points at its id, has no secret
        named = [b for b in blobs if re.match(r"^blob@[0-9]+/config\.ini$", b["chain"][0])]
        self.assertEqual(len(named), 1, [b["chain"] for b in blobs])
        self.assertNotIn("aws_secret", lsutil.entities(named[0]))
        # the delta applied to it gives the older version, a child of its own
        # (no tree in the pack names it) that holds the removed lines
        built = [b for b in blobs if b is not named[0]]
        self.assertEqual(len(built), 1)
        self.assertRegex(built[0]["chain"][0], r"^blob@[0-9]+$")
        self.assertIn("aws_secret", lsutil.entities(built[0]))
        self.assertIn("aws_key", lsutil.entities(built[0]))

    def test_raw_bytes_not_scanned_when_read(self):
        for o in self.m.objects:
            if o["handler"] == "git" and o["coverage"] == "full":
                for f in o["findings"]:
                    self.assertNotIn("raw", {e["where"] for e in f["evidence"]}, o["path"])

    @unittest.skipUnless(shutil.which("git"), "git not installed")
    def test_real_git_reads_the_pack(self):
        repo = os.path.join(self.tmp.name, "check.git")
        subprocess.run(["git", "init", "-q", "--bare", repo], check=True)
        pack = [n for n in self.expect if n.endswith(".pack") and "objects" in n][0]
        dst = os.path.join(repo, "objects", "pack", os.path.basename(pack))
        shutil.copy(os.path.join(self.dir, pack), dst)
        p = subprocess.run(["git", "-C", repo, "index-pack", dst], capture_output=True)
        self.assertEqual(p.returncode, 0, p.stderr)


if __name__ == "__main__":
    unittest.main()
