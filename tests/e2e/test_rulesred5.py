#!/usr/bin/env python3
"""Fifth red-team review of the rule pack (rulesred5): precision on what is
not text -- the pixels, colour tables and glyphs of images and fonts.

tests/gen/gen_rulesred5.py writes images and fonts (BMP, a .docx with a
BMP picture, PNG, TIFF, JPEG, GIF, WMF, TrueType) whose pixel data and
glyphs spell phone- and card-shaped runs, as real pictures did (a BMP in a
real .docx gave 34 phone numbers) -- each must stay clean -- and the same
formats with personal data in their metadata (PNG text chunks, a JPEG
comment, XMP and Exif tags, a GIF comment, TIFF ASCII tags, a WMF text
record, a font's name table), which must still be found. Text files:
Korean phone and fax numbers read as SSNs, a Bosnian IBAN cut by a ';'
read as a card, `key = fn(...)` read as a token, beside true SSNs, a
card and keys. The scoring is test_rulesred.py's.

Run directly with --report to print recall/precision per entity.
"""
import os
import sys
import unittest
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsutil  # noqa: E402,F401
import test_rulesred as rr  # noqa: E402

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
GEN = os.path.join(SRC, "tests", "gen", "gen_rulesred5.py")


class RulesRed5(rr.KeyedRules, unittest.TestCase):
    GEN = GEN
    PREFIX = "rulesred5-"

    def test_decoys_present(self):
        # the corpus holds its decoy files (a generator change cannot empty the test)
        decoys = [rel for rel, spec in self.key.items() if spec["decoy"]]
        self.assertGreaterEqual(len(decoys), 9)

    def test_images_identified(self):
        # each image and font is read as media (no handler): the test is about their raw scan;
        # a WMF that draws text is read by the metafile handler (its strings a line each; its
        # raw bytes are not scanned when it read them all), one that draws none is media
        media = {"image/bmp", "image/x-ms-bmp", "image/png", "image/tiff", "image/jpeg", "image/gif",
                 "image/wmf", "font/sfnt", "font/ttf"}
        seen = 0
        for o in self.man.objects:
            if o["file"]["extension"] in ("bmp", "png", "tif", "jpg", "gif", "wmf", "ttf"):
                self.assertIn(o["file"]["mime_type"], media, o["path"])
                if o["file"]["extension"] == "wmf":
                    self.assertIn(o.get("handler"), (None, "metafile"), o["path"])
                else:
                    self.assertIsNone(o.get("handler"), o["path"])
                seen += 1
        self.assertGreaterEqual(seen, 15)


if __name__ == "__main__":
    rr.main(GEN, "rulesred5-")
