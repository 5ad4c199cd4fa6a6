#!/usr/bin/env python3
"""The CLI's edges as a demanding user meets them: inputs given to flags
that are not what the flag expects must give a clear error (exit 2), never
a crash, a hang, memory without bound or a silent skip.

--files-from: an entry of more than 1 MiB (a binary file, /dev/zero: no
newline ever comes) is refused ("not a list of paths"; it was read whole
into memory until the kernel killed the run); a NUL inside a
newline-separated entry (a `find -print0` list given without --null) is
refused (the entry was cut at the NUL: one path scanned, the rest
dropped silently). --resume into a FIFO is refused as such. A symlink
named as a PATH to a file is followed (it was recorded not_followed).
--quarantine none with --quarantine-dir is warned about."""
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


class ResumeIntoFifo(unittest.TestCase):
    """--resume -o FIFO: a FIFO opens read-write at once and cannot be read
    back; said as such (it was "cannot resume from the manifest: io
    (Illegal seek)"), exit 2, nothing scanned."""

    def test_resume_needs_a_regular_file(self):
        tmp = tempfile.mkdtemp(prefix="ls_cliedges_fifo_")
        try:
            fifo = os.path.join(tmp, "m.fifo")
            os.mkfifo(fifo)
            with open(os.path.join(tmp, "a.txt"), "wb") as f:
                f.write(b"SSN: 536-22-1874\n")
            p = lsutil.run(["scan", "-q", "--resume", "-o", fifo, os.path.join(tmp, "a.txt")], timeout=60)
            self.assertEqual(p.returncode, 2, p.stderr)
            self.assertIn(b"--resume needs a manifest file (-o FILE): ", p.stderr)
            self.assertIn(b"is not a regular file", p.stderr)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


class SymlinkNamedAsPath(unittest.TestCase):
    """A symlink to a regular file named as a PATH (or a --files-from
    entry) is followed, as README says (find -H) and as a symlink to a
    directory already was: it was recorded `not_followed`, hostile, with
    "Too many levels of symbolic links", its content never read. One met
    inside a walked directory is still recorded, not followed."""

    def test_link_argument_is_read(self):
        tmp = tempfile.mkdtemp(prefix="ls_cliedges_link_")
        try:
            os.makedirs(os.path.join(tmp, "d"))
            with open(os.path.join(tmp, "staff.txt"), "wb") as f:
                f.write(b"Name: Jane Roe, SSN: 536-22-1874\n")
            os.symlink("staff.txt", os.path.join(tmp, "link.txt"))
            os.symlink("../staff.txt", os.path.join(tmp, "d", "inner.txt"))
            out = os.path.join(tmp, "m.jsonl")
            with_list = os.path.join(tmp, "list")
            with open(with_list, "w") as f:
                f.write("link.txt\n")
            for extra in (["link.txt", "d"], ["--files-from", with_list, "d"]):
                with self.subTest(args=extra):
                    p = lsutil.run(["scan", "-q", "-o", out] + extra, cwd=tmp)
                    self.assertEqual(p.returncode, 1, p.stderr)
                    m = lsutil.load(out)
                    o = m.obj("link.txt")
                    self.assertEqual((o["verdict"], o["coverage"]), ("sensitive", "full"), o)
                    self.assertEqual(lsutil.last4s(o, "ssn"), ["1874"])
                    inner = m.obj("d/inner.txt")
                    self.assertEqual(inner["coverage_reasons"], ["not_followed"])
                    self.assertIn("symlink", inner["alerts"])
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


    def test_dangling_link_argument_is_said(self):
        """A named symlink whose target is missing: recorded (not_followed)
        with why in its errors, and said on stderr, as a missing PATH is
        (it was recorded with no error and nothing said)."""
        tmp = tempfile.mkdtemp(prefix="ls_cliedges_dangling_")
        try:
            os.symlink("nowhere.txt", os.path.join(tmp, "gone.txt"))
            out = os.path.join(tmp, "m.jsonl")
            p = lsutil.run(["scan", "-q", "-o", out, "gone.txt"], cwd=tmp)
            self.assertEqual(p.returncode, 1, p.stderr)
            self.assertIn(b"gone.txt: a symlink whose target cannot be opened: No such file or directory", p.stderr)
            o = lsutil.load(out).obj("gone.txt")
            self.assertEqual(o["coverage_reasons"], ["not_followed"])
            self.assertEqual(o["errors"], ["a symlink whose target cannot be opened: No such file or directory"])
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


class QuarantineNoneWithStore(unittest.TestCase):
    """--quarantine none with --quarantine-dir: flags that contradict each
    other; the store stays empty and a warning says why (it was silent)."""

    def test_warned(self):
        tmp = tempfile.mkdtemp(prefix="ls_cliedges_qnone_")
        try:
            with open(os.path.join(tmp, "a.txt"), "wb") as f:
                f.write(b"Name: Jane Roe, SSN: 536-22-1874\n")
            p = lsutil.run(["scan", "-q", "-o", "m.jsonl", "--quarantine", "none", "--quarantine-dir", "q", "a.txt"],
                           cwd=tmp)
            self.assertEqual(p.returncode, 0, p.stderr)
            self.assertIn(b"warning: --quarantine none: nothing is quarantined, so --quarantine-dir q stores nothing",
                          p.stderr)
            self.assertEqual(sorted(os.listdir(os.path.join(tmp, "q"))), ["index.jsonl"])
        finally:
            shutil.rmtree(tmp, ignore_errors=True)


class RuleFileTooLarge(unittest.TestCase):
    """--rules or --identifiers naming something far larger than a rule
    file (/dev/zero, a disk image) says so (it said the bare word
    "limit"), exit 2."""

    def test_says_what_is_wrong(self):
        for flag, mib in (("--rules", 64), ("--identifiers", 16)):
            with self.subTest(flag=flag):
                p = lsutil.run(["scan", "-q", "-o", "-", flag, "/dev/zero", "/dev/null"], timeout=120)
                self.assertEqual(p.returncode, 2, p.stderr)
                self.assertIn(b"/dev/zero: larger than %d MiB: not a rule or identifier file" % mib, p.stderr)


if __name__ == "__main__":
    unittest.main()
