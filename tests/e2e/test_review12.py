#!/usr/bin/env python3
"""review12's findings on the last session's code, on files made by
tests/gen/gen_review12.py:
- text.c's legacy code-page guess took Western text whose bytes over 0x7F
  sit inside ASCII words for Big5 (German with soft hyphens, as pages saved
  as text have them: "Pri\\xadvat" paired 0xAD with the "v" after it, every
  such word lost), read a Russian list in capitals (cp1251) as Thai
  (TIS-620) and a Greek notice in capitals (ISO-8859-7) as Russian (KOI8-R
  small letters): a wrong page garbles every letter; now Windows-1252 for
  the first; Russian capitals in windows-1251 (or cp866) are read in that
  page when their frequencies, capitals not charged, say so clearly, and
  the doubtful ones (Greek, KOI8-R) stay Windows-1252 as before the guess; a chat log in small letters only (cp1251) is still Russian (the
  first fix of capitals had made it Windows-1252);
- short Hebrew (windows-1255) read as Russian (windows-1251) when too few
  letters told their frequencies apart; Hebrew's final letters ending its
  words now say it is not Russian;
- text.c read a SYLK sheet as rows only when it was guessed Windows-1252:
  one a Russian Excel wrote (windows-1251) read as its records;
- Central European text (windows-1250, ISO-8859-2) read as Windows-1252:
  Polish "Imię", "Łódź" as "Imiê", "£ódŸ"; now guessed by the letters
  Windows-1252 reads as symbols inside words, and Western text with signs
  beside its words ("¿Qué", "«mot»", "25 m³") stays Windows-1252;
- pipeline.c scanned the raw bytes of an archive with no member even when
  it gave text: a zip of empty folders counted each name's values twice
  more (local header and directory)."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_review12  # noqa: E402


class Review12(lsutil.GeneratedTree):
    GEN = gen_review12

    def test_no_wrong_code_page(self):
        for name, spec in sorted(self.key.items()):
            with self.subTest(name=name):
                o = self.m.obj(self.p(name))
                self.assertIn(o["handler"], ("text", "csv"))
                self.assertEqual(o["coverage"], "full", o["errors"])
                t = self.text(name)
                for w in spec["words"]:
                    self.assertIn(w, t)
                self.assertNotIn("C;X2", t)  # a SYLK sheet reads as rows
                lo, hi = spec["not"]
                wrong = [ch for ch in t if lo <= ord(ch) <= hi]
                self.assertEqual(wrong, [], t[:200])

    def test_folders_counted_once(self):
        # a zip of empty folders: their names are its text; its raw bytes,
        # which hold each name twice, are not scanned again
        o = self.m.obj(self.p("folders.zip"))
        self.assertEqual(o["coverage"], "full", o["errors"])
        for ent in ("email", "ssn"):
            with self.subTest(entity=ent):
                fs = [f for f in o["findings"] if f["entity"] == ent]
                self.assertEqual(len(fs), 1, o["findings"])
                self.assertEqual(fs[0]["count"], 1, fs)


if __name__ == "__main__":
    unittest.main()
