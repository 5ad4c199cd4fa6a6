#!/usr/bin/env python3
"""End-to-end: uuencoded files inside plain text are decoded into children
(fixtures: tests/gen/gen_uu.py): a .uue file, a zip inside a saved news
article (its member read too), a .uue cut before its end line (truncated,
what was decoded still scanned), and text that only mentions the begin
line (no child)."""
import os
import sys
import tempfile
import unittest

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(SRC, "tests", "gen"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_uu  # noqa: E402
import lsutil  # noqa: E402


class Uuencode(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="ls-uu-")
        cls.dir = os.path.join(cls.tmp.name, "in")
        cls.expect = gen_uu.generate(cls.dir)
        os.unlink(os.path.join(cls.dir, "expect.json"))
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [cls.dir], "-j1")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_files(self):
        self.assertEqual(self.proc.returncode, 1, self.proc.stderr)
        for name, exp in self.expect.items():
            path = os.path.join(self.dir, name)
            with self.subTest(name=name):
                kids = sorted(o["chain"] for o in self.m.objects if o["path"] == path and o["chain"])
                self.assertEqual(kids, sorted(exp["children"]))
                root = self.m.obj(path)
                # a saved article with headers is read as a message
                self.assertIn(root["handler"], ("text", "mime"))
                if exp["ssn_in"]:
                    self.assertIn("ssn", lsutil.entities(self.m.obj(path, exp["ssn_in"])))
                if exp["truncated"]:
                    kid = self.m.obj(path, exp["children"][0])
                    self.assertEqual(kid["coverage"], "partial")
                    self.assertIn("truncated", kid["coverage_reasons"])


if __name__ == "__main__":
    unittest.main()
