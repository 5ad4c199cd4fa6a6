#!/usr/bin/env python3
"""End-to-end: SQLite databases are read as tables (fixtures:
tests/gen/gen_sqlite.py, written by Python's sqlite3 module). An SSN stored
as an INTEGER has no digits in the file: only the handler's text, labelled
by its column name, finds it. A BLOB holding a zip is a child; UTF-16 and
WAL-mode databases read like any other; a generated column's expression is
never run; a cut or damaged database keeps the tables that are there and
is partial."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dbutil  # noqa: E402  (tests/gen on sys.path)
from dbutil import lsutil  # noqa: E402
import gen_sqlite  # noqa: E402


class Sqlite(dbutil.DbTree):
    GEN = gen_sqlite
    HANDLER = "sqlite"

    def test_integer_ssn_found_only_in_text(self):
        with open(os.path.join(self.dir, "staff.db"), "rb") as f:
            self.assertNotIn(str(gen_sqlite.SSN).encode(), f.read())
        ssn = lsutil.entities(self.m.obj(os.path.join(self.dir, "staff.db")))["ssn"]
        self.assertEqual({e["where"] for e in ssn["evidence"]}, {"text"})
        self.assertEqual(ssn["distinct"], 2)

    def test_blob_zip_is_a_child(self):
        path = os.path.join(self.dir, "staff.db")
        z = self.m.obj(path, ["staff/contract/1"])
        self.assertEqual(z["handler"], "archive")
        card = self.m.obj(path, ["staff/contract/1", "card.txt"])
        self.assertIn("credit_card", lsutil.entities(card))
        # the PNG in the photo column is not a child: images are left to the raw scan
        self.assertEqual([o["chain"] for o in self.m.by_path(path) if o["chain"][:1] == ["staff/photo/1"]], [])

    def test_virtual_tables_read_once(self):
        lines = self.text("staff.db")
        self.assertEqual(sum(gen_sqlite.FTS_TEXT in ln for ln in lines), 1)
        self.assertNotIn("[Table: notes]", lines)

    def test_cut_and_damaged_keep_what_is_there(self):
        cut = self.m.obj(os.path.join(self.dir, "cut.db"))
        self.assertIn("truncated", cut["coverage_reasons"])
        self.assertIn("ssn", lsutil.entities(cut))  # the staff table's pages are there
        dmg = self.m.obj(os.path.join(self.dir, "damaged.db"))
        self.assertIn("parse_error", dmg["coverage_reasons"])
        self.assertIn(gen_sqlite.FTS_TEXT, "\n".join(self.text("damaged.db")))
        self.assertEqual(dmg["verdict"], "incomplete")

    def test_not_a_database(self):
        with open(os.path.join(self.tmp.name, "header-only.db"), "wb") as f:
            f.write(b"SQLite format 3\0" + b"\xff" * 84)
        with open(os.path.join(self.tmp.name, "short.db"), "wb") as f:
            f.write(b"SQLite format 3\0abc")
        os.makedirs(os.path.join(self.tmp.name, "o2"), exist_ok=True)
        proc, m = lsutil.scan(os.path.join(self.tmp.name, "o2"),
                              [os.path.join(self.tmp.name, n) for n in ("header-only.db", "short.db")], "-j1")
        self.assertIn(proc.returncode, (0, 1), proc.stderr)
        for n in ("header-only.db", "short.db"):
            o = m.obj(os.path.join(self.tmp.name, n))
            with self.subTest(name=n):
                self.assertEqual(o["handler"], "sqlite")
                self.assertEqual(o["coverage"], "partial")


if __name__ == "__main__":
    unittest.main()
