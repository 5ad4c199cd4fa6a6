#!/usr/bin/env python3
"""End-to-end: a zip cut short whose stored member is itself a zip
(fixtures: tests/gen/gen_zipnest18.py). The last end record left in the
file was the inner zip's, and it passed for a self-extractor's: the file
said `full`, the inner zip's members as its own, its own and the cut
unsaid. Now that end record is known for the member's (it lies inside a
stored member's data): the file is `partial`/`truncated`, read by its
local headers, the inner members are the stored zip's children. The whole
file and a whole zip with another appended stay as they were; a package
(docx) holding a stored docx, cut, is read by its local headers too.
"""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_zipnest18 as gen  # noqa: E402

KEY = b"zipnest18-e2e-fingerprint-key"


class ZipNest18(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "zn")
        gen.generate(cls.dir)
        cls.proc, cls.m = lsutil.scan_keyed(cls.tmp.name, [cls.dir], KEY, "-j2")
        cls.ssn = lsutil.fingerprint(KEY, "ssn", gen.SSN.replace("-", ""))

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def check(self, name):
        self.assertIsNotNone(self.m, self.proc.stderr)
        path = os.path.join(self.dir, name)
        have = sorted(tuple(o["chain"]) for o in self.m.by_path(path))
        for chain, want in gen.EXPECT[name].items():
            with self.subTest(file=name, member=chain):
                if want is False:
                    self.assertNotIn(chain, have)
                    continue
                self.assertIn(chain, have)
                o = self.m.obj(path, list(chain))
                coverage, reasons, found = want
                why = (o["coverage_reasons"], o["errors"])
                self.assertEqual(o["coverage"], coverage, why)
                for r in reasons:
                    self.assertIn(r, o["coverage_reasons"], why)
                if found is True:
                    fps = {ev.get("fingerprint") for f in o.get("findings", []) if f["entity"] == "ssn"
                           for ev in f["evidence"]}
                    self.assertIn(self.ssn, fps, why)
                elif isinstance(found, str):
                    self.assertTrue(any(found in e for e in o["errors"]), why)

    def test_cut_in_directory(self):
        self.check("cut_in_directory.zip")

    def test_cut_before_directory(self):
        self.check("cut_before_directory.zip")

    def test_cut_in_last_member(self):
        self.check("cut_in_last_member.zip")

    def test_one_byte_short(self):
        self.check("one_byte_short.zip")

    def test_cut_in_inner_zip(self):
        self.check("cut_in_inner.zip")

    def test_whole_stays_full(self):
        self.check("whole.zip")

    def test_whole_with_zip_appended_unchanged(self):
        self.check("appended.zip")

    def test_streamed_jar_cut_in_second_stored_zip(self):
        self.check("streamed_cut.jar")
        self.check("streamed_whole.jar")

    def test_self_extractor_cut_and_whole(self):
        self.check("sfx_cut.bin")
        self.check("sfx_whole.bin")

    def test_package_holding_stored_package(self):
        self.check("whole_package.docx")
        self.check("cut_package.docx")
        o = self.m.obj(os.path.join(self.dir, "cut_package.docx"), [])
        self.assertEqual(o.get("handler"), "ooxml", o)


if __name__ == "__main__":
    unittest.main()
