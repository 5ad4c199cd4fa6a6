#!/usr/bin/env python3
"""Office files LibreOffice reads and leaksift misread
(tests/gen/gen_realsweep20.py): a BIFF5 workbook without a CODEPAGE
record is read in its fonts' code page (Cyrillic, not Windows-1252
mojibake; the SSN beside it found), one whose fonts name two pages
stays Windows-1252; a Mac Japanese RTF (\\ansicpg10001, \\fcharset78) is
read as Shift_JIS and is full, not partial/unsupported. The metafile
pictures of a .doc (Data stream) and of an .xls (its drawing group, a
picture split by a CONTINUE record) are members, read by the metafile
handler: the SSNs they draw are found. A shared string continued across a
CONTINUE of its grbit alone and an empty one is read whole, full."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_realsweep20  # noqa: E402


class RealSweep20(lsutil.GeneratedTree):
    GEN = gen_realsweep20

    def test_handler_and_coverage(self):
        for name, (handler, cov, reason, _) in sorted(self.key.items()):
            with self.subTest(name=name):
                o = self.m.obj(self.p(name))
                self.assertEqual(o["handler"], handler)
                self.assertEqual(o["coverage"], cov, o.get("errors"))
                if reason:
                    self.assertIn(reason, o["coverage_reasons"], o.get("errors"))

    def test_text(self):
        for name, (_, _, _, want) in sorted(self.key.items()):
            got = [ln.strip() for ln in self.text(name).splitlines()]
            for line in want:
                with self.subTest(name=name, line=line):
                    self.assertIn(line, got)

    def test_ssn_found(self):
        for name in ("biff5_fontcp.xls", "mac_japanese.rtf", "sst_empty_continue.xls"):
            with self.subTest(name=name):
                self.assertEqual(self.redacted(self.m.obj(self.p(name)), "ssn"), ["***-**-8714"])


    def test_pictures_handed_on(self):
        for name, member, ent in (("doc_picture.doc", "Data/picture-1.emf", "email"),
                                  ("xls_picture.xls", "Workbook/picture-1.wmf", "ssn")):
            with self.subTest(name=name):
                c = self.m.obj(self.p(name), [member])
                self.assertEqual(c["handler"], "metafile")
                self.assertEqual(c["coverage"], "full", c.get("errors"))
                self.assertEqual(self.redacted(c, "ssn"), ["***-**-8714"])
                self.assertIn(ent, lsutil.entities(c))
        self.assertIn("Garnet Hollis SSN 536-22-8714", self.text("xls_picture.xls", "Workbook/picture-1.wmf"))


if __name__ == "__main__":
    unittest.main()
