#!/usr/bin/env python3
"""`leaksift merge` with `-` as an input: standard input, a pipe or a file
redirected into it, merges as the same file named would (it failed with
"-: No such file or directory"); `-` given twice, a terminal-less empty
input, or stdin that is the output itself are refused with a clear error,
and OUT is left as it was."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402


def objects(path):
    """The manifest's object and root_done lines, without merged_from."""
    with open(path, "rb") as f:
        return [ln for ln in f.read().splitlines() if ln.startswith(b'{"record":"object"')
                or ln.startswith(b'{"record":"root_done"')]


class MergeStdin(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="ls_mergestdin_")
        t = os.path.join(cls.tmp, "tree")
        os.makedirs(t)
        for i in range(6):
            with open(os.path.join(t, "f%d.txt" % i), "wb") as f:
                f.write(b"Name: Jane Roe %d, SSN: 536-22-18%02d\n" % (i, 74 + i))
        key = os.path.join(cls.tmp, "key")
        with open(key, "wb") as f:
            f.write(b"merge-stdin-test-key-0123456789abcdef")
        cls.shards = []
        for k in (1, 2):
            out = os.path.join(cls.tmp, "s%d.jsonl" % k)
            p = lsutil.run(["scan", "-q", "--fingerprint-key", key, "--shard", "%d/2" % k, "-o", out, t])
            assert p.returncode in (0, 1), p.stderr
            cls.shards.append(out)
        cls.ref = os.path.join(cls.tmp, "ref.jsonl")
        p = lsutil.run(["merge", "-q", "-o", cls.ref] + cls.shards)
        assert p.returncode in (0, 1), p.stderr

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def merge_stdin(self, out, data=None, stdin_file=None, *inputs):
        argv = [lsutil.LEAKSIFT, "merge", "-q", "-o", out] + list(inputs)
        if stdin_file:
            with open(stdin_file, "rb") as f:
                return subprocess.run(argv, stdin=f, capture_output=True, timeout=120)
        return subprocess.run(argv, input=data, capture_output=True, timeout=120)

    def test_pipe_as_input(self):
        out = os.path.join(self.tmp, "pipe.jsonl")
        with open(self.shards[0], "rb") as f:
            p = self.merge_stdin(out, f.read(), None, "-", self.shards[1])
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertEqual(objects(out), objects(self.ref))
        self.assertIn(b'"merged_from":["-",', open(out, "rb").readline())

    def test_file_redirected_as_input(self):
        out = os.path.join(self.tmp, "redir.jsonl")
        p = self.merge_stdin(out, None, self.shards[1], self.shards[0], "-")
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertEqual(sorted(objects(out)), sorted(objects(self.ref)))

    def test_refused_inputs(self):
        out = os.path.join(self.tmp, "refused.jsonl")
        with open(out, "wb") as f:
            f.write(b"")
        p = self.merge_stdin(out, b"", None, "-", "-")
        self.assertEqual(p.returncode, 2)
        self.assertIn(b"given 2 times", p.stderr)
        p = self.merge_stdin(out, b"not a manifest\n", None, "-")
        self.assertEqual(p.returncode, 2)
        self.assertIn(b"- is not a leaksift manifest", p.stderr)
        self.assertEqual(os.path.getsize(out), 0)  # OUT left as it was
        # standard input is the output itself
        p = self.merge_stdin(self.shards[0], None, self.shards[0], "-")
        self.assertEqual(p.returncode, 2)
        self.assertIn(b"is also an input", p.stderr)


if __name__ == "__main__":
    unittest.main()
