"""What the database readers' tests share (test_sqlite.py, test_mdb.py):
GEN.generate(dir) writes the databases and returns {file: {"coverage",
"ssn" (true, false or null: not checked), "text" (lines `leaksift text`
must give)}}; the tree is scanned once for the class with -j1.

    class Sqlite(dbutil.DbTree):
        GEN = gen_sqlite
        HANDLER = "sqlite"
"""
import os
import sys
import tempfile
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))


class DbTree(unittest.TestCase):
    GEN = None
    HANDLER = None
    TEXT_ALWAYS = True  # test_text runs `leaksift text` on a file with no line expected too

    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="ls-%s-" % cls.HANDLER)
        cls.dir = os.path.join(cls.tmp.name, "in")
        cls.expect = cls.GEN.generate(cls.dir)
        os.unlink(os.path.join(cls.dir, "expect.json"))
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [cls.dir], "-j1")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def text(self, name):
        p = lsutil.run(["text", os.path.join(self.dir, name)])
        self.assertEqual(p.returncode, 0, p.stderr)
        return p.stdout.decode("utf-8").splitlines()

    def test_records(self):
        self.assertEqual(self.proc.returncode, 1, self.proc.stderr)
        for name, exp in self.expect.items():
            o = self.m.obj(os.path.join(self.dir, name))
            with self.subTest(name=name):
                self.assertEqual(o["handler"], self.HANDLER)
                self.assertEqual(o["coverage"], exp["coverage"])
                self.assertFalse(o["ext_mismatch"])
                if exp["ssn"] is not None:
                    self.assertEqual("ssn" in lsutil.entities(o), exp["ssn"])

    def test_text(self):
        for name, exp in self.expect.items():
            if not exp["text"] and not self.TEXT_ALWAYS:
                continue
            lines = self.text(name)
            for want in exp["text"]:
                with self.subTest(name=name, want=want):
                    self.assertTrue(any(want in ln for ln in lines), lines)
