#!/usr/bin/env python3
"""End-to-end: cut images (fixtures: tests/gen/gen_media.py). Media are not
decoded, but JPEG and PNG say where they end: a PNG without IEND and a JPEG
with no end-of-image marker after its image data are partial/truncated,
also as members (the archive's verdict becomes incomplete). Whole images,
a JPEG with data after its EOI (motion photos), entropy data full of
stuffed bytes and restart markers, and bytes that are no JPEG layout are
left full. Their metadata text (PNG tEXt, JPEG comment) is still found."""
import io
import os
import sys
import tempfile
import unittest
import zipfile

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(SRC, "tests", "gen"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_media  # noqa: E402
import lsutil  # noqa: E402


class Media(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="ls-media-")
        cls.dir = os.path.join(cls.tmp.name, "in")
        cls.expect = gen_media.generate(cls.dir)
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            for name in ("whole.jpg", "cut.jpg"):
                with open(os.path.join(cls.dir, name), "rb") as fh:
                    z.writestr("photos/" + name, fh.read())
        with open(os.path.join(cls.dir, "photos.zip"), "wb") as fh:
            fh.write(buf.getvalue())
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [cls.dir])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def rec(self, name, chain=()):
        return self.m.obj(os.path.join(self.dir, name), list(chain))

    def test_roots(self):
        self.assertGreaterEqual(sum(self.expect.values()), 4)
        for name, cut in self.expect.items():
            o = self.rec(name)
            with self.subTest(name=name):
                self.assertIn(o["file"]["mime_type"], ("image/jpeg", "image/png"))
                if cut:
                    self.assertEqual(o["coverage"], "partial")
                    self.assertEqual(o["coverage_reasons"], ["truncated"])
                    self.assertIn("(cut)", str(o["errors"]))
                    self.assertNotEqual(o["verdict"], "clean")  # sensitive outranks incomplete
                else:
                    self.assertEqual(o["coverage"], "full", o["errors"])

    def test_metadata_text_still_found(self):
        for name in ("whole.png", "cut.png", "whole.jpg", "cut.jpg"):
            with self.subTest(name=name):
                self.assertIn("email", lsutil.entities(self.rec(name)))

    def test_member(self):
        self.assertEqual(self.rec("photos.zip", ["photos/cut.jpg"])["coverage"], "partial")
        self.assertEqual(self.rec("photos.zip", ["photos/whole.jpg"])["coverage"], "full")
        root = self.rec("photos.zip")
        self.assertEqual(root["coverage"], "full")  # the zip itself was read whole
        self.assertNotEqual(root["verdict"], "clean")


if __name__ == "__main__":
    unittest.main()
