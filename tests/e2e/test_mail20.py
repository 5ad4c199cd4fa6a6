#!/usr/bin/env python3
"""What the twentieth session's sweep of real mail found (java-libpst's
dist-list.pst, MSGReader's .msg files), on small look-alikes made by
tests/gen/gen_mail20.py: multi-valued properties of Outlook items, and a
distribution list's members (one-off entry ids), were not read."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweeputil  # noqa: E402  (tests/gen on sys.path)
from sweeputil import lsutil  # noqa: E402
import gen_mail20 as g  # noqa: E402


class Mail20(sweeputil.RealTree):
    GEN = g
    TEXT_OK = True

    def members(self, text):
        for name, addr, _ in g.MEMBERS:
            self.assertIn("Member: %s <%s>\n" % (name, addr), text)

    def test_pst_distribution_list_members(self):
        self.full("dlist.pst", "pst")
        dl = self.full("dlist.pst", "mime", ["Contacts/Payroll team"])
        self.members(self.text("dlist.pst", "Contacts/Payroll team"))
        self.assertIn("email", lsutil.entities(dl))

    def test_pst_multi_valued_strings(self):
        o = self.full("dlist.pst", "mime", ["Contacts/Roe, Jane"])
        t = self.text("dlist.pst", "Contacts/Roe, Jane")
        for c in g.CATEGORIES:
            self.assertIn("0x%04x: %s\n" % (g.PID_CATS, c), t)
        self.assertIn(g.SSN_CAT[-4:], lsutil.last4s(o, "ssn"))

    def test_msg_distribution_list_and_multi_valued_strings(self):
        o = self.full("dlist.msg", "msg")
        t = self.text("dlist.msg")
        self.members(t)
        for c in g.CATEGORIES:
            self.assertIn("Property 0x%04X: %s\n" % (g.PID_CATS, c), t)
        self.assertIn("Property 0x8102: %s\n" % g.KEYWORD8, t)  # 8-bit, windows-1252 with no code page
        self.assertIn("email", lsutil.entities(o))
        self.assertIn(g.SSN_CAT[-4:], lsutil.last4s(o, "ssn"))

    def test_tnef_distribution_list_members(self):
        o = self.full("dlist.tnef", "tnef")
        t = self.text("dlist.tnef")
        self.assertIn("Members below.", t)
        self.members(t)
        self.assertIn("email", lsutil.entities(o))

    def test_bare_from_separators(self):
        o = self.full("bare_from", "mbox")
        recs = {tuple(r["chain"]): r for r in self.m.by_path(self.p("bare_from"))}
        self.assertEqual(sorted(k for k in recs if len(k) == 1), [("msg-1",), ("msg-2",)], sorted(recs))
        t = self.text("bare_from", "msg-1")
        self.assertIn("Subject: Staff list\n", t)
        # the unquoted "From " body line followed by prose stays in message 1
        self.assertIn(g.BARE_BODY + "\nFrom \nThis could cause problems", t)
        csv = recs[("msg-1", "staff.csv")]
        self.assertIn(g.SSN_ATT[-4:], lsutil.last4s(csv, "ssn"))
        self.assertIn("Subject: Second\n", self.text("bare_from", "msg-2"))
        self.assertEqual(o["errors"], [])


if __name__ == "__main__":
    unittest.main()
