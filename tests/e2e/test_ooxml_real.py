#!/usr/bin/env python3
"""Text that real Word/Excel/PowerPoint 2007+ files lost, or digit noise they
gave, found by comparing leaksift with LibreOffice (docs/formats.md, ooxml
section, "Recall against LibreOffice"), one test per class, on small files
from tests/gen/gen_ooxml_real.py: the text must be in `leaksift text` and the
record must be complete."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweeputil  # noqa: E402  (tests/gen on sys.path)
from sweeputil import lsutil  # noqa: E402
import gen_ooxml_real as g  # noqa: E402


class OoxmlReal(sweeputil.RealTree):
    GEN = g
    HANDLER = "ooxml"
    TEXT_OK = True

    def test_app_hlinks_numbers_are_not_text(self):
        t = self.text("docx_hlinks.docx")
        self.assertIn(g.HLINK_TARGET, t)
        self.assertIn(g.HLINK_BOOKMARK, t)
        self.assertIn(g.BODY_TEXT, t)
        # the hash/position numbers around each link are no text: read
        # together they were a grouped, Luhn-valid card number
        self.assertNotIn(" ".join(g.CARD_GROUPS), t)
        self.assertNotIn("1507389", t)
        o = self.full("docx_hlinks.docx")
        self.assertNotIn("credit_card", lsutil.entities(o))
        self.assertIn("email", lsutil.entities(o))

    def test_word_comment_author_and_people(self):
        t = self.text("docx_comment_people.docx")
        self.assertIn(g.W_COMMENT, t)
        self.assertIn(g.W_AUTHOR + "\n", t)
        self.assertIn(g.W_USERID, t)
        o = self.full("docx_comment_people.docx")
        self.assertIn("email", lsutil.entities(o))

    def test_powerpoint_comment_authors(self):
        t = self.text("pptx_comment_authors.pptx")
        self.assertIn(g.P_COMMENT, t)
        self.assertIn(g.P_AUTHOR, t)
        self.assertIn(g.P_AUTHOR2, t)
        self.assertIn(g.P_USERID, t)
        self.full("pptx_comment_authors.pptx")

    def test_excel_threaded_comment_persons(self):
        t = self.text("xlsx_persons.xlsx")
        self.assertIn(g.X_COMMENT, t)
        self.assertIn(g.X_PERSON, t)
        self.assertIn(g.X_USERID, t)
        o = self.full("xlsx_persons.xlsx")
        self.assertIn("email", lsutil.entities(o))

    def test_chart_cache_dates_and_numbers(self):
        t = self.text("xlsx_chart_dates.xlsx")
        for d in g.CHART_DATES:
            self.assertIn(d + "\n", t)
        self.assertIn(g.CHART_1904[1] + "\n", t)
        self.assertIn("\n" + g.CHART_NOISE[1] + "\n", t)
        self.assertIn("\n" + g.CHART_ID + "\n", t)
        for raw in g.CHART_SERIALS + (g.CHART_1904[0], g.CHART_NOISE[0], "m/d/yy"):
            self.assertNotIn(raw, t)
        self.assertIn("Series 1", t)
        self.full("xlsx_chart_dates.xlsx")

    def test_odf_meta_dates_without_nanoseconds(self):
        t = self.text("odt_meta_nanos.odt")
        self.assertIn(g.BODY_TEXT, t)
        self.assertIn("creation-date: " + g.ODT_CREATED[1] + "\n", t)
        self.assertIn("date: " + g.ODT_DATE[1] + "\n", t)
        self.assertNotIn(g.ODT_CREATED[2], t)
        self.assertNotIn(g.ODT_DATE[2], t)
        self.assertIn("Reviewed: 2023-08-18", t)  # a user field stays as written
        self.assertIn("editing-duration: PT1M32S", t)
        o = self.full("odt_meta_nanos.odt", "odf")
        self.assertNotIn("ssn", lsutil.entities(o))

    def test_word_symbol_characters(self):
        t = self.text("docx_sym.docx")
        self.assertIn("Account holder: " + g.SYM_NAME + "\n", t)
        self.assertNotIn("\uf0fc", t)  # Wingdings tick: a glyph, no text
        self.assertNotIn("\uf045", t)
        self.full("docx_sym.docx")


if __name__ == "__main__":
    unittest.main()
