#!/usr/bin/env python3
"""What a second sweep of other projects' real test mail found (MimeKit,
Stalwart mail-parser, the mail gem, mailparser, mail-mime-parser,
php-mime-mail-parser, CPython's test_email data, ruby-msg), on small
look-alikes made by tests/gen/gen_realmail.py."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_realmail  # noqa: E402


class RealMail(lsutil.GeneratedTree):
    GEN = gen_realmail

    def records(self, name):
        return self.m.by_path(self.p(name))

    def test_preamble_ends_its_line(self):
        o = self.m.obj(self.p("preamble.eml"))
        self.assertEqual(o["coverage"], "full", o["errors"])
        t = self.text("preamble.eml")
        # the preamble's last word and the first part's first word stay apart
        self.assertIn("Payroll corrections for Jane Roe, SSN %s\nApproved by the payroll desk\nTwo\n"
                      % gen_realmail.SSN_PRE, t)
        self.assertNotIn(gen_realmail.SSN_PRE + "Approved", t)
        self.assertIn("ssn", lsutil.entities(o))

    def test_inner_multipart_closed_by_the_outer_delimiter(self):
        o = self.m.obj(self.p("inner_unclosed.eml"))
        # nothing is cut: the enclosing "--x--" ends the nested multipart
        self.assertEqual(o["coverage"], "full", o["errors"])
        self.assertEqual(o["coverage_reasons"], [])
        self.assertTrue(any("enclosing multipart's delimiter ends it" in e for e in o["errors"]), o["errors"])
        kid = self.m.obj(self.p("inner_unclosed.eml"), ["part-3.eml"])
        self.assertEqual(kid["coverage"], "full", kid["errors"])
        self.assertEqual(kid["errors"], [])
        self.assertIn("ssn", lsutil.entities(kid))
        t = self.text("inner_unclosed.eml").replace("\r\n", "\n")
        self.assertIn("This part specifier should be: 1\n", t)
        self.assertIn("This part specifier should be: 4.1\n", t)
        self.assertIn("Forwarded payroll line: Jane Roe %s" % gen_realmail.SSN_NOTES,
                      self.text("inner_unclosed.eml", "part-3.eml"))

    def test_really_cut_message_stays_truncated(self):
        o = self.m.obj(self.p("outer_unclosed.eml"))
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("truncated", o["coverage_reasons"])
        self.assertIn("This part was cut in transf", self.text("outer_unclosed.eml"))

    def test_tnef_embedded_messages_are_read(self):
        recs = self.records("embedded.tnef")
        by = {}
        for r in recs:
            by.setdefault(tuple(r["chain"]), []).append(r)
        root = by[()][0]
        self.assertEqual(root["coverage"], "full", root["errors"])
        # each embedded message is a nested TNEF stream read by tnef, not
        # Outlook's 89-byte "not supported by this mail system" note
        inner = by[("Untitled Attachment",)]
        self.assertEqual(len(inner), 2, [(r["chain"], r["handler"]) for r in recs])
        for r in inner:
            self.assertEqual(r["handler"], "tnef")
            self.assertEqual(r["coverage"], "full", r["errors"])
            self.assertGreater(r["file"]["size"], len(gen_realmail.PLACEHOLDER))
        ssn = set()
        for r in inner:
            ssn |= set(lsutil.last4s(r, "ssn"))
        # the appointment's body (attachment before the property list) and
        # the task's (property list first)
        self.assertIn(gen_realmail.SSN_APPT[-4:], ssn)
        self.assertIn(gen_realmail.SSN_TASK[-4:], ssn)
        # the appointment's own attachment
        notes = by[("Untitled Attachment", "notes.txt")]
        self.assertEqual(len(notes), 1)
        self.assertIn(gen_realmail.SSN_NOTES[-4:], lsutil.last4s(notes[0], "ssn"))
        listing = lsutil.run(["text", "--list", self.p("embedded.tnef")]).stdout.decode()
        self.assertIn("!Untitled Attachment!notes.txt\t", listing)

    def test_msg_stored_rtf_with_aspose_rawsize(self):
        o = self.m.obj(self.p("stored_rtf.msg"))
        self.assertEqual(o["handler"], "msg")
        self.assertEqual(o["coverage"], "full", o["errors"])
        rtf = self.m.obj(self.p("stored_rtf.msg"), ["body.rtf"])
        self.assertEqual(rtf["coverage"], "full", rtf["errors"])
        self.assertEqual(rtf["errors"], [])
        self.assertIn("Badge renewal for Jane Roe, SSN %s" % gen_realmail.SSN_RTF,
                      self.text("stored_rtf.msg", "body.rtf"))
        self.assertIn(gen_realmail.SSN_RTF[-4:], lsutil.last4s(rtf, "ssn"))

    def test_iso2022kr_hz_and_unicode_labels(self):
        for name, want, ssn in (("korean.eml", gen_realmail.KO_TEXT, gen_realmail.SSN_KO),
                                ("hz.eml", gen_realmail.HZ_TEXT, gen_realmail.SSN_HZ),
                                ("unicode.eml", gen_realmail.U16_TEXT, gen_realmail.SSN_U16)):
            o = self.m.obj(self.p(name))
            self.assertEqual(o["coverage"], "full", (name, o["errors"]))
            t = self.text(name)
            self.assertIn(want, t, name)
            self.assertIn(ssn, t, name)
            self.assertIn(ssn[-4:], lsutil.last4s(o, "ssn"), name)
            for junk in ("\x1b$)C", "~{", "~}", "\x0e", "\x0f"):
                self.assertNotIn(junk, t, name)
        # the subject (encoded words) and the body
        self.assertIn("Subject: %s\n" % gen_realmail.KO_TEXT, self.text("korean.eml"))
        self.assertEqual(self.m.obj(self.p("korean.eml"))["subject"], gen_realmail.KO_TEXT)
        self.assertIn("Subject: %s\n" % gen_realmail.HZ_TEXT, self.text("hz.eml"))
        self.assertIn("주민번호 대신 SSN", self.text("korean.eml"))
        self.assertIn("\n~ tilde kept", self.text("hz.eml"))

    def test_raw_8bit_headers_in_the_text_charset(self):
        g = gen_realmail
        o = self.m.obj(self.p("raw8bit_ru.eml"))
        self.assertEqual(o["coverage"], "full", o["errors"])
        self.assertEqual(o["subject"], g.RU_SUBJECT)
        t = self.text("raw8bit_ru.eml")
        self.assertIn("From: %s <ivan.petrov@corp-mail.test>\n" % g.RU_FROM, t)
        self.assertIn("Subject: %s\n" % g.RU_SUBJECT, t)
        kid = self.m.obj(self.p("raw8bit_ru.eml"), [g.RU_FILE])
        self.assertIn(g.SSN_RU[-4:], lsutil.last4s(kid, "ssn"))
        o = self.m.obj(self.p("raw8bit_ja.eml"))
        self.assertEqual(o["subject"], g.JA_SUBJECT)
        kid = self.m.obj(self.p("raw8bit_ja.eml"), [g.JA_FILE])
        self.assertIn(g.SSN_JA[-4:], lsutil.last4s(kid, "ssn"))
        self.assertIn("明細を添付します。", self.text("raw8bit_ja.eml"))
        # a raw UTF-8 field stays UTF-8 whatever the text charset
        self.assertIn("Cc: Jürgen Müller <j.mueller@corp-mail.test>\n", t)

    def test_netscape_temp_names_are_not_absolute_paths(self):
        recs = {tuple(r["chain"]): r for r in self.records("netscape.eml")}
        for name in ("C:\\TEMP\\nsmailEG.gif", "C:\u00a5win95\u00a5TEMP\u00a5nsmailRJ.gif"):
            self.assertIn((name,), recs, sorted(recs))
            self.assertEqual(recs[(name,)]["alerts"], [], name)
        # a drive-letter name that is not Netscape's temp file keeps its alert
        self.assertIn("absolute_path", recs[("C:\\TEMP\\setup.exe",)]["alerts"])
        root = recs[()]
        self.assertIn("ssn", lsutil.entities(root))

    def test_external_body_name_is_no_file_name(self):
        recs = self.records("external.eml")
        self.assertEqual(len(recs), 2, [(r["chain"], r["alerts"]) for r in recs])
        for r in recs:
            self.assertEqual(r["alerts"], [], r["chain"])
            self.assertNotEqual(r["verdict"], "hostile", r["chain"])
        self.assertIn(["RFC-MIME.ps"], [r["chain"] for r in recs])

    def test_x_uuencode_transfer_encoding(self):
        import hashlib
        recs = {tuple(r["chain"]): r for r in self.records("uuencode_parts.eml")}
        gif = recs[("dot.gif",)]
        self.assertEqual(gif["file"]["size"], len(gen_realmail.GIF))
        self.assertEqual(gif["file"]["hash"]["sha256"], hashlib.sha256(gen_realmail.GIF).hexdigest())
        self.assertEqual(gif["alerts"], [])
        csv = recs[("staff.csv",)]
        self.assertEqual(csv["file"]["size"], len(gen_realmail.UU_CSV))
        self.assertEqual(csv["coverage"], "full", csv["errors"])
        self.assertIn(gen_realmail.SSN_UU[-4:], lsutil.last4s(csv, "ssn"))
        cut = recs[("cut.csv",)]
        self.assertIn("truncated", cut["coverage_reasons"])
        self.assertIn(gen_realmail.SSN_UU[-4:], lsutil.last4s(cut, "ssn"))


if __name__ == "__main__":
    unittest.main()
