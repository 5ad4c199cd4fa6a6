#!/usr/bin/env python3
"""End-to-end tests of identification: a PDF whose "%PDF-" header does not
start at byte 0 (mail headers, white space, binary junk before it) is typed
application/pdf, read by the pdf handler, and gets no ext_mismatch alert; a
header past the first 1024 bytes does not count, and an e-mail quoting a
header stays message/rfc822. Fixtures: tests/gen/gen_pdf_junk.py.
"""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_pdf  # noqa: E402
import gen_pdf_junk  # noqa: E402

PREFIXED = ["mail_headers.pdf", "whitespace.pdf", "binary_junk.pdf", "at_1019.pdf", "text_1019.pdf"]


class PdfAfterJunkTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "dump")
        gen_pdf_junk.generate(cls.dir)
        proc, cls.m = lsutil.scan(cls.tmp.name, [cls.dir], "-j1")
        if proc.returncode not in (0, 1) or cls.m is None:
            raise AssertionError("scan failed (%d): %s" % (proc.returncode, proc.stderr.decode()))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def root(self, name):
        return self.m.obj(os.path.join(self.dir, name))

    def test_prefixed_pdf_is_a_pdf(self):
        for name in PREFIXED:
            with self.subTest(name=name):
                o = self.root(name)
                self.assertEqual(o["file"]["mime_type"], "application/pdf")
                self.assertEqual(o["handler"], "pdf")
                self.assertFalse(o["ext_mismatch"])
                self.assertNotIn("ext_mismatch", o["alerts"])
                self.assertEqual(o["coverage"], "full")
                self.assertRegex(o["magic"], r"^PDF document, version 1\.[47].*\(header at offset \d+\)$")

    def test_findings_in_the_page_text(self):
        for name in PREFIXED:
            with self.subTest(name=name):
                o = self.root(name)
                ents = lsutil.entities(o)
                for ent in ("ssn", "email", "credit_card"):
                    self.assertIn(ent, ents)
                ssn = [e for f in o["findings"] if f["entity"] == "ssn" for e in f["evidence"]]
                self.assertIn("***-**-" + gen_pdf.SSN[-4:], [e["redacted"] for e in ssn])
                self.assertTrue(all(e["where"] == "text" for e in ssn), ssn)

    def test_header_past_1024_bytes_does_not_count(self):
        o = self.root("at_1020.pdf")
        self.assertNotEqual(o["file"]["mime_type"], "application/pdf")
        self.assertNotEqual(o["handler"], "pdf")

    def test_mail_quoting_a_header_stays_mail(self):
        o = self.root("quoting.eml")
        self.assertEqual(o["file"]["mime_type"], "message/rfc822")
        self.assertFalse(o["ext_mismatch"])
        # and it is read as mail: the pdf probe only claims a header past
        # byte 0 when identify typed the object application/pdf
        self.assertEqual(o["handler"], "mime")
        self.assertEqual(o["coverage"], "full")


if __name__ == "__main__":
    unittest.main()
