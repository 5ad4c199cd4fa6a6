#!/usr/bin/env python3
"""Text that real mail lost against independent readers (Python's email
package, msgreader, tnef, readpst; docs/formats.md, Mail section, "Recall
against references"), one test per class, on small files from
tests/gen/gen_mail_real.py: the text must be in `leaksift text` and the
record must be complete."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweeputil  # noqa: E402  (tests/gen on sys.path)
from sweeputil import lsutil  # noqa: E402
import gen_mail_real as g  # noqa: E402


class MailReal(sweeputil.RealTree):
    GEN = g
    HANDLER = "mime"
    TEXT_OK = True

    def test_html_declared_utf8_with_a_stray_byte(self):
        t = self.text("html_utf8_stray.eml")
        self.assertIn(g.HTML_RU, t)
        self.assertIn(g.HTML_TAIL, t)
        self.assertIn("broken \ufffd here", t)  # only the bad byte is lost
        o = self.full("html_utf8_stray.eml")
        self.assertIn("email", lsutil.entities(o))

    def test_legacy_label_on_utf8_text(self):
        t = self.text("gb2312_is_utf8.eml")
        self.assertIn(g.CN_TEXT, t)
        self.assertIn(g.DE_TEXT, t)
        self.full("gb2312_is_utf8.eml")

    def test_msg_dates(self):
        t = self.text("dated.msg")
        self.assertIn("Date: " + g.SUBMIT_DATE, t)  # the submit time, not the delivery or creation time
        self.assertNotIn("Sep 2001", t)  # PidTagCreationTime is no Date
        self.full("dated.msg", "msg")
        inner = self.text("dated.msg!Forwarded.msg")
        self.assertIn("Date: " + g.DELIVERY_DATE, inner)  # an embedded message: delivery time only

    def test_pst_dates(self):
        o = self.full("dated.pst", "pst")
        kids = [k for k in self.m.by_path(os.path.join(self.dir, "dated.pst")) if len(k["chain"]) == 1]
        self.assertEqual(len(kids), 1, kids)
        self.assertIn("Date: " + g.PST_DATE, self.text("dated.pst!" + kids[0]["chain"][0]))
        self.assertEqual(o["coverage"], "full")


if __name__ == "__main__":
    unittest.main()
