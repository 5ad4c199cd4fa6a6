#!/usr/bin/env python3
"""Bare zlib streams are inflated (src/extract/zlibfile.c; fixtures:
tests/gen/gen_zlib.py). Before, such a file was `full` and clean whatever
it held: libarchive reads gzip, not zlib, and the raw scan sees deflated
bytes."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "gen"))
import gen_zlib  # noqa: E402
import lsutil  # noqa: E402


class Zlib(lsutil.GeneratedTree):
    GEN = gen_zlib

    def kids(self, name):
        root = self.m.obj(self.p(name))
        return root, [o for o in self.m.objects if o["parent_id"] == root["id"]]

    def test_named_stream(self):
        root, kids = self.kids("notes.zlib")
        self.assertEqual(root["handler"], "zlib")
        self.assertEqual(root["coverage"], "full")
        self.assertEqual([k["path"].split("/")[-1] if not k["chain"] else k["chain"][-1] for k in kids], ["notes"])
        self.assertEqual(lsutil.last4s(kids[0], "ssn"), ["1874"])
        self.assertIn("email", lsutil.entities(kids[0]))
        self.assertEqual(root["verdict"], "sensitive")

    def test_unnamed_stream(self):
        root, kids = self.kids("cache.bin")
        self.assertEqual(root["handler"], "zlib")
        self.assertEqual(kids[0]["chain"][-1], "inflated")
        self.assertEqual(lsutil.last4s(kids[0], "ssn"), ["1875"])

    def test_zip_inside(self):
        o = self.m.obj(self.p("export.zz"), ("export", "hr/staff.txt"))
        self.assertEqual(lsutil.last4s(o, "ssn"), ["1876"])

    def test_cut(self):
        root, kids = self.kids("cut.zlib")
        self.assertEqual(root["handler"], "zlib")
        self.assertEqual(kids[0]["coverage"], "partial")
        self.assertIn("truncated", kids[0]["coverage_reasons"])
        self.assertGreater(kids[0]["file"]["size"], 10000)

    def test_trailing(self):
        root, kids = self.kids("trailing.zlib")
        names = sorted(k["chain"][-1] for k in kids)
        self.assertEqual(names, ["trailing", "trailing_data"])
        t = [k for k in kids if k["chain"][-1] == "trailing_data"][0]
        self.assertIn("email", lsutil.entities(t))

    def test_bomb(self):
        root, kids = self.kids("bomb.zlib")
        self.assertIn("zip_bomb", root["alerts"] + kids[0]["alerts"])
        self.assertLess(kids[0]["file"]["size"], 64 << 20)

    def test_decoy(self):
        o = self.m.obj(self.p("decoy.bin"))
        self.assertNotEqual(o["handler"], "zlib")
        self.assertEqual(o["findings"], [])


if __name__ == "__main__":
    unittest.main()
