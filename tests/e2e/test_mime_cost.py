#!/usr/bin/env python3
"""End-to-end: a mail built to make the MIME delimiter search slow costs
what any mail of its size costs (review3's finding). A boundary of 8,190
dashes (a long boundary is allowed: senders that evade scanners use them)
and a body line of one letter and 1 MiB of dashes: a search for the
delimiter anywhere in the body rejected a full 8 KiB match at every byte of
that line and went on one byte later, 26 s of CPU for the 1 MiB mail and
29 s for its 1.2 KB gzip. Delimiters only count at line starts, so only
line starts are looked at. The same shape without a boundary parameter
(the delimiter guessed from a first "--x" line) is checked too, and a mail
with a long boundary still has its attachment read.

The bound below is a bomb bound, like test_unpack's: an order of
magnitude under the old cost, far over the new one (0.25 s; ASan builds
~10x that). Inputs are written by this test."""
import base64
import gzip
import json
import os
import resource
import subprocess
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsutil  # noqa: E402

LEAKSIFT = os.environ.get("LEAKSIFT", "leaksift")
CPU_BOUND_S = 8.0
SSN = "536-22-1874"


def dashes_mail(declared):
    b = "-" * 8190
    ctype = 'multipart/mixed; boundary="%s"' % b if declared else "multipart/mixed"
    first = "" if declared else "--x\r\n"
    return ("From: a@example.org\r\nSubject: t\r\nMIME-Version: 1.0\r\nContent-Type: %s\r\n\r\n%sx%s\n"
            % (ctype, first, "-" * (1 << 20))).encode()


def long_boundary_mail():
    b = "=_" + "q" * 3000
    att = base64.encodebytes(("name,ssn\nJane Roe,%s\n" % SSN).encode()).decode()
    return ("From: a@example.org\r\nSubject: t\r\nMIME-Version: 1.0\r\n"
            "Content-Type: multipart/mixed; boundary=\"%s\"\r\n\r\n--%s\r\nContent-Type: text/plain\r\n\r\n"
            "see attached\r\n--%s\r\nContent-Type: text/csv; name=\"staff.csv\"\r\n"
            "Content-Transfer-Encoding: base64\r\n\r\n%s\r\n--%s--\r\n" % (b, b, b, att, b)).encode()


class MimeCost(unittest.TestCase):
    def scan(self, name, data):
        with tempfile.TemporaryDirectory() as d:
            p = os.path.join(d, name)
            with open(p, "wb") as f:
                f.write(data)
            out = os.path.join(d, "m.jsonl")
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            r = subprocess.run([LEAKSIFT, "scan", "-j1", "-q", "-o", out, p], capture_output=True, timeout=600)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            self.assertIn(r.returncode, (0, 1), r.stderr)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            with open(out, encoding="utf-8") as f:
                recs = [json.loads(l) for l in f]
            return cpu, [o for o in recs if o.get("record") == "object"]

    def test_dashes_under_a_long_declared_boundary(self):
        cpu, objs = self.scan("dashes.eml", dashes_mail(True))
        self.assertLess(cpu, CPU_BOUND_S)
        self.assertEqual(len([o for o in objs if o["depth"] == 0]), 1)

    def test_dashes_gzipped(self):
        cpu, objs = self.scan("dashes.eml.gz", gzip.compress(dashes_mail(True), 9))
        self.assertLess(cpu, CPU_BOUND_S)

    def test_dashes_under_a_guessed_boundary(self):
        cpu, objs = self.scan("guessed.eml", dashes_mail(False))
        self.assertLess(cpu, CPU_BOUND_S)

    def test_long_boundary_still_read(self):
        cpu, objs = self.scan("long.eml", long_boundary_mail())
        att = [o for o in objs if o["chain"] and o["chain"][-1] == "staff.csv"]
        self.assertEqual(len(att), 1, [o["chain"] for o in objs])
        self.assertEqual(lsutil.last4s(att[0], "ssn"), [lsutil.last4(SSN)])


if __name__ == "__main__":
    unittest.main()
