#!/usr/bin/env python3
"""End-to-end: Microsoft Access (Jet) databases are read as tables
(fixtures: tests/gen/gen_mdb.py, Jet 4 files written from scratch). Jet 4
stores text as UTF-16 or "compressed" and numbers as binary: an SSN in a
Long Integer column has no digits in the file, and only the handler's
text, labelled by its column name, finds it. A card number in a memo
spread over a chain of LVAL pages is read whole, a zip in an OLE object
field (raw, an embedded object, or a file dropped in: a Packager object
in Access's OLE wrapper) and an Attachment column's file
(zlib in a hidden table) are children, a cut file keeps the
tables that are there and is partial, a table of part numbers is no SSN,
an ODBC linked table's connection string (and its password) is read, a
file encoded with the header's RC4 key reads in full and an ACCDB
encrypted with a password, like a Microsoft Money file, is encrypted."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import dbutil  # noqa: E402  (tests/gen on sys.path)
from dbutil import lsutil  # noqa: E402
import gen_mdb  # noqa: E402


class Mdb(dbutil.DbTree):
    GEN = gen_mdb
    HANDLER = "mdb"
    TEXT_ALWAYS = False

    def test_binary_ssn_found_only_in_text(self):
        with open(os.path.join(self.dir, "staff.mdb"), "rb") as f:
            raw = f.read()
        self.assertNotIn(str(gen_mdb.SSN_LONG).encode(), raw)
        self.assertNotIn(gen_mdb.CARD.encode(), raw)  # the memo is UTF-16LE
        o = self.m.obj(os.path.join(self.dir, "staff.mdb"))
        ssn = [e for f in o["findings"] if f["entity"] == "ssn" for e in f["evidence"]]
        # the text column's, and two Long Integers under their label
        self.assertEqual(sorted(e["redacted"][-4:] for e in ssn), ["1874", "1875", "1876"])
        self.assertEqual({e["where"] for e in ssn}, {"text"})
        ents = lsutil.entities(o)
        for ent in ("credit_card", "phone", "email", "dob"):
            with self.subTest(entity=ent):
                self.assertIn(ent, ents)

    def test_memo_chain_and_labels(self):
        lines = self.text("staff.mdb")
        self.assertTrue(any(gen_mdb.CARD in ln for ln in lines), lines)
        self.assertIn("Social Security No: %d\tDOB: 1980-01-01" % (gen_mdb.SSN_LONG + 1), lines)

    def test_ole_objects_are_children(self):
        path = os.path.join(self.dir, "staff.mdb")
        # 1: a file dropped into the field (Access's OLE wrapper around a
        # Packager object, named by its label), 2: raw long binary data,
        # 3: an embedded object whose native data is the zip
        for name in ("Staff/Contract/1/card.zip", "Staff/Contract/2", "Staff/Contract/3"):
            with self.subTest(name=name):
                z = self.m.obj(path, [name])
                self.assertEqual(z["handler"], "archive")
                card = self.m.obj(path, [name, "card.txt"])
                self.assertIn("credit_card", lsutil.entities(card))

    def test_linked_table_connection(self):
        # an ODBC linked table's connection string, UTF-16 in the catalog:
        # its password is in the handler's text (where a value found in both
        # text and raw bytes is counted)
        with open(os.path.join(self.dir, "staff.mdb"), "rb") as f:
            self.assertNotIn(b"PWD=", f.read())
        o = self.m.obj(os.path.join(self.dir, "staff.mdb"))
        pw = [e for f in o["findings"] if f["entity"] == "password" for e in f["evidence"]]
        self.assertTrue(pw, o["findings"])
        self.assertEqual({e["where"] for e in pw}, {"text"})

    def test_attachment_is_a_child(self):
        # an Attachment column's file, zlib-compressed in its hidden table
        # (flagged system like MSys*, read all the same), named by FileName
        path = os.path.join(self.dir, "staff.mdb")
        csv = self.m.obj(path, ["f_5C7E0B2A91D34F0C8E6A1B2C3D4E5F60_Documents/1/payroll 2003_Q2.csv"])
        self.assertEqual(csv["handler"], "csv")
        self.assertIn("ssn", lsutil.entities(csv))
        self.assertFalse(any(o["chain"][:1] == ["MSysObjects"] for o in self.m.by_path(path)))

    def test_encoded_read_encrypted_not(self):
        # a Jet 4 file "encoded" with the header's RC4 key (and a database
        # password, which protects nothing in the file) reads in full
        enc = self.m.obj(os.path.join(self.dir, "encoded.mdb"))
        self.assertEqual(enc["coverage_reasons"], [])
        self.assertIn("credit_card", lsutil.entities(enc))
        # an ACCDB encrypted with a password has nothing readable
        # as are Microsoft Money files (MSISAM)
        for name in ("locked.accdb", "budget.mny"):
            with self.subTest(name=name):
                locked = self.m.obj(os.path.join(self.dir, name))
                self.assertIn("encrypted", locked["coverage_reasons"])
                self.assertEqual(locked["verdict"], "incomplete")

    def test_cut_keeps_what_is_there(self):
        cut = self.m.obj(os.path.join(self.dir, "cut.mdb"))
        self.assertIn("truncated", cut["coverage_reasons"])
        self.assertIn("ssn", lsutil.entities(cut))
        self.assertEqual(cut["verdict"], "sensitive")

    def test_not_a_database(self):
        head = b"\x00\x01\x00\x00Standard Jet DB\x00\x01"
        with open(os.path.join(self.tmp.name, "header-only.mdb"), "wb") as f:
            f.write(head + b"\xff" * (4096 - len(head)))
        with open(os.path.join(self.tmp.name, "short.mdb"), "wb") as f:
            f.write(head + b"abc")
        os.makedirs(os.path.join(self.tmp.name, "o2"), exist_ok=True)
        proc, m = lsutil.scan(os.path.join(self.tmp.name, "o2"),
                              [os.path.join(self.tmp.name, n) for n in ("header-only.mdb", "short.mdb")], "-j1")
        self.assertIn(proc.returncode, (0, 1), proc.stderr)
        for n in ("header-only.mdb", "short.mdb"):
            o = m.obj(os.path.join(self.tmp.name, n))
            with self.subTest(name=n):
                self.assertEqual(o["handler"], "mdb")
                self.assertEqual(o["coverage"], "partial")


if __name__ == "__main__":
    unittest.main()
