#!/usr/bin/env python3
"""End-to-end: the package reader (src/unpack/zipread.c) on sound, odd and
hostile zips of a Word document (fixtures: tests/gen/gen_zipread.py).
Members the central directory describes soundly are inflated directly
(libdeflate); everything else goes through libarchive. Whichever path
reads a member: directory/local disagreements, CRC and size lies, a 2 GiB
size claim, an encryption flag, damaged deflate data, a cut file and a
bomb are each reported as they must be, the planted values are found where
the bytes hold them, nothing crashes and a lie about sizes allocates
nothing."""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_zipread as gen  # noqa: E402

KEY = b"zipread-e2e-fingerprint-key"


def fp(entity, value):
    return lsutil.fingerprint(KEY, entity, value)


class ZipRead(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "zips")
        cls.names = gen.generate(cls.dir)
        cls.proc, cls.m = lsutil.scan_keyed(cls.tmp.name, [cls.dir], KEY, "-j2")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def test_every_case(self):
        self.assertIsNotNone(self.m, self.proc.stderr)
        self.assertEqual(sorted(self.names), sorted(gen.EXPECT))
        want = {("ssn", fp("ssn", gen.SSN.replace("-", ""))), ("email", fp("email", gen.EMAIL)),
                ("credit_card", fp("credit_card", gen.CARD.replace(" ", "")))}
        for name, (coverage, reasons, found) in gen.EXPECT.items():
            o = self.m.obj(os.path.join(self.dir, name))
            with self.subTest(name=name):
                self.assertEqual(o["handler"], "ooxml")
                self.assertEqual(o["coverage"], coverage, (o["coverage_reasons"], o["errors"]))
                for r in reasons:
                    self.assertIn(r, o["coverage_reasons"], o["errors"])
                got = {(f["entity"], ev.get("fingerprint")) for f in o.get("findings", [])
                       for ev in f["evidence"]}
                if found is True:
                    self.assertTrue(want <= got, sorted(got))
                elif found is False:
                    self.assertFalse(want & got, sorted(got))

    def test_encrypted_member_said(self):
        o = self.m.obj(os.path.join(self.dir, "encflag.docx"))
        self.assertIn("encrypted", o["alerts"])

    def test_bomb_said(self):
        o = self.m.obj(os.path.join(self.dir, "bomb.docx"))
        self.assertIn("zip_bomb", o["alerts"])

    def test_text_of_the_sound_paths_is_the_same(self):
        """Deflated, stored and data-descriptor packages give the same text."""
        texts = {n: lsutil.run(["text", os.path.join(self.dir, n)]).stdout
                 for n in ("good.docx", "stored.docx", "descriptor.docx", "crc_cd.docx", "lname.docx")}
        self.assertIn(gen.SSN.encode(), texts["good.docx"])
        for n, t in texts.items():
            self.assertEqual(t, texts["good.docx"], n)


if __name__ == "__main__":
    unittest.main()
