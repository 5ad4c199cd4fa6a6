#!/usr/bin/env python3
"""End-to-end: review8's findings in hostile9's database readers, each a
crafted file of tests/gen/gen_review8.py that failed before its fix: a
-wal page whose cell pointers all name one cell, a freelist that loops and
names one page 300 times, and one whose zero entries used up the walk
(each page is carved once, and a page whose cells overlap is said), an adb backup with bytes after its stream (said), an encrypted one
(coverage none), a pg_dump archive whose first table is a bomb (the next
is read), a BSON collection of decimal128 numbers (written as digits), and a BSON document whose line was held whole (the
reader's memory now stays near the text budget)."""
import os
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_review8  # noqa: E402


class Review8(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "f")
        cls.key = gen_review8.generate(cls.dir)
        _, cls.m = lsutil.scan(cls.tmp.name, [cls.p("wal_overlap.db-wal"), cls.p("freelist_cycle.db"),
                                                  cls.p("freelist_blind.db"),
                                                  cls.p("trailing.ab"), cls.p("encrypted.ab"),
                                                  cls.p("pgdump_bomb_first.dump"), cls.p("decimal.bson")])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    @classmethod
    def p(cls, name):
        return os.path.join(cls.dir, name)

    def text(self, name):
        return lsutil.run(["text", self.p(name)]).stdout.decode("utf-8")

    def test_wal_page_with_overlapping_cells_is_read_once_and_said(self):
        o = self.m.obj(self.p("wal_overlap.db-wal"))
        self.assertEqual(o["handler"], "sqlitelog")
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("parse_error", o["coverage_reasons"])
        self.assertTrue(any("cells overlap" in e for e in o["errors"]), o["errors"])
        t = self.text("wal_overlap.db-wal")
        self.assertEqual(t.count(self.key["ssn_a"]), 1, t[:300])
        self.assertIn("2\tBob Lee\t%s\t%s\n" % (self.key["email_b"], self.key["ssn_b"]), t)  # the next frame

    def test_freelist_loop_carves_each_page_once(self):
        o = self.m.obj(self.p("freelist_cycle.db"))
        self.assertEqual(o["handler"], "sqlite")
        self.assertEqual(o["coverage"], "full", o["errors"])
        t = self.text("freelist_cycle.db")
        # once in the table, once under [Deleted rows] (the trunk names the live page)
        self.assertEqual(t.count(self.key["email_a"]), 2, t[:600])
        self.assertEqual(t.count("[Deleted rows]"), 1)

    def test_freelist_zeros_do_not_use_up_the_walk(self):
        o = self.m.obj(self.p("freelist_blind.db"))
        self.assertEqual(o["handler"], "sqlite")
        t = self.text("freelist_blind.db")
        self.assertIn("[Deleted rows]", t)
        self.assertIn("ship to Bob Lee, SSN %s" % self.key["ssn_b"], t)
        self.assertTrue(any(f["entity"] == "ssn" for f in o["findings"]), o["findings"])

    def test_adb_backup_bytes_after_the_stream_are_read(self):
        o = self.m.obj(self.p("trailing.ab"))
        self.assertEqual(o["handler"], "androidbackup")
        self.m.obj(self.p("trailing.ab"), ["backup.tar", "apps/com.example.notes/f/readme.txt"])
        under = [r for r in self.m.by_path(self.p("trailing.ab")) if r["chain"]]
        self.assertTrue(any(f["entity"] == "ssn" for r in under for f in r["findings"]) or
                        o["coverage"] == "partial", (o["coverage"], o["errors"]))

    def test_encrypted_adb_backup_is_read_not_at_all(self):
        o = self.m.obj(self.p("encrypted.ab"))
        self.assertEqual(o["handler"], "androidbackup")
        self.assertEqual(o["coverage"], "none")
        self.assertEqual(o["coverage_reasons"], ["encrypted"])

    def test_pgdump_bomb_table_does_not_hide_the_next(self):
        o = self.m.obj(self.p("pgdump_bomb_first.dump"))
        self.assertEqual(o["handler"], "pgdump")
        self.assertIn("zip_bomb", o["alerts"])
        self.assertIn("limit:bytes", o["coverage_reasons"])
        b = self.m.obj(self.p("pgdump_bomb_first.dump"), ["public.bombtab.sql"])
        self.assertEqual(b["coverage_reasons"], ["limit:bytes"])
        self.assertIn("zip_bomb", b["alerts"])
        c = self.m.obj(self.p("pgdump_bomb_first.dump"), ["public.customers.sql"])
        self.assertTrue(any(f["entity"] == "ssn" for f in c["findings"]), c["findings"])

    def test_bson_decimal128_written_as_digits(self):
        o = self.m.obj(self.p("decimal.bson"))
        self.assertEqual(o["handler"], "bson")
        ents = {f["entity"] for f in o["findings"]}
        self.assertTrue({"ssn", "credit_card"} <= ents, o["findings"])
        t = self.text("decimal.bson")
        self.assertIn("name: Ada Moss\tssn: 601112037\tcard: 4111111111111111\tbalance: 1234.56\n", t)
        self.assertIn("balance: 0.05\n", t)

    def test_bson_long_document_is_handed_over_as_it_grows(self):
        out = os.path.join(self.tmp.name, "deep.jsonl")
        proc = subprocess.Popen([lsutil.LEAKSIFT, "scan", "-q", "--max-text", "4M", "-o", out, self.p("deep.bson")],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, _, ru = os.wait4(proc.pid, 0)
        proc.returncode = 0
        # the document's line was 1.4 GB (170 x the 8 MB file; 190 MB at 24 x) before the text budget saw it
        self.assertLess(ru.ru_maxrss, 120 * 1024, "max RSS %d KiB" % ru.ru_maxrss)
        o = lsutil.load(out).obj(self.p("deep.bson"))
        self.assertEqual(o["handler"], "bson")
        self.assertEqual(o["coverage_reasons"], ["limit:text"])
        self.assertTrue(any(f["entity"] == "ssn" for f in o["findings"]), o["findings"])


if __name__ == "__main__":
    unittest.main()
