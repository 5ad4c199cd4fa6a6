"""--quarantine-dir: every quarantined root file is copied into a
content-addressed store (DIR/aa/<sha256>, read-only) with an index line; clean
files are not; nothing else is written; a store that cannot be written is an
operational error (exit 2)."""
import hashlib
import json
import os
import stat
import subprocess
import tempfile
import unittest

LEAKSIFT = os.environ.get("LEAKSIFT", "leaksift")


class QuarantineStore(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory(prefix="ls-q-")
        self.root = self.tmp.name
        self.tree = os.path.join(self.root, "tree")
        os.makedirs(os.path.join(self.tree, "sub"))
        self.files = {
            "hr.txt": b"Employee SSN 536-22-1874, mail jane.doe@example.com\n",
            "sub/memo.txt": b"CONFIDENTIAL - do not forward\n",
            "clean.txt": b"nothing to see here\n",
            "sub/copy-of-hr.txt": b"Employee SSN 536-22-1874, mail jane.doe@example.com\n",
        }
        for name, data in self.files.items():
            with open(os.path.join(self.tree, name), "wb") as f:
                f.write(data)

    def tearDown(self):
        for d, _, files in os.walk(self.root):
            os.chmod(d, 0o700)
        self.tmp.cleanup()

    def scan(self, *extra):
        out = os.path.join(self.root, "m.jsonl")
        p = subprocess.run([LEAKSIFT, "scan", "-q", "-o", out, *extra, self.tree],
                           capture_output=True, text=True)
        return p, out

    def test_flagged_files_stored_by_hash(self):
        store = os.path.join(self.root, "store")
        p, out = self.scan("--quarantine-dir", store)
        self.assertEqual(p.returncode, 1, p.stderr)
        with open(os.path.join(store, "index.jsonl"), encoding="utf-8") as f:
            index = [json.loads(l) for l in f]
        stored_paths = sorted(os.path.relpath(e["path"], self.tree) for e in index)
        self.assertEqual(stored_paths, ["hr.txt", "sub/copy-of-hr.txt", "sub/memo.txt"])
        for e in index:
            data = self.files[os.path.relpath(e["path"], self.tree)]
            sha = hashlib.sha256(data).hexdigest()
            self.assertEqual(e["sha256"], sha)
            obj = os.path.join(store, sha[:2], sha)
            with open(obj, "rb") as f:
                self.assertEqual(f.read(), data)
            self.assertEqual(stat.S_IMODE(os.stat(obj).st_mode), 0o400)
            self.assertIn(e["verdict"], ("sensitive",))
        # identical content is stored once: 2 distinct objects for 3 files
        blobs = [n for d in os.listdir(store) if len(d) == 2 for n in os.listdir(os.path.join(store, d))]
        self.assertEqual(len(blobs), 2)
        self.assertFalse([n for n in blobs if n.startswith(".tmp")])
        # the manifest agrees with the store
        with open(out, encoding="utf-8") as f:
            roots = [r for r in map(json.loads, f) if r["record"] == "object" and r["depth"] == 0]
        flagged = sorted(r["file"]["hash"]["sha256"] for r in roots if r["quarantine"])
        self.assertEqual(sorted(e["sha256"] for e in index), flagged)

    def test_store_inside_the_scanned_tree_is_not_triaged(self):
        # a store kept inside the tree (run twice: the copies exist the 2nd
        # time) is never walked: its copies and index are not roots
        store = os.path.join(self.tree, "quarantine")
        for _ in range(2):
            p, out = self.scan("--quarantine-dir", store)
            self.assertEqual(p.returncode, 1, p.stderr)
            with open(out, encoding="utf-8") as f:
                roots = [r for r in map(json.loads, f) if r["record"] == "object" and r["depth"] == 0]
            paths = sorted(os.path.relpath(r["path"], self.tree) for r in roots)
            self.assertEqual(paths, sorted(self.files), p.stderr)

    def test_policy_none_stores_nothing(self):
        store = os.path.join(self.root, "store")
        p, _ = self.scan("--quarantine", "none", "--quarantine-dir", store)
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertEqual(os.listdir(store), ["index.jsonl"])
        self.assertEqual(os.path.getsize(os.path.join(store, "index.jsonl")), 0)

    @unittest.skipIf(os.geteuid() == 0, "root can write anywhere")
    def test_unwritable_store_is_an_error(self):
        store = os.path.join(self.root, "ro")
        os.makedirs(store)
        os.chmod(store, 0o500)
        p, _ = self.scan("--quarantine-dir", store)
        self.assertEqual(p.returncode, 2)

    def test_store_that_is_a_file_is_an_error(self):
        bad = os.path.join(self.root, "afile")
        with open(bad, "w") as f:
            f.write("x")
        p, _ = self.scan("--quarantine-dir", bad)
        self.assertEqual(p.returncode, 2)
        self.assertIn("--quarantine-dir", p.stderr)


if __name__ == "__main__":
    unittest.main()
