#!/usr/bin/env python3
"""oledata.mso (embedded objects of Word 2003 XML documents and of Office
documents saved as web pages): each root stream, a u32 size + zlib
stream of an object's compound file, is inflated and read as a child
(Tika testWORD2003.xml's oledata.mso: an Excel sheet and a PDF package,
was "no document stream this handler knows", partial). Fixtures:
tests/gen/gen_oledata.py."""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_oledata  # noqa: E402


class OleData(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "od")
        gen_oledata.generate(cls.dir)
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [cls.dir])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def check(self, path, prefix):
        root = self.m.obj(path, prefix)
        self.assertEqual(root["coverage"], "full", root["errors"])
        self.assertEqual(root["children"], 2)
        xls = self.m.obj(path, prefix + ["_1523270609"])
        self.assertEqual(xls["handler"], "ole2")
        self.assertIn("ssn", lsutil.entities(xls))
        note = self.m.obj(path, prefix + ["_1523270608", "note.txt"])
        self.assertIn("email", lsutil.entities(note))

    def test_standalone(self):
        self.check(os.path.join(self.dir, "oledata.mso"), [])

    def test_in_word_xml(self):
        p = os.path.join(self.dir, "embeds.xml")
        self.check(p, ["oledata.mso"])
        self.assertEqual(self.m.obj(p)["coverage"], "full")

    def test_bomb_object_is_cut_at_the_ratio(self):
        o = self.m.obj(os.path.join(self.dir, "bomb.mso"))
        self.assertIn("zip_bomb", o["alerts"])
        self.assertEqual(o["verdict"], "hostile")
        # cut while inflating, just past the bomb floor (not 64 MiB, then the root ratio)
        self.assertTrue(any(e.startswith("ole2: a zlib stream expands over") for e in o["errors"]), o["errors"])


if __name__ == "__main__":
    unittest.main()
