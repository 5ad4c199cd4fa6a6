#!/usr/bin/env python3
"""End-to-end: documents in formats leaksift has no reader for whose bytes
do not hold their text as it is (Works for DOS spreadsheets, IBM
DCA-RFT / DisplayWrite, Microsoft Reader LIT, Sony BBeB LRF, compressed
Mobipocket and PalmDOC eBooks, Snappy framed streams) are not `full`:
handler "opaque", reason unsupported, the format named in errors, the raw
bytes still scanned. Look-alikes (a PalmDOC book stored uncompressed, a
Lotus 1-2-3 worksheet, text starting with a signature) are left alone
(fixtures: tests/gen/gen_unread18.py)."""
import os
import sys
import tempfile
import unittest

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(SRC, "tests", "gen"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_unread18  # noqa: E402
import lsutil  # noqa: E402


class Unread(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="ls-unread18-")
        cls.dir = os.path.join(cls.tmp.name, "in")
        cls.expect = gen_unread18.generate(cls.dir)
        os.unlink(os.path.join(cls.dir, "expect.json"))
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [cls.dir], "-j2")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def rec(self, name):
        return self.m.obj(os.path.join(self.dir, name))

    def test_unreadable_documents_are_partial(self):
        names = [n for n, k in self.expect.items() if k != "other"]
        self.assertGreaterEqual(len(names), 8)
        for name in names:
            o = self.rec(name)
            with self.subTest(name=name):
                self.assertEqual(o["handler"], "opaque")
                self.assertEqual(o["coverage"], "partial")
                self.assertEqual(o["coverage_reasons"], ["unsupported"])
                self.assertTrue(any(e.startswith("opaque: " + self.expect[name]) for e in o["errors"]), o["errors"])
                # the raw bytes are still scanned: the SSN after the header
                self.assertIn("ssn", lsutil.entities(o))
                self.assertNotEqual(o["verdict"], "clean")

    def test_look_alikes(self):
        for name in [n for n, k in self.expect.items() if k == "other"]:
            o = self.rec(name)
            with self.subTest(name=name):
                self.assertNotEqual(o["handler"], "opaque")
                self.assertNotIn("unsupported", o["coverage_reasons"])
                self.assertEqual(o["coverage"], "full")
        self.assertEqual(self.rec("lotus.wks")["handler"], "lotus")


if __name__ == "__main__":
    unittest.main()
