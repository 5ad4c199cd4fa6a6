#!/usr/bin/env python3
"""What a third sweep of other projects' real test mail found (enmime,
GMime, SpamAssassin, rspamd, mailpit, mailparse, verdammelt/tnef), on small
look-alikes made by tests/gen/gen_realsweep15.py."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweeputil  # noqa: E402  (tests/gen on sys.path)
from sweeputil import lsutil  # noqa: E402
import gen_realsweep15 as gen  # noqa: E402


class RealSweep15(sweeputil.RealTree):
    GEN = gen

    def test_body_without_the_empty_line(self):
        o = self.m.obj(self.p("no_separator.eml"))
        self.assertEqual(o["handler"], "mime")
        self.assertEqual(o["coverage"], "full", o["errors"])
        t = self.text("no_separator.eml")
        self.assertIn("André Martin", t)
        self.assertIn("Subject: Payroll export ¢ for review", t)
        self.assertIn("To: Mirosław Nowak", t)
        self.assertIn("This is a multi-part message in MIME format.", t)
        self.assertIn("André, the export is attached; please check the Finance rows before Friday.", t)
        self.assertIn("The second note sits right under its Content-Type line.", t)
        # the broken fold is header junk, not the start of the body
        self.assertNotIn("Lf9TgWbN2aPe6Xo1vQ", t)
        kid = self.m.obj(self.p("no_separator.eml"), ["export.csv"])
        self.assertEqual(lsutil.last4s(kid, "ssn"), [gen.SSN_NOSEP[-4:]])

    def test_utf16_without_bom_is_little_endian_by_its_zeros(self):
        o = self.m.obj(self.p("utf16_nobom.eml"))
        self.assertEqual(o["coverage"], "full", o["errors"])
        t = self.text("utf16_nobom.eml")
        self.assertIn("Subject: " + gen.U16_SUBJECT, t)
        self.assertIn("The adjusted record for Jane Roe (SSN %s) is below." % gen.SSN_U16, t)
        self.assertIn(gen.BE_TEXT, t)
        self.assertEqual(lsutil.last4s(o, "ssn"), [gen.SSN_U16[-4:]])

    def test_base64_label_on_plain_words(self):
        o = self.m.obj(self.p("prose_base64.eml"))
        self.assertEqual(o["coverage"], "full", o["errors"])
        self.assertTrue(any("labelled base64 is plain text" in e for e in o["errors"]), o["errors"])
        t = self.text("prose_base64.eml").replace("\r\n", "\n")
        for line in gen.PROSE:
            self.assertIn(line + "\n", t)
        self.assertIn("The real base64 part: decoded as before.", t)
        self.assertIn("Third part: base64, then junk.", t)
        self.assertNotIn("ignored", t)
        self.assertNotIn("\ufffd", t)
        self.assertEqual(lsutil.last4s(o, "ssn"), [gen.SSN_PROSE[-4:]])

    def test_field_name_folded_before_its_colon(self):
        t = self.text("folded_colon.eml")
        self.assertIn("From: Jane Roe <jane.roe@corp-mail.test>", t)
        self.assertIn("Subject: Fwd: invoice", t)
        self.assertIn("See the forwarded invoice.", t)

    def test_encoded_words_in_rfc2231_sections(self):
        path = self.p("eword_2231_names.eml")
        names = sorted(o["chain"][-1] for o in self.m.by_path(path) if o["chain"])
        self.assertEqual(names, sorted([gen.NAME_CONT, gen.NAME_EXT]))
        for n in names:
            self.assertEqual(lsutil.last4s(self.m.obj(path, [n]), "ssn"), [gen.SSN_NAMES[-4:]])


if __name__ == "__main__":
    unittest.main()
