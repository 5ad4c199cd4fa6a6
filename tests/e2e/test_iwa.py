#!/usr/bin/env python3
"""End-to-end: Apple iWork 2013+ packages (Pages, Numbers, Keynote): the
Snappy-compressed protobuf of their .iwa members is decompressed and its
strings scanned (fixtures: tests/gen/gen_iwa.py). A damaged or cut member
keeps the text before the damage and is partial; a member named .iwa that
is not one is left to its own handler."""
import os
import sys
import tempfile
import unittest

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(SRC, "tests", "gen"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_iwa  # noqa: E402
import lsutil  # noqa: E402


class Iwa(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="ls-iwa-")
        cls.dir = os.path.join(cls.tmp.name, "in")
        cls.expect = gen_iwa.generate(cls.dir)
        os.unlink(os.path.join(cls.dir, "expect.json"))
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [cls.dir], "-j1")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_members(self):
        self.assertEqual(self.proc.returncode, 1, self.proc.stderr)
        for name, exp in self.expect.items():
            path = os.path.join(self.dir, name)
            o = self.m.obj(path, exp["ssn_in"])
            with self.subTest(name=name):
                self.assertEqual(o["coverage"], exp["coverage"])
                self.assertIn("ssn", lsutil.entities(o))
                self.assertEqual(o["handler"], "text" if name == "notiwa.pages" else "iwa")
                if o["handler"] == "iwa":
                    # read from the decompressed text, not the compressed bytes
                    ssn = lsutil.entities(o)["ssn"]
                    self.assertEqual({e["where"] for e in ssn["evidence"]}, {"text"} if exp["coverage"] == "full"
                                     else {e["where"] for e in ssn["evidence"]})

    def test_text(self):
        p = lsutil.run(["text", os.path.join(self.dir, "memo.pages") + "!Index/Document.iwa"])
        self.assertEqual(p.returncode, 0, p.stderr)
        lines = p.stdout.decode("utf-8").splitlines()
        for want in (gen_iwa.SSN_TEXT, gen_iwa.CELL, "Sheet 1 \u2013 Salaries", "Author: R\u00e9mi Dupont"):
            self.assertIn(want, lines)
        self.assertIn("passport", lsutil.entities(self.m.obj(os.path.join(self.dir, "memo.pages"),
                                                             ["Index/Document.iwa"])))


if __name__ == "__main__":
    unittest.main()
