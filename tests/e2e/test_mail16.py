#!/usr/bin/env python3
"""The mail cases the fifteenth session's sweep left, and what the sixteenth
session's sweep of other projects' real mail found, on small look-alikes
made by tests/gen/gen_mail16.py."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_mail16 as gen  # noqa: E402


class Mail16(lsutil.GeneratedTree):
    GEN = gen

    def test_bsmtp_batch_is_read_as_its_messages(self):
        o = self.m.obj(self.p("batch.bsmtp"))
        self.assertEqual(o["handler"], "mbox")
        self.assertEqual(o["coverage"], "full", o["errors"])
        # the envelope is the batch's text (its raw bytes are not scanned)
        env = self.text("batch.bsmtp")
        self.assertIn("RCPT TO:<anna.berg@corp-mail.test>", env)
        self.assertNotIn("Gehaltskorrektur", env)
        one = self.m.obj(self.p("batch.bsmtp"), ["msg-1"])
        self.assertEqual(one["handler"], "mime")
        self.assertEqual(one["coverage"], "full", one["errors"])
        t = self.text("batch.bsmtp", "msg-1")
        self.assertIn("Subject: Gehaltskorrektur für März", t)
        self.assertIn("From: Pat Doe <pat.doe@corp-mail.test>", t)
        self.assertIn("(SSN %s) is attached" % gen.SSN_BSMTP, t)
        # dot-stuffing undone; the "From " line and the envelope are no text
        self.assertIn("\n. this line starts with one dot", t)
        self.assertNotIn("Fri Aug 31", t)
        self.assertNotIn("RCPT", t)
        self.assertEqual(lsutil.last4s(one, "ssn"), [gen.SSN_BSMTP[-4:]])
        two = self.m.obj(self.p("batch.bsmtp"), ["msg-2"])
        self.assertEqual(lsutil.last4s(two, "ssn"), [gen.SSN_BSMTP2[-4:]])
        self.assertNotIn("QUIT", self.text("batch.bsmtp", "msg-2"))

    def test_bsmtp_cut_inside_its_message(self):
        o = self.m.obj(self.p("cut.bsmtp"))
        self.assertEqual(o["handler"], "mbox")
        self.assertIn("truncated", o["coverage_reasons"])
        one = self.m.obj(self.p("cut.bsmtp"), ["msg-1"])
        self.assertIn("truncated", one["coverage_reasons"])
        self.assertIn("Subject: Gehaltskorrektur für März", self.text("cut.bsmtp", "msg-1"))

    def test_message_part_of_header_fields_only(self):
        kid = self.m.obj(self.p("headers_only.eml"), ["part-2.eml"])
        self.assertEqual(kid["handler"], "mime")
        self.assertEqual(kid["coverage"], "full", kid["errors"])
        t = self.text("headers_only.eml", "part-2.eml")
        self.assertIn("X-Case-Ref: Überprüfung SSN %s" % gen.SSN_HDR, t)
        self.assertEqual(lsutil.last4s(kid, "ssn"), [gen.SSN_HDR[-4:]])

    def test_mime_entity_of_headers_only(self):
        o = self.m.obj(self.p("part_headers.mime"))
        self.assertEqual(o["handler"], "mime")
        self.assertEqual(o["coverage"], "full", o["errors"])
        kid = self.m.obj(self.p("part_headers.mime"), ["file.html"])
        self.assertEqual(kid["file"]["size"], 0)

    def test_boundary_never_found_body_is_one_text_part(self):
        o = self.m.obj(self.p("no_boundary.eml"))
        self.assertEqual(o["coverage"], "full", o["errors"])
        self.assertTrue(any("one text part" in e for e in o["errors"]), o["errors"])
        self.assertIn("Sam Poe's SSN is %s" % gen.SSN_NOB, self.text("no_boundary.eml"))
        self.assertEqual(lsutil.last4s(o, "ssn"), [gen.SSN_NOB[-4:]])

    def test_boundary_never_found_parts_lost_stays_partial(self):
        o = self.m.obj(self.p("lost_parts.eml"))
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("parse_error", o["coverage_reasons"])

    def test_pgp_plaintext_cipher_is_read(self):
        o = self.m.obj(self.p("plain_pgp.asc"))
        self.assertEqual(o["coverage"], "full", o["errors"])
        kid = self.m.obj(self.p("plain_pgp.asc"), ["pgp-literal"])
        self.assertEqual(lsutil.last4s(kid, "ssn"), [gen.SSN_PGP[-4:]])
        self.assertIn("Recovery contact: Jane Roe, SSN %s" % gen.SSN_PGP,
                      self.text("plain_pgp.asc", "pgp-literal"))

    def test_pgp_plaintext_cipher_binary(self):
        o = self.m.obj(self.p("plain_pgp.gpg"))
        self.assertEqual(o["handler"], "pgp")
        self.assertEqual(o["coverage"], "full", o["errors"])
        kid = self.m.obj(self.p("plain_pgp.gpg"), ["pgp-literal"])
        self.assertEqual(lsutil.last4s(kid, "ssn"), [gen.SSN_PGP[-4:]])

    def test_unquoted_from_line_in_an_attachment(self):
        recs = [r for r in self.m.by_path(self.p("patch.mbox"))]
        tops = sorted(r["chain"][0] for r in recs if len(r["chain"]) == 1)
        self.assertEqual(tops, ["msg-1", "msg-2"])
        one = self.m.obj(self.p("patch.mbox"), ["msg-1"])
        self.assertEqual(one["coverage"], "full", one["errors"])
        att = [r for r in recs if r["chain"][:2] == ["msg-1", "0001-payroll-fix.patch"]]
        self.assertTrue(att, sorted(r["chain"] for r in recs))
        self.assertTrue(all(r["coverage"] == "full" for r in att), [(r["chain"], r["errors"]) for r in att])
        found = [e for r in att for e in lsutil.last4s(r, "ssn")]
        self.assertIn(gen.SSN_PATCH[-4:], found)
        self.assertIn("Thanks, applied.", self.text("patch.mbox", "msg-2"))

    def test_utf8_cut_in_its_last_character(self):
        recs = self.m.by_path(self.p("cut_utf8.eml"))
        names = [r["chain"][-1] for r in recs if r["chain"]]
        self.assertIn(gen.CUT_NAME[:-1] + "\ufffd", names)
        t = self.text("cut_utf8.eml")
        self.assertIn("Jürgen Müller, SSN %s, Größe 42 — Ende \ufffd" % gen.SSN_CUT8, t)
        self.assertIn("Café au lait", t)
        o = self.m.obj(self.p("cut_utf8.eml"))
        self.assertEqual(lsutil.last4s(o, "ssn"), [gen.SSN_CUT8[-4:]])

    def test_same_fixed_boundary_in_the_next_message(self):
        recs = self.m.by_path(self.p("gnus.mbox"))
        tops = sorted(r["chain"][0] for r in recs if len(r["chain"]) == 1)
        self.assertEqual(tops, ["msg-1", "msg-2"])
        two = self.m.obj(self.p("gnus.mbox"), ["msg-2"])
        self.assertEqual(two["coverage"], "full", two["errors"])
        self.assertEqual(lsutil.last4s(two, "ssn"), [gen.SSN_GNUS[-4:]])
        self.assertNotIn("Sam Poe", self.text("gnus.mbox", "msg-1"))


if __name__ == "__main__":
    unittest.main()
