#!/usr/bin/env python3
"""The CLI as a responder meets it on a long run (split19).

--quarantine-dir naming a folder that exists and is not a leaksift store
(a case folder of evidence, a home directory: anything but index.jsonl,
two-hex-digit folders of copies, lost+found and the manifest -o itself)
is refused before anything is written, exit 2: copies of quarantined
files were mixed into it, 0400, beside its own files. A new folder, an
empty one, and a store a previous run wrote (with the manifest inside it,
resumed) are taken.

Progress on a log: with stderr not a terminal (nohup, a CI job, a pipe)
and no -q, a plain progress line ends in a newline once a minute (it was
silent until the end: a run of hours said nothing); never a carriage
return or an escape sequence in the log. The tests shorten the minute
through LEAKSIFT_TEST_PROGRESS_EVERY (test-hook builds only).

With -q, files listed but not read (gone, unreadable or no longer a
regular file when opened, or lost to a worker failure) are said in one line: -q said
nothing, and its exit status 1 read as "something quarantined"."""
import os
import re
import shutil
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402


class QuarantineDirMustBeAStore(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="ls_cli19_q_")
        self.tree = os.path.join(self.tmp, "t")
        os.makedirs(self.tree)
        with open(os.path.join(self.tree, "a.txt"), "wb") as f:
            f.write(b"Name: Jane Roe, SSN: 536-22-1874\n")
        self.out = os.path.join(self.tmp, "m.jsonl")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def scan(self, store, *extra, out=None):
        return lsutil.run(["scan", "-q", "-o", out or self.out, "--quarantine-dir", store] + list(extra) +
                          [self.tree])

    def listing(self, d):
        return sorted(os.path.relpath(os.path.join(r, n), d) for r, ds, fs in os.walk(d) for n in ds + fs)

    def test_a_folder_of_other_files_is_refused(self):
        for name, isdir in (("notes.txt", False), ("evidence", True), ("index.jsonl.bak", False),
                            ("AB", True), ("ab", False)):
            with self.subTest(name=name):
                store = os.path.join(self.tmp, "case-" + name)
                os.makedirs(store)
                if isdir:
                    os.makedirs(os.path.join(store, name))
                else:
                    with open(os.path.join(store, name), "wb") as f:
                        f.write(b"the responder's own file\n")
                before = self.listing(store)
                p = self.scan(store)
                self.assertEqual(p.returncode, 2, p.stderr)
                self.assertIn(b"--quarantine-dir " + store.encode() + b" is not a leaksift quarantine store", p.stderr)
                self.assertIn(name.encode(), p.stderr)
                self.assertEqual(self.listing(store), before)  # nothing written into it
                self.assertFalse(os.path.exists(self.out))

    def test_new_empty_and_previous_store_are_taken(self):
        new = os.path.join(self.tmp, "new")
        p = self.scan(new)
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertIn("index.jsonl", os.listdir(new))
        # the same store again (a second scan, then a resumed one)
        p = self.scan(new, out=os.path.join(self.tmp, "m2.jsonl"))
        self.assertEqual(p.returncode, 1, p.stderr)
        empty = os.path.join(self.tmp, "empty")
        os.makedirs(os.path.join(empty, "lost+found"))
        p = self.scan(empty, out=os.path.join(self.tmp, "m3.jsonl"))
        self.assertEqual(p.returncode, 1, p.stderr)

    def test_manifest_inside_the_store_is_resumed(self):
        store = os.path.join(self.tmp, "case")
        out = os.path.join(store, "manifest.jsonl")
        p = self.scan(store, out=out)
        self.assertEqual(p.returncode, 1, p.stderr)
        p = self.scan(store, "--resume", out=out)
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertEqual(len(lsutil.load(out).roots()), 1)


def hooks_on():
    return b"test hooks: on" in lsutil.run(["version"]).stderr


@unittest.skipUnless(hooks_on(), "CLI built without -DLEAKSIFT_TEST_HOOKS=ON")
class ProgressOnALog(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="ls_cli19_p_")
        os.makedirs(os.path.join(cls.tmp, "d"))
        for i in range(40):
            with open(os.path.join(cls.tmp, "d", "f%02d.txt" % i), "wb") as f:
                f.write(b"line %d, nothing here\n" % i)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def run_scan(self, *extra):
        env = dict(os.environ, LEAKSIFT_TEST_PROGRESS_EVERY="0")  # a line at every root
        return lsutil.run(["scan", "-j1", "-o", os.path.join(self.tmp, "p.jsonl")] + list(extra) +
                          [os.path.join(self.tmp, "d")], env=env)

    def test_lines_on_a_log(self):
        p = self.run_scan()
        self.assertIn(p.returncode, (0, 1), p.stderr)
        lines = re.findall(rb"^leaksift: (\d+)/40 files, \d+ objects, .*, ETA \S+, \d+ flagged$", p.stderr, re.M)
        self.assertGreaterEqual(len(lines), 2, p.stderr)
        self.assertNotIn(b"\r", p.stderr)
        self.assertNotIn(b"\033", p.stderr)
        self.assertIn(b"leaksift: 40 files, 40 objects", p.stderr)  # the summary still ends it

    def test_quiet_says_nothing(self):
        p = self.run_scan("-q")
        self.assertIn(p.returncode, (0, 1), p.stderr)
        self.assertEqual(p.stderr, b"")


@unittest.skipUnless(hooks_on(), "CLI built without -DLEAKSIFT_TEST_HOOKS=ON")
class QuietSaysLostFiles(unittest.TestCase):
    def test_worker_failure_is_said(self):
        tmp = tempfile.mkdtemp(prefix="ls_cli19_q_")
        try:
            os.makedirs(os.path.join(tmp, "t"))
            for n, data in (("a_crash.txt", b"LEAKSIFT-TEST-CRASH\nrest\n"), ("b.txt", b"nothing here\n")):
                with open(os.path.join(tmp, "t", n), "wb") as f:
                    f.write(data)
            p = lsutil.run(["scan", "-q", "-j1", "-o", os.path.join(tmp, "m.jsonl"), os.path.join(tmp, "t")])
            self.assertEqual(p.returncode, 1, p.stderr)
            self.assertIn(b"leaksift: not read: 1 files (0 gone, unreadable or no longer regular files when "
                          b"opened, 1 lost to worker failures;", p.stderr)
            self.assertEqual(p.stderr.count(b"\n"), 1, p.stderr)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


@unittest.skipUnless(hooks_on(), "CLI built without -DLEAKSIFT_TEST_HOOKS=ON")
class ResumeIntoAHugeLine(unittest.TestCase):
    """--resume into a manifest holding a line longer than a record can be
    (its run record, then gigabytes of zeros: a damaged file, a disk
    image named by -o): a clear error, exit 2, the file left as it was. The
    journal reader read 1 MiB past its buffer once the line reached its
    limit (EFAULT, 'io (Bad address)', after 69 s: each MiB read moved and
    searched the whole line again). The limit is lowered to 1 MiB by
    LEAKSIFT_TEST_JOURNAL_LINE_MAX (test-hook builds)."""

    def test_refused(self):
        tmp = tempfile.mkdtemp(prefix="ls_cli19_r_")
        try:
            src = os.path.join(tmp, "a.txt")
            with open(src, "wb") as f:
                f.write(b"nothing here\n")
            out = os.path.join(tmp, "m.jsonl")
            p = lsutil.run(["scan", "-q", "-o", out, src])
            self.assertEqual(p.returncode, 0, p.stderr)
            with open(out, "rb") as f:
                run = f.readline()
            with open(out, "wb") as f:
                f.write(run)
                f.truncate(4 << 30)  # sparse: no disk used
            env = dict(os.environ, LEAKSIFT_TEST_JOURNAL_LINE_MAX=str(1 << 20))
            p = lsutil.run(["scan", "-q", "--resume", "-o", out, src], env=env)
            self.assertEqual(p.returncode, 2, p.stderr)
            self.assertIn(b"cannot resume from the manifest: it holds a line longer than", p.stderr)
            self.assertEqual(os.path.getsize(out), 4 << 30)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    unittest.main()
