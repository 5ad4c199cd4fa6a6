#!/usr/bin/env python3
"""review11's findings on this session's new parsers, on files made by
tests/gen/gen_review11.py:
- htmlent.c tracked "inside a tag" through comments: a head comment with
  one apostrophe ("<!-- Don't edit -->") opened a quote that held the rest
  of the page, so "</html>" was not made a comment (the block a host
  appended after it, and its SSN, dropped unsaid) and "Jane&nbspRoe"
  stayed undecoded; a script's or style's text ("<!--" in a string) did
  the same, and is now passed over to its end tag;
- jsonesc.c cut a decoded string at 64 KiB unsaid: a search index dump's
  document text ("...\\nSSN: 142372033" 80 KB in) lost the label the
  decoding gives, and the SSN with it;
- efw2.c read records at a fixed stride found from the first record: a W-2
  file whose records were trimmed of their trailing blanks was no EFW2 file
  (its SSNs, glued to "RW" and the name, read as none), and one whose line
  ends change after the first record read every later record out of step
  (both SSNs lost under `full`);
- xml.c parsed a file of several root documents one parse a document, and
  past 100,000 the rest as one document libxml2 stops reading after its
  first root: a log of 120,000 records lost its last 20,000 (an SSN among
  them) as `xml: corrupt`; documents are now parsed in groups."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_review11  # noqa: E402


class Review11(lsutil.GeneratedTree):
    GEN = gen_review11

    def test_html_comment_apostrophe(self):
        for name in ("comment.html", "script.html"):
            with self.subTest(name=name):
                text = self.text(name)
                self.assertIn("Jane Roe", text)
                self.assertIn("Payroll record SSN: 536-22-1874", text)
                o = self.m.obj(self.p(name))
                self.assertEqual((o["handler"], o["coverage"]), ("html", "full"))
                self.assertEqual(self.redacted(o, "ssn"), ["***-**-1874"])

    def test_json_long_string_decoded_whole(self):
        for name in ("short.json", "long.json"):
            with self.subTest(name=name):
                o = self.m.obj(self.p(name))
                self.assertEqual(o["coverage"], "full", o["errors"])
                self.assertTrue(any(v.endswith("2033") for v in self.redacted(o, "ssn")),
                                o["findings"])

    def test_efw2_records_by_their_line_ends(self):
        for name in ("w2.efw2", "trimmed.efw2", "mixed.efw2"):
            with self.subTest(name=name):
                o = self.m.obj(self.p(name))
                self.assertEqual((o["handler"], o["coverage"]), ("efw2", "full"), o["errors"])
                self.assertEqual(sorted(self.redacted(o, "ssn")), ["*****1874", "*****2033"])
                self.assertIn("RW SSN: 142372033 Name: CY PARK", self.text(name))

    def test_xml_records_past_100000_documents(self):
        o = self.m.obj(self.p("records.xml"))
        self.assertEqual((o["handler"], o["coverage"]), ("xml", "full"), o["errors"])
        self.assertEqual(self.redacted(o, "ssn"), ["***-**-1874"])
        text = self.text("records.xml")
        self.assertEqual(text.count("\nok"), 120000)
        self.assertIn("119999\nok\nAda Moss\n536-22-1874", text)


if __name__ == "__main__":
    unittest.main()
