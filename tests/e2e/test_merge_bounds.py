#!/usr/bin/env python3
"""`leaksift merge` reads a line of at most 512 MiB (LS_MERGE_LINE_MAX, a
worker's largest frame: no scan writes a longer record). A manifest whose
run record is followed by gigabytes without a newline (a sparse file of
zeros, /dev/zero piped in as `-`) is refused with "line N is longer than
... bytes: not a manifest", exit 2, its memory (and a pipe's copy in
$TMPDIR) bounded by the limit; getline() grew the line until the kernel
killed the run, or, where memory ran out first, took the failure for the
end of the input and wrote a merged manifest without saying anything.

The tests lower the limit through LEAKSIFT_TEST_MERGE_LINE_MAX (read only
by a build with -DLEAKSIFT_TEST_HOOKS=ON) to 1 MiB, so that no test
allocates 512 MiB on a shared machine; the sparse file test also runs
merge with its address space limited (not under the sanitizers)."""
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

LIMIT = 1 << 20


def version_says(word):
    return word in lsutil.run(["version"]).stderr


HOOKS = version_says(b"test hooks: on")
SANITIZED = version_says(b"sanitizers: on")


@unittest.skipUnless(HOOKS, "CLI built without -DLEAKSIFT_TEST_HOOKS=ON")
class MergeLineBound(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="ls_mergebounds_")
        t = os.path.join(cls.tmp, "tree")
        os.makedirs(t)
        with open(os.path.join(t, "a.txt"), "wb") as f:
            f.write(b"Name: Jane Roe, SSN: 536-22-1874\n")
        cls.good = os.path.join(cls.tmp, "good.jsonl")
        p = lsutil.run(["scan", "-q", "-o", cls.good, t])
        assert p.returncode in (0, 1), p.stderr
        with open(cls.good, "rb") as f:
            cls.lines = f.read().splitlines(keepends=True)
        cls.env = dict(os.environ, LEAKSIFT_TEST_MERGE_LINE_MAX=str(LIMIT))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def merge(self, out, *inputs, **kw):
        return subprocess.run([lsutil.LEAKSIFT, "merge", "-q", "-o", out] + list(inputs), capture_output=True,
                              timeout=300, env=self.env, **kw)

    def test_sparse_gigabytes_of_zeros(self):
        big = os.path.join(self.tmp, "zeros.jsonl")
        with open(big, "wb") as f:
            f.write(self.lines[0])
            f.truncate(4 << 30)  # 4 GiB, sparse: no disk used
        out = os.path.join(self.tmp, "m1.jsonl")

        def limit_memory():
            resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

        p = self.merge(out, self.good, big, preexec_fn=None if SANITIZED else limit_memory)
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn(b"zeros.jsonl: line 2 is longer than %d bytes: not a manifest" % LIMIT, p.stderr)
        self.assertFalse(os.path.exists(out))

    def test_zeros_piped_in(self):
        out = os.path.join(self.tmp, "m2.jsonl")
        tmpdir = os.path.join(self.tmp, "spool")
        os.makedirs(tmpdir)
        errf = open(os.path.join(self.tmp, "m2.err"), "w+b")
        proc = subprocess.Popen([lsutil.LEAKSIFT, "merge", "-q", "-o", out, "-"], stdin=subprocess.PIPE,
                                stdout=subprocess.DEVNULL, stderr=errf, env=dict(self.env, TMPDIR=tmpdir))
        sent = [0]

        def feed():  # the run record, then zeros until merge stops reading
            try:
                proc.stdin.write(self.lines[0])
                zeros = bytes(1 << 16)
                while sent[0] < (64 << 20):
                    proc.stdin.write(zeros)
                    sent[0] += len(zeros)
                proc.stdin.close()
            except (BrokenPipeError, ValueError):
                pass

        th = threading.Thread(target=feed)
        th.start()
        th.join(timeout=300)
        proc.wait(timeout=300)
        errf.seek(0)
        err = errf.read()
        errf.close()
        self.assertEqual(proc.returncode, 2, err)
        self.assertIn(b"line 2 of standard input is longer than %d bytes: not a manifest" % LIMIT, err)
        self.assertLess(sent[0], 64 << 20)  # it stopped reading (the copy in $TMPDIR is bounded)
        self.assertFalse(os.path.exists(out))

    def test_a_line_within_the_limit_is_read(self):
        # a record line just under the limit (a long errors string) is merged as it was
        lines = list(self.lines)
        for i, ln in enumerate(lines):
            if ln.startswith(b'{"record":"object"'):
                pad = b"x" * (LIMIT - len(ln) - 16)
                lines[i] = ln.replace(b'{"record":"object",', b'{"record":"object","pad":"' + pad + b'",', 1)
                self.assertLessEqual(len(lines[i]) - 1, LIMIT)
                break
        src = os.path.join(self.tmp, "long.jsonl")
        with open(src, "wb") as f:
            f.write(b"".join(lines))
        out = os.path.join(self.tmp, "m3.jsonl")
        p = self.merge(out, src)
        self.assertIn(p.returncode, (0, 1), p.stderr)
        with open(out, "rb") as f:
            self.assertTrue(pad in f.read(), "the long record line was not merged")


if __name__ == "__main__":
    unittest.main()
