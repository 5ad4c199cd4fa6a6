#!/usr/bin/env python3
"""Text that real mail lost against independent readers (Python's email
package, msgreader, tnef, readpst; docs/formats.md, Mail section, "Recall
against references"), one test per class, on small files from
tests/gen/gen_mail_real.py: the text must be in `leaksift text` and the
record must be complete."""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_mail_real as g  # noqa: E402


class MailReal(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "real")
        g.generate(cls.dir)
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [cls.dir])
        assert cls.m is not None, cls.proc.stderr.decode(errors="replace")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def text(self, spec):
        p = lsutil.run(["text", os.path.join(self.dir, spec)])
        self.assertEqual(p.returncode, 0, p.stderr)
        return p.stdout.decode("utf-8")

    def full(self, name, handler="mime", chain=()):
        o = self.m.obj(os.path.join(self.dir, name), chain)
        self.assertEqual(o["handler"], handler)
        self.assertEqual(o["coverage"], "full", o.get("errors"))
        return o

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
