#!/usr/bin/env python3
"""End-to-end: UTF-16LE strings inside binaries no handler reads are
scanned (fixtures: tests/gen/gen_wide.py): the values are found in the
text, at even and odd offsets; short runs, random bytes and media give
nothing."""
import os
import sys
import tempfile
import unittest

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(SRC, "tests", "gen"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_wide  # noqa: E402
import lsutil  # noqa: E402


class Wide(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="ls-wide-")
        cls.dir = os.path.join(cls.tmp.name, "in")
        cls.expect = gen_wide.generate(cls.dir)
        os.unlink(os.path.join(cls.dir, "expect.json"))
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [cls.dir], "-j1")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_files(self):
        self.assertEqual(self.proc.returncode, 1, self.proc.stderr)
        for name, exp in self.expect.items():
            o = self.m.obj(os.path.join(self.dir, name))
            with self.subTest(name=name):
                self.assertEqual(sorted(lsutil.entities(o)), sorted(exp["entities"]))
                self.assertEqual(o["text_bytes"] > 0, exp["text"])
                for f in o["findings"]:
                    self.assertEqual({e["where"] for e in f["evidence"]}, {"text"})
                self.assertEqual(o["coverage"], "full")

    def test_text_command_lists_the_strings(self):
        p = lsutil.run(["text", os.path.join(self.dir, "resource.bin")])
        self.assertEqual(p.returncode, 0, p.stderr)
        self.assertIn("Owner: Ren\u00e9e Dubois <renee.dubois@example.org>\n", p.stdout.decode("utf-8"))


if __name__ == "__main__":
    unittest.main()
