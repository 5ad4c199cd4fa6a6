#!/usr/bin/env python3
"""Plain text in legacy encodings without a label (tests/gen/gen_realsweep9.py):
Cyrillic (cp1251, KOI8-R, cp866, ISO-8859-5), Chinese (GBK, Big5), Korean
(EUC-KR), Greek, Hebrew, Arabic and Thai files are decoded in their own
code page, so their labels and names reach the rules; Western European
text stays Windows-1252."""
import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweeputil  # noqa: E402  (tests/gen on sys.path)
from sweeputil import lsutil  # noqa: E402
import gen_realsweep9  # noqa: E402


class RealSweep9(sweeputil.RealTree):
    GEN = gen_realsweep9

    def test_labels_and_names_decoded(self):
        # read as Windows-1252 each of these was mojibake ("Ôèî", "ÐÕÌÅÆÏÎ")
        for name, words in sorted(self.key.items()):
            with self.subTest(name=name):
                o = self.m.obj(self.p(name))
                self.assertIn(o["handler"], ("text", "csv"))
                self.assertEqual(o["coverage"], "full", o["errors"])
                t = self.text(name)
                for w in words:
                    self.assertIn(w, t)
                self.assertNotIn("\ufffd", t)

    def test_big5_phone_under_its_label(self):
        # 電話 is the phone label the rules know (Japanese and traditional
        # Chinese): only the decoded text puts it before the number
        o = self.m.obj(self.p("staff_big5.txt"))
        phones = self.redacted(o, "phone")
        self.assertTrue(any(p.endswith("6789") for p in phones), o["findings"])
        self.assertIn("m***@example.tw", self.redacted(o, "email"))

    def test_values_found_in_every_script(self):
        for name in ("staff_cp1251.csv", "memo_koi8r.txt", "staff_gbk.csv", "staff_euckr.txt",
                     "staff_cp1253.txt", "staff_cp1255.txt", "staff_cp1256.txt"):
            with self.subTest(name=name):
                ents = lsutil.entities(self.m.obj(self.p(name)))
                self.assertIn("email", ents)
                self.assertIn("phone", ents)

    def test_labels_of_other_scripts(self):
        # national forms that need a label: the label is in the file's script
        want = {"labels_ko_euckr.txt": (["5678", "4567"], "****-**-**"),
                "labels_zh_gbk.txt": (["5678"], None), "labels_tw_big5.txt": (["5678"], None),
                "labels_ru_cp1251.txt": (["5678"], "**.**.****"),
                "labels_ar_cp1256.txt": (["4567"], "**/**/****")}
        for name, (phones, dob) in sorted(want.items()):
            with self.subTest(name=name):
                o = self.m.obj(self.p(name))
                got = self.redacted(o, "phone")
                for last4 in phones:
                    self.assertTrue(any(re.sub(r"\D", "", p).endswith(last4) for p in got),
                                    (last4, o["findings"]))
                self.assertIn("dob", lsutil.entities(o), o["findings"])
                if dob:
                    self.assertIn(dob, self.redacted(o, "dob"))

    def test_western_text_unchanged(self):
        # accents inside ASCII words: Windows-1252, as before
        name = "western_cp1252.txt"
        with open(self.p(name), "rb") as f:
            want = f.read().decode("cp1252")
        self.assertEqual(self.text(name), want)


if __name__ == "__main__":
    unittest.main()
