#!/usr/bin/env python3
"""Quirks found in a sixth sweep of other projects' test documents
(ONLYOFFICE-QA ooxml_parser, ONLYOFFICE core, LibreOffice core, libetonyek),
on small look-alikes made by tests/gen/gen_realsweep6.py."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweeputil  # noqa: E402  (tests/gen on sys.path)
from sweeputil import lsutil  # noqa: E402
import gen_realsweep6  # noqa: E402


class RealSweep6(sweeputil.RealTree):
    GEN = gen_realsweep6

    def test_control_characters_in_xml(self):
        o = self.full("ctlchar.docx", "ooxml")
        self.assertEqual(o["errors"], [])
        t = self.text("ctlchar.docx")
        # the 0x02 inside w:instr leaves the tag whole: no attribute as text
        self.assertIn("requirements of item 1 of the rules\n", t)
        self.assertNotIn("MERGEFORMAT", t)
        # a control byte in w:t reads as a space, not glue
        self.assertIn("Name Jane Roe SSN 536-22-1874\n", t)
        self.assertIn("Second paragraph\n", t)
        self.assertIn("John Doe\t078-05-1120", t)
        self.assertIn("Closing paragraph after the field", t)
        self.assertIn("ssn", lsutil.entities(o))

    def test_long_text_keeps_utf8_whole(self):
        self.full("longcyr.docx", "ooxml")
        t = self.text("longcyr.docx")
        self.assertNotIn("\ufffd", t)
        self.assertEqual(t.count(gen_realsweep6.LONGCYR_WORD), gen_realsweep6.LONGCYR_N)
        self.assertIn("Jane Roe 536-22-1874", t)

    def dropcap(self, name, handler, none_cap=False):
        o = self.full(name, handler)
        t = self.text(name)
        self.assertIn("Simple Test Text\n", t)
        self.assertIn("Jane Roe, SSN 536-22-1874\n", t)
        self.assertNotIn("S\nimple", t)
        self.assertIn("Last line", t)
        if none_cap:  # w:dropCap="none": an ordinary frame, its own line
            self.assertIn("N\not a drop cap\n", t)
        self.assertIn("ssn", lsutil.entities(o))

    def test_dropcap_docx(self):
        self.dropcap("dropcap.docx", "ooxml", none_cap=True)

    def test_dropcap_rtf(self):
        self.dropcap("dropcap.rtf", "rtf")
        self.assertIn("\nPlain\nLast line", self.text("dropcap.rtf"))

    def test_dropcap_doc(self):
        self.dropcap("dropcap.doc", "ole2")

    def test_odt_shape_in_paragraph_is_set_apart(self):
        self.full("shape.odt", "odf")
        t = self.text("shape.odt")
        self.assertIn("Employee Jane Roe\nConfidential\n", t)
        self.assertIn("Contact John Doe\nDraft\n", t)
        self.assertIn("Cell Smith Approved\t078-05-1120", t)
        self.assertNotIn("RoeConfidential", t)
        self.assertNotIn("DoeDraft", t)
        # a footnote stays in its sentence
        self.assertIn("Footnoted 1 Note text", t)

    def test_word2003_xml_links_authors_empty_objects(self):
        o = self.full("wordml.xml", "xml")
        self.assertEqual(o["verdict"], "sensitive")
        t = self.text("wordml.xml")
        self.assertIn("By mailto:jane.roe@example.com\n", t)
        self.assertNotIn("#top", t)
        self.assertIn("Back to top\n", t)
        self.assertIn("Reviewed text\nQuokka Reviewer\nCheck the SSN 536-22-1874", t)
        mso = [r for r in self.m.by_path(self.p("wordml.xml")) if r["chain"]]
        # the w:binData part once, by its name (not again as base64@OFFSET)
        self.assertEqual([r["chain"] for r in mso], [["oledata.mso"]])
        for r in mso:
            self.assertEqual(r["coverage"], "full", r["errors"])
            self.assertEqual(r["errors"], [])

    def test_sylk_number_formats(self):
        self.full("dates.slk", "text")
        t = self.text("dates.slk")
        self.assertIn("Name\tDate of birth\tPaid\t\n", t)
        # F;P10 (m/d/yy): the serial as the date it shows
        self.assertIn("Jane Roe\t2003-01-30\t54.43\t\n", t)
        self.assertNotIn("Roe\t37651", t)
        # a string stays as written; a cell no F record formatted stays a number
        self.assertIn("John Doe\t1/30/03\t37651\t\n", t)

    def test_libreoffice_object_package_stream(self):
        o = self.full("lochart.bin", "ole2")
        self.assertEqual(o["errors"], [])
        c = self.m.obj(self.p("lochart.bin"), ["package_stream"])
        self.assertEqual(c["handler"], "odf")
        self.assertEqual(c["coverage"], "full", c["errors"])
        self.assertIn("Bonus of Jane Roe 536-22-1874", self.text("lochart.bin", "package_stream"))
        self.assertIn("ssn", lsutil.entities(c))

    def test_xlsb_binary_pivot_cache_is_no_xml(self):
        o = self.full("pivotbin.xlsb", "ooxml")
        self.assertEqual(o["errors"], [])
        for part in ("xl/pivotCache/pivotCacheDefinition1.bin", "xl/pivotCache/pivotCacheRecords1.bin"):
            c = self.m.obj(self.p("pivotbin.xlsb"), [part])
            self.assertEqual(c["coverage"], "full", c["errors"])
        self.assertIn("Jane Roe\t536221874\t1980-01-01", self.text("pivotbin.xlsb"))


if __name__ == "__main__":
    unittest.main()
