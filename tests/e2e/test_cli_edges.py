#!/usr/bin/env python3
"""The CLI's edges as a demanding user meets them: inputs given to flags
that are not what the flag expects must give a clear error (exit 2), never
a crash, a hang, memory without bound or a silent skip.

--files-from: an entry of more than 1 MiB (a binary file, /dev/zero: no
newline ever comes) is refused ("not a list of paths"; it was read whole
into memory until the kernel killed the run); a NUL inside a
newline-separated entry (a `find -print0` list given without --null) is
refused (the entry was cut at the NUL: one path scanned, the rest
dropped silently)."""
import os
import shutil
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402


class FilesFromEdges(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="ls_cliedges_")
        os.makedirs(os.path.join(cls.tmp, "t"))
        for n in ("a.txt", "b.txt"):
            with open(os.path.join(cls.tmp, "t", n), "wb") as f:
                f.write(b"Name: Jane Roe, SSN: 536-22-1874\n")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def scan_list(self, data, *extra):
        lst = os.path.join(self.tmp, "list")
        with open(lst, "wb") as f:
            f.write(data)
        out = os.path.join(self.tmp, "m.jsonl")
        if os.path.exists(out):
            os.unlink(out)
        p = lsutil.run(["scan", "-q", "-j1", "-o", out, "--files-from", lst] + list(extra), cwd=self.tmp)
        m = lsutil.load(out) if os.path.exists(out) and os.path.getsize(out) else None
        return p, m

    def test_entry_without_end_is_refused(self):
        p, _ = self.scan_list(b"\0" * (3 << 20))
        self.assertEqual(p.returncode, 2, p.stderr[:300])
        self.assertIn(b"entry 1 is longer than 1048576 bytes: not a list of paths", p.stderr)
        self.assertLess(len(p.stderr), 4096)  # the entry is not echoed
        p, _ = self.scan_list(b"t/a.txt\n" + b"x" * (2 << 20) + b"\n")
        self.assertEqual(p.returncode, 2, p.stderr[:300])
        self.assertIn(b"entry 2 is longer", p.stderr)

    def test_nul_list_without_null_is_refused(self):
        p, m = self.scan_list(b"t/a.txt\0t/b.txt\0")
        self.assertEqual(p.returncode, 2, p.stderr)
        self.assertIn(b"holds a NUL byte (a NUL-separated list needs --null)", p.stderr)
        p, m = self.scan_list(b"t/a.txt\0t/b.txt\0", "--null")
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertEqual(sorted(o["path"] for o in m.objects), ["t/a.txt", "t/b.txt"])

    def test_plain_list_still_read(self):
        p, m = self.scan_list(b"t/a.txt\r\n\n\nt/b.txt")  # CRLF, blank lines, no final newline
        self.assertEqual(p.returncode, 1, p.stderr)
        self.assertEqual(sorted(o["path"] for o in m.objects), ["t/a.txt", "t/b.txt"])


if __name__ == "__main__":
    unittest.main()
