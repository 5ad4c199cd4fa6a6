#!/usr/bin/env python3
"""End-to-end: SQL dumps (fixtures: tests/gen/gen_sqldump.py). Their rows
are bare values whose column names are in the INSERT's column list, the
CREATE TABLE above it or a COPY header; the dump reader labels each row's
values by column, so a nine-digit SSN and a date of birth with no label on
their line are found, in the shapes mysqldump, pg_dump, phpMyAdmin and
`sqlite3 .dump` write. The same numbers under order and invoice columns
stay clean."""
import os
import sys
import tempfile
import unittest

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(SRC, "tests", "gen"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_sqldump  # noqa: E402
import lsutil  # noqa: E402


class SqlDump(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="ls-sqldump-")
        cls.dir = os.path.join(cls.tmp.name, "in")
        cls.expect = gen_sqldump.generate(cls.dir)
        os.unlink(os.path.join(cls.dir, "expect.json"))
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [cls.dir], "-j1")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_dumps(self):
        self.assertEqual(self.proc.returncode, 1, self.proc.stderr)
        for name, exp in self.expect.items():
            o = self.m.obj(os.path.join(self.dir, name))
            ents = lsutil.entities(o)
            with self.subTest(name=name):
                self.assertEqual(o["handler"], "text")
                self.assertEqual(o["coverage"], "full")
                self.assertEqual(o["verdict"] == "clean", exp["clean"], ents.keys())
                ssn = sorted(e["redacted"][-4:] for e in ents["ssn"]["evidence"]) if "ssn" in ents else []
                self.assertEqual(ssn, sorted(exp["ssn"]))
                self.assertEqual(ents["dob"]["distinct"] if "dob" in ents else 0, exp["dob"])

    def test_labels_in_text(self):
        p = lsutil.run(["text", os.path.join(self.dir, "mysql.sql")])
        self.assertEqual(p.returncode, 0, p.stderr)
        lines = p.stdout.decode("utf-8").splitlines()
        # the escaped quote and the comma inside strings keep the columns in place
        self.assertIn("ssn: %s\tdate_of_birth: 1980-01-01" % gen_sqldump.SSNS[1], lines)
        self.assertIn("ssn: %s\tdate_of_birth: 1990-12-31" % gen_sqldump.SSNS[2], lines)


if __name__ == "__main__":
    unittest.main()
