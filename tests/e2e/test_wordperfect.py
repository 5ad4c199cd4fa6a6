#!/usr/bin/env python3
"""WordPerfect 5.1 and 6.x documents (src/extract/wordperfect.c) on files
made by tests/gen/gen_wordperfect.py: every planted value is split by a
function code in the raw bytes, so only the reader finds it; damaged copies
are partial, an encrypted one is read as nothing."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_wordperfect  # noqa: E402


class WordPerfect(lsutil.KeyedHandlerTree):
    GEN = gen_wordperfect
    HANDLER = "wordperfect"

    def test_raw_bytes_alone_hold_no_planted_value(self):
        # the values exist only once the function codes are read
        for name in ("memo51.wpd", "letter6.wpd"):
            with open(self.p(name), "rb") as f:
                raw = f.read()
            for value in (b"536-22-1874", b"412-58-3307", b"jane.doe@", b"r.smith@", b"DE89 3704"):
                self.assertNotIn(value, raw)

    def test_text_of_a_51_memo(self):
        t = self.text("memo51.wpd")
        self.assertIn("Personnel file - phone (312) 746-2291\n", t)  # the header, hard hyphen
        self.assertIn("Social Security number:\t536-22-1874\n", t)  # tab group, hard hyphens
        self.assertIn("jane.doe@example-corp.com about the transfer.", t)  # extended char, soft return
        card = gen_wordperfect.CARD
        self.assertIn("Corporate card %s %s %s %s" % (card[:4], card[4:8], card[8:12], card[12:]), t)  # footnote
        self.assertNotIn("\ufffd", t)

    def test_text_of_a_6x_letter(self):
        t = self.text("letter6.wpd")
        self.assertIn("Payroll correction\nEmployee\tRobert Smith\nSSN\t412-58-3307\n", t)
        self.assertIn("r.smith@example-corp.com for questions.", t)
        # text the author deleted (undo) is kept on a line of its own
        self.assertIn("\nOld account IBAN DE89 3704 0044 0532 0130 00\n", t)
        self.assertIn("Direct line +44 20 7946 0321\n", t)  # header packet
        self.assertIn("Author: Margaret Hill\n", t)  # document summary
        self.assertIn("Address: m.hill@example-corp.com\n", t)
        self.assertNotIn("Creation Date", t)  # a binary date, not text

    def test_encrypted_reads_nothing(self):
        o = self.m.obj(self.p("memo51_encrypted.wpd"))
        self.assertEqual(o["verdict"], "incomplete")
        self.assertEqual(o["findings"], [])


if __name__ == "__main__":
    unittest.main()
