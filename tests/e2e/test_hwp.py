#!/usr/bin/env python3
"""Hangul Word Processor 5 documents (src/extract/hwp.c) on files made by
tests/gen/gen_hwp.py: paragraph text, tables and notes from deflated
BodyText sections, the summary information, BinData children; a cut
section is partial, a password-protected document unread, a distribution
document's preview read, HWP 3 unsupported."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_hwp  # noqa: E402


class Hwp(lsutil.KeyedHandlerTree):
    GEN = gen_hwp
    HANDLER = "hwp"

    def test_text(self):
        t = self.text("personnel.hwp")
        self.assertTrue(t.startswith("인사 기록 카드\n성명\t김민준\t주민등록번호 없음\n"), t[:200])
        # the cells of a table, each paragraph a line
        self.assertIn("\nEmployee SSN\n536-22-1874\nE-mail\nminjun.kim@example-corp.co.kr\n", t)
        self.assertIn("각주: 카드 4532 0151 1283 0366 분실 신고\n", t)  # the second section
        self.assertIn("Author: Kim Min-jun\n", t)  # \\005HwpSummaryInformation
        self.assertEqual(t, self.text("personnel_plain.hwp"))  # stored, not deflated

    def test_values_only_in_deflated_utf16(self):
        with open(self.p("personnel.hwp"), "rb") as f:
            raw = f.read()
        for v in ("536-22-1874", "minjun.kim@"):
            self.assertNotIn(v.encode("ascii"), raw)
            self.assertNotIn(v.encode("utf-16-le"), raw)

    def test_bindata_is_a_child(self):
        c = self.m.obj(self.p("personnel.hwp"), ["BIN0001.txt"])
        self.assertTrue(self.redacted(c, "email"))


if __name__ == "__main__":
    unittest.main()
