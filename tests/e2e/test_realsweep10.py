#!/usr/bin/env python3
"""Quirks found in a sweep of real web pages and XML (mozilla/readability's
test pages, libxml2's test/HTML and test/ XML, html5lib-tests' encoding
cases), on small look-alikes made by tests/gen/gen_realsweep10.py."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweeputil  # noqa: E402  (tests/gen on sys.path)
from sweeputil import lsutil  # noqa: E402
import gen_realsweep10  # noqa: E402


class RealSweep10(sweeputil.RealTree):
    GEN = gen_realsweep10
    NO_ERRORS = True

    def test_html5_named_references(self):
        o = self.full("entities5.html", "html")
        t = self.text("entities5.html")
        self.assertIn("Contact: jane@example.com it's open Mon Fri\n", t)
        self.assertIn("bob@example.org", t)  # in an attribute value too
        self.assertIn("email", lsutil.entities(o))
        # legacy names without ';' as a browser reads them in text ...
        self.assertIn("Manager: John Smith \u00a9 2024 R& D\n", t)
        # ... but not inside a tag, before '=' (a URL's query)
        self.assertIn("a&copy=b Profile", t)
        self.assertNotIn("&commat;", t)

    def test_numeric_references_to_windows_1252(self):
        self.full("cp1252refs.html", "html")
        t = self.text("cp1252refs.html")
        self.assertIn("Employee\u2019s name: \u201cJane Roe\u201d \u2013 salary \u20ac52,000 \u2019ok\u2019\n", t)
        for c1 in range(0x80, 0xA0):
            self.assertNotIn(chr(c1), t)

    def test_blocks_keep_words_apart(self):
        self.full("blocks.html", "html")
        t = self.text("blocks.html")
        self.assertEqual("Direct line\n555-0143\n2024\nJane\nRoe\nBadge\n4471\n8812\n", t)

    def test_contact_links_and_aria_labels(self):
        self.full("contact.html", "html")
        t = self.text("contact.html")
        self.assertIn("tel:+1-202-555-0143 Call Jane Roe", t)
        self.assertIn("sms:+12025550199 Text", t)
        self.assertIn("Close dialog", t)

    def test_pre_keeps_lines_and_labels(self):
        o = self.full("pre.html", "html")
        t = self.text("pre.html")
        self.assertIn("\nEMPLOYEE        SSN          HIRED\nJane Roe        536221874    2019-04-01\n", t)
        self.assertIn("SSN: 536221874\tHIRED: 2019-04-01\n", t)
        self.assertIn("\n12 Main St\nSpringfield\n", t)
        self.assertEqual(lsutil.distinct(o, "ssn"), 2)

    def test_text_after_end_of_html(self):
        o = self.full("afterhtml.html", "html")
        t = self.text("afterhtml.html")
        self.assertIn("Page one\nDirectory\n", t)
        self.assertIn("Page two\nJane Roe, payroll: jane.roe@example.com\n", t)
        self.assertIn("Hosted by Example\n", t)
        self.assertIn("email", lsutil.entities(o))

    def test_word_conditional_markup(self):
        self.full("wordhtml.html", "html")
        t = self.text("wordhtml.html")
        self.assertRegex(t, r"(?m)^1\.\s+Jane Roe, payroll$")  # the no-break spaces stay
        self.assertIn("Company logo Regards\n", t)
        self.assertNotIn("<![", t)

    def test_charset_meta_after_1k(self):
        self.full("latemeta.html", "html")
        self.assertIn("Сотрудник: Иванов Пётр Сергеевич\n", self.text("latemeta.html"))

    def test_ascii_label_is_no_unsupported_charset(self):
        self.full("asciilabel.html", "html")
        self.assertIn("Ren\u00e9e Roe, payroll\n", self.text("asciilabel.html"))

    def test_xml_declared_encoding(self):
        self.full("decl1251.xml", "xml")
        self.assertIn("Иванов Пётр\nМосква\n", self.text("decl1251.xml"))
        self.full("declsjis.xml", "xml")
        t = self.text("declsjis.xml")
        self.assertIn("山田太郎\n", t)
        self.assertIn("東京都\n", t)

    def test_xml_declared_encoding_excel2003(self):
        self.full("decl1251ss.xml", "xml")
        t = self.text("decl1251ss.xml")
        self.assertIn("sheet: Сотрудники\n", t)
        self.assertIn("Иванов Пётр\tМосква", t)

    def test_xml_documents_one_after_another(self):
        self.full("soaplog.xml", "xml")
        t = self.text("soaplog.xml")
        self.assertIn("Jane Roe\nRoe & Daughters\n", t)
        self.assertIn("John Smith\nRoe & Daughters\nsalary < 50000, AT&T plan\n536-22-1874\n", t)

    def test_xml_raw_ampersands(self):
        self.full("rawamp.xml", "xml")
        t = self.text("rawamp.xml")
        self.assertIn("https://hr.example/?id=7&ref=42\n", t)
        self.assertIn("Jane Roe\nAT&T Smith & Sons\nR&D &amp; more\n", t)

    def test_xml_text_that_is_html(self):
        o = self.full("feed.xml", "xml")
        t = self.text("feed.xml")
        self.assertIn("New payroll contact\n", t)
        self.assertIn("Contact Jane Roe: jane@example.com\nDirect line\n212-736-4821\n", t)
        self.assertIn("Backup: bob@example.org\nBadge\t4471\n", t)
        self.assertNotIn("<p>", t)
        self.assertEqual(lsutil.distinct(o, "email"), 2)

    def test_xml_encoding_without_table_is_said(self):
        o = self.m.obj(self.p("declebcdic.xml"))
        self.assertEqual(o["handler"], "xml")
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("unsupported", o["coverage_reasons"])
        self.assertTrue(any("IBM037" in e for e in o["errors"]), o["errors"])


if __name__ == "__main__":
    unittest.main()
