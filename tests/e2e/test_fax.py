#!/usr/bin/env python3
"""A fax or a scanned document kept as TIFF (pages of one bit per pixel,
black and white: CCITT Group 3/4 or plain bilevel) is a document leaksift
cannot read (no OCR): partial with `unsupported`, verdict incomplete, also
as an archive member. Photos (grey, colour), a bilevel thumbnail before a
colour page and files mostly of grey pages stay full; two IFDs that point
at each other count each page once. Fixtures: tests/gen/gen_fax.py (Python,
and Ghostscript's tiffg4 / tiff24nc / tiffgray devices when gs is
installed)."""
import io
import os
import sys
import tempfile
import unittest
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_fax  # noqa: E402


class Fax(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "in")
        cls.expect = gen_fax.generate(cls.dir)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            for name in ("fax_g4.tif", "photo_rgb.tif"):
                with open(os.path.join(cls.dir, name), "rb") as f:
                    z.writestr("inbox/" + name, f.read())
        with open(os.path.join(cls.dir, "faxes.zip"), "wb") as f:
            f.write(buf.getvalue())
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [cls.dir])
        assert cls.m is not None, cls.proc.stderr.decode(errors="replace")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_roots(self):
        self.assertGreaterEqual(sum(1 for v in self.expect.values() if v), 4)
        for name, want in self.expect.items():
            o = self.m.obj(os.path.join(self.dir, name))
            with self.subTest(name=name):
                self.assertEqual(o["file"]["mime_type"], "image/tiff")
                if want:
                    self.assertEqual(o["coverage"], "partial", o["errors"])
                    self.assertEqual(o["coverage_reasons"], ["unsupported"])
                    self.assertEqual(o["verdict"], "incomplete")
                    msg = "image/tiff: %d of %d pages are bilevel images (a fax or a scan)" % want
                    self.assertTrue(any(e.startswith(msg) for e in o["errors"]), o["errors"])
                else:
                    self.assertEqual(o["coverage"], "full", o["errors"])
                    self.assertEqual(o["verdict"], "clean")

    def test_ghostscript_renderings(self):
        # the same pages from a real tool: its fax device flagged, its photo devices not
        if "gs_fax.tif" not in self.expect:
            self.skipTest("gs (Ghostscript) is not installed")
        self.assertEqual(self.m.obj(os.path.join(self.dir, "gs_fax.tif"))["coverage_reasons"], ["unsupported"])
        for name in ("gs_rgb.tif", "gs_gray.tif"):
            self.assertEqual(self.m.obj(os.path.join(self.dir, name))["coverage"], "full")

    def test_member(self):
        zpath = os.path.join(self.dir, "faxes.zip")
        fax = self.m.obj(zpath, ["inbox/fax_g4.tif"])
        self.assertEqual(fax["coverage_reasons"], ["unsupported"])
        photo = self.m.obj(zpath, ["inbox/photo_rgb.tif"])
        self.assertEqual(photo["coverage"], "full")
        self.assertEqual(self.m.obj(zpath)["verdict"], "incomplete")


if __name__ == "__main__":
    unittest.main()
