#!/usr/bin/env python3
"""End-to-end: database dumps whose column names are apart from their rows
(fixtures: tests/gen/gen_dbdump2.py). pg_dump's tar format (-Ft) and a
directory-format dump (-Fd) in a tar keep each table's rows in a member of
their own, with the column names only in toc.dat; the pgdump handler reads
the tar whole and hands each data member on with its COPY statement, so a
bare nine-digit SSN and a date of birth in a `ssn` and `dob` column are
found there. A tar with a toc.dat that is not pg_dump's, or with a link
member, stays the archive handler's. SQL text in the shapes Oracle SQL
Developer, Toad, H2, HSQLDB and psql scripts write is labelled by column
as mysqldump's is."""
import os
import sys
import tempfile
import unittest

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(SRC, "tests", "gen"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_dbdump2  # noqa: E402
import lsutil  # noqa: E402


class DbDump2(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="ls-dbdump2-")
        cls.dir = os.path.join(cls.tmp.name, "in")
        cls.expect = gen_dbdump2.generate(cls.dir)
        os.unlink(os.path.join(cls.dir, "expect.json"))
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [cls.dir], "-j1")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_handlers(self):
        self.assertIn(self.proc.returncode, (0, 1), self.proc.stderr)
        for name, exp in self.expect.items():
            with self.subTest(name=name):
                root = self.m.obj(os.path.join(self.dir, name))
                self.assertEqual(root["handler"], exp["handler"])
                self.assertEqual(root["coverage"], "full", root.get("coverage_reasons"))

    def test_labelled_rows(self):
        for name, exp in self.expect.items():
            if "ssn" not in exp:
                continue
            with self.subTest(name=name):
                o = self.m.obj(os.path.join(self.dir, name), [exp["member"]] if "member" in exp else [])
                self.assertEqual(o["coverage"], "full")
                self.assertEqual(lsutil.last4s(o, "ssn"), exp["ssn"])
                self.assertEqual(lsutil.distinct(o, "dob"), exp["dob"])

    def test_text(self):
        p = lsutil.run(["text", os.path.join(self.dir, "payroll_ft.tar!3338.dat")])
        self.assertEqual(p.returncode, 0, p.stderr)
        text = p.stdout.decode("utf-8")
        self.assertTrue(text.startswith("COPY public.staff (id, full_name, ssn, dob, notes) FROM stdin;\n"), text)
        self.assertIn("ssn: %s\tdob: %s" % (gen_dbdump2.SSNS[0], gen_dbdump2.DOBS[0]), text.splitlines())


if __name__ == "__main__":
    unittest.main()
