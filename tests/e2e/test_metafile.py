#!/usr/bin/env python3
"""End-to-end: Windows metafiles (fixtures: tests/gen/gen_metafile.py).
The metafile handler writes each string a text record draws on a line of
its own: an SSN whose record's next field is glued to its last digit is
found, a string drawn in runs where the one before it ended is one
line, UTF-16 text of EMF records (and EMF+ DrawString) is read, a WMF
string is decoded in the code page of the selected font's charset, and a
metafile cut before its end-of-file record is partial/truncated; one that
draws no text is declined (read as media). The EMF a WMF carries in its
comments (WMFC chunks) is joined and handed on as a member (cut: the
member truncated); strings drawn as glyph indexes make the record
partial/unsupported, not full."""
import os
import sys
import unittest

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(SRC, "tests", "gen"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_metafile  # noqa: E402
import lsutil  # noqa: E402


class Metafile(lsutil.GeneratedTree):
    GEN = gen_metafile

    def rec(self, name):
        return self.m.obj(self.p(name))

    def test_read_by_the_handler(self):
        for name in self.key:
            with self.subTest(name=name):
                o = self.rec(name)
                self.assertEqual(o.get("handler"), None if name == "notext.wmf" else "metafile")
        # a picture that draws no text is left to the media scan, as before the handler
        self.assertEqual(self.rec("notext.wmf")["coverage"], "full")

    def test_ssn_glued_to_the_next_field(self):
        o = self.rec("name_glued.wmf")
        self.assertEqual(o["coverage"], "full", o["errors"])
        self.assertTrue(any(v.endswith("8714") for v in self.redacted(o, "ssn")), o["findings"])
        self.assertEqual(self.text("name_glued.wmf"), "Meriel Quist\nSSN: 536-22-8714\n")

    def test_emf_utf16_phone_and_email(self):
        o = self.rec("contact.emf")
        self.assertEqual(o["coverage"], "full", o["errors"])
        ents = lsutil.entities(o)
        self.assertIn("phone", ents, o["findings"])
        self.assertIn("email", ents, o["findings"])
        t = self.text("contact.emf")
        for line in ("OrgChart", "Staff", "Phone: (305) 998-2563", "meriel.quist@corvana-mail.net",
                     "Meriel Quist, Accounts", "Ward Ostrander"):
            self.assertIn(line + "\n", t)

    def test_wmf_font_charset(self):
        o = self.rec("cyrillic.wmf")
        self.assertEqual(o["coverage"], "full", o["errors"])
        self.assertEqual(self.text("cyrillic.wmf"), "Телефон: 02 1234 5678\nИванов Пётр\n")
        self.assertIn("phone", lsutil.entities(o), o["findings"])

    def test_runs_on_one_baseline(self):
        # a string that starts where the one before it ended (its advances' sum) continues its line
        o = self.rec("runs.emf")
        self.assertTrue(any(v.endswith("8714") for v in self.redacted(o, "ssn")), o["findings"])
        self.assertEqual(self.text("runs.emf"), "Chart\nSSN: 536-22-8714\nQ3 revenue\n")

    def test_cut(self):
        o = self.rec("cut.emf")
        self.assertEqual(o["coverage"], "partial")
        self.assertEqual(o["coverage_reasons"], ["truncated"])
        self.assertIn("email", lsutil.entities(o), o["findings"])  # the records before the cut are read


    def test_emf_in_wmf_comments(self):
        o = self.rec("emf_in_wmf.wmf")
        self.assertEqual(o["handler"], "metafile")
        self.assertEqual(o["coverage"], "full", o["errors"])
        self.assertEqual(o["children"], 1)
        c = self.m.obj(self.p("emf_in_wmf.wmf"), ["embedded.emf"])
        self.assertEqual(c["handler"], "metafile")
        self.assertEqual(c["coverage"], "full", c["errors"])
        self.assertIn("ssn", lsutil.entities(c), c["findings"])
        self.assertEqual(self.text("emf_in_wmf.wmf", "embedded.emf"), "Org\nHollis Verano\nSSN: 536-22-8714\n")

    def test_emf_in_wmf_cut(self):
        # the second chunk missing: what came is handed on, marked truncated
        c = self.m.obj(self.p("emf_in_wmf_cut.wmf"), ["embedded.emf"])
        self.assertEqual(c["coverage"], "partial")
        self.assertIn("truncated", c["coverage_reasons"])

    def test_glyph_index_strings_said(self):
        o = self.rec("glyphs.emf")
        self.assertEqual(o["coverage"], "partial")
        self.assertEqual(o["coverage_reasons"], ["unsupported"])
        self.assertTrue(any("ETO_GLYPH_INDEX" in e for e in o["errors"]), o["errors"])
        self.assertEqual(self.text("glyphs.emf"), "Print\nQuarterly report\n")


if __name__ == "__main__":
    unittest.main()
