#!/usr/bin/env python3
"""A PDF that is mostly pictures of pages (a scan with no OCR layer) is not
read in full: leaksift has no OCR, so the record says so (coverage partial,
`unsupported`, verdict incomplete) instead of calling a scanned passport or
contract clean. A page counts when it shows no text and images cover half
of it or more (XObjects, inline images, images inside forms, strips); the
file is flagged when such pages are at least half of its pages. An OCR layer
(invisible text) is text; a logo, or one photo page among text pages, is no
scan. Fixtures: tests/gen/gen_pdf_scan.py (Python, and Ghostscript's
pdfimage24 device for a rendering made by a real tool)."""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_pdf_scan as g  # noqa: E402

KEY = b"pdf-scan-e2e-key"


class PdfScan(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "p")
        cls.have_gs = g.generate(cls.dir)
        cls.proc, cls.m = lsutil.scan_keyed(cls.tmp.name, [cls.dir], KEY)
        assert cls.m is not None, cls.proc.stderr.decode(errors="replace")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def obj(self, name):
        o = self.m.obj(os.path.join(self.dir, name))
        self.assertEqual(o["handler"], "pdf")
        return o

    def assertScan(self, name, pages, of):
        o = self.obj(name)
        self.assertEqual(o["coverage"], "partial", o["errors"])
        self.assertEqual(o["coverage_reasons"], ["unsupported"])
        self.assertEqual(o["verdict"], "incomplete")
        self.assertTrue(o["quarantine"])
        want = "pdf: %d of %d pages are images with no text" % (pages, of)
        self.assertTrue(any(e.startswith(want) and "no OCR" in e for e in o["errors"]), o["errors"])

    def assertRead(self, name):
        o = self.obj(name)
        self.assertEqual(o["coverage"], "full", o["errors"])
        self.assertFalse(any("no OCR" in e for e in o["errors"]), o["errors"])
        return o

    def test_image_xobject_pages(self):
        self.assertScan("scan_xobject.pdf", 2, 2)

    def test_inline_image(self):
        self.assertScan("scan_inline.pdf", 1, 1)

    def test_image_inside_scaled_form(self):
        # 153x198 points, scaled 2x by the form's /Matrix and 2x by the page's cm
        self.assertScan("scan_form.pdf", 1, 1)

    def test_strips_add_up(self):
        self.assertScan("scan_strips.pdf", 1, 1)

    def test_ocr_layer_is_text(self):
        o = self.assertRead("scan_ocr.pdf")
        fps = {e["fingerprint"] for f in o["findings"] for e in f["evidence"]}
        self.assertIn(lsutil.fingerprint(KEY, "ssn", g.OCR_SSN.replace("-", "")), fps)

    def test_logo_is_no_scan(self):
        o = self.assertRead("logo.pdf")
        self.assertEqual(o["verdict"], "clean")

    def test_one_photo_among_text_pages(self):
        o = self.assertRead("mostly_text.pdf")
        self.assertEqual(o["verdict"], "sensitive")

    def test_ghostscript_rendering(self):
        if not self.have_gs:
            self.skipTest("gs (Ghostscript) is not installed")
        self.assertScan("scan_gs.pdf", 1, 1)
        # the SSN is pixels now: nothing finds it, and nothing pretends to
        o = self.obj("scan_gs.pdf")
        self.assertEqual(o["findings"], [])


if __name__ == "__main__":
    unittest.main()
