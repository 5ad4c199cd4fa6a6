#!/usr/bin/env python3
"""Text that real Word/Excel/PowerPoint 97-2003 files lost against
LibreOffice (docs/formats.md, OLE2 section, "Recall against LibreOffice"),
one class per test, on small files from tests/gen/gen_ole2_real.py: the
text must be in `leaksift text` and the record must be complete."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweeputil  # noqa: E402  (tests/gen on sys.path)
from sweeputil import lsutil  # noqa: E402
import gen_ole2_real as g  # noqa: E402


class Ole2Real(sweeputil.RealTree):
    GEN = g
    HANDLER = "ole2"
    TEXT_OK = True

    def test_word6_fast_saved_pieces(self):
        t = self.text("word6_fastsaved.doc")
        self.assertIn(g.W6_KEPT.strip(), t)
        self.assertIn(g.W6_APPENDED.strip(), t)  # after fcMac: only the piece table has it
        self.assertIn(g.W6_TAIL.strip(), t)
        self.assertIn(g.W6_DELETED.strip(), t)  # in no piece: still leaked
        self.assertEqual(t.count(g.W6_KEPT.strip()), 1)
        o = self.full("word6_fastsaved.doc")
        self.assertIn("credit_card", lsutil.entities(o))

    def test_word6_code_page_from_fonts(self):
        t = self.text("word6_fonts.doc")
        self.assertIn(g.W6_CYR, t)
        self.full("word6_fonts.doc")

    def test_ppt_comment_in_binary_tag(self):
        t = self.text("ppt_comment.ppt")
        self.assertIn(g.PPT_SLIDE, t)
        self.assertIn(g.PPT_COMMENT, t)
        self.assertIn(g.PPT_AUTHOR, t)
        o = self.full("ppt_comment.ppt")
        self.assertIn("email", lsutil.entities(o))

    def test_ppt_officeart_alt_text(self):
        t = self.text("ppt_alttext.ppt")
        for want in (g.PPT_SLIDE, g.PPT_ALT, g.PPT_PIB, g.PPT_TIP, g.PPT_WORDART):
            self.assertIn(want, t)
        self.assertNotIn(g.PPT_SHAPE_NAME, t)  # generated shape names are noise
        o = self.full("ppt_alttext.ppt")
        self.assertIn("email", lsutil.entities(o))

    def test_xls_error_values(self):
        t = self.text("xls_errors.xls")
        for err in g.XLS_ERRORS:
            self.assertIn("%s\t%s" % (err, err), t)  # BOOLERR cell, then the FORMULA's cached error
        self.full("xls_errors.xls")

    def test_xls_default_password_is_read(self):
        t = self.text("xls_velvet.xls")
        self.assertIn("[Sheet: Payroll]", t)
        self.assertIn(g.VELVET_CELL, t)
        self.assertIn("filler row 59", t)  # past the first 1024-byte block
        o = self.full("xls_velvet.xls")
        self.assertIn("ssn", lsutil.entities(o))
        self.assertIn("credit_card", lsutil.entities(o))

    def test_xls_xor_default_password_is_read(self):
        t = self.text("xls_xor.xls")
        self.assertIn("[Sheet: Pads]", t)
        self.assertIn(g.XOR_CELL, t)
        self.assertIn("xor filler 39", t)
        o = self.full("xls_xor.xls")
        self.assertIn("ssn", lsutil.entities(o))

    def test_xls_cryptoapi_default_password_is_read(self):
        for name in ("xls_capi40.xls", "xls_capi128.xls"):
            with self.subTest(name=name):
                t = self.text(name)
                self.assertIn("[Sheet: Payroll]", t)
                self.assertIn(g.VELVET_CELL, t)
                self.assertIn("filler row 59", t)  # past the first 1024-byte block
                o = self.full(name)
                self.assertIn("ssn", lsutil.entities(o))
                self.assertIn("credit_card", lsutil.entities(o))

    def test_xls_other_password_stays_encrypted(self):
        for name in ("xls_password.xls", "xls_capi_password.xls"):
            with self.subTest(name=name):
                o = self.m.obj(os.path.join(self.dir, name))
                self.assertEqual(o["coverage"], "partial")
                self.assertTrue(any("encrypted" in e for e in o["errors"]), o["errors"])
                self.assertNotIn("Salary", self.text(name))


if __name__ == "__main__":
    unittest.main()
