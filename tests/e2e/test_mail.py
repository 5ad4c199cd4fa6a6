#!/usr/bin/env python3
"""End-to-end tests of the mail handlers (mime, mbox, tnef, pst).

Fixtures come from tests/gen/gen_mail.py into a temporary directory; the
CLI ($LEAKSIFT) scans them and the manifest is checked with json.
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(SRC, "tests", "gen"))
import gen_mail  # noqa: E402

LEAKSIFT = os.environ.get("LEAKSIFT", "leaksift")


def last4(ssn):
    return "***-**-" + ssn[-4:]


class MailTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "dump")
        gen_mail.generate(cls.dir)
        out = os.path.join(cls.tmp.name, "manifest.jsonl")
        proc = subprocess.run([LEAKSIFT, "scan", "-o", out, cls.dir],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
        if proc.returncode not in (0, 1):
            raise AssertionError("scan failed (%d): %s" % (proc.returncode, proc.stderr.decode()))
        cls.objects = []
        with open(out, encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if rec.get("record") == "object":
                    cls.objects.append(rec)

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    # ---- helpers ----

    def obj(self, fname, chain=()):
        path = os.path.join(self.dir, fname)
        hits = [o for o in self.objects
                if os.path.normpath(o["path"]) == os.path.normpath(path) and o["chain"] == list(chain)]
        self.assertEqual(len(hits), 1, "object %s %s: %d records" % (fname, list(chain), len(hits)))
        return hits[0]

    def children(self, fname, parent):
        return [o for o in self.objects if o.get("parent_id") == parent["id"]]

    def redacted(self, o, entity):
        return sorted(e["redacted"] for f in o["findings"] if f["entity"] == entity
                      for e in f["evidence"])

    def assertFound(self, o, entity, redacted):
        self.assertIn(redacted, self.redacted(o, entity), "%s not in %s %s" % (redacted, o["chain"], o["findings"]))

    def text(self, spec):
        proc = subprocess.run([LEAKSIFT, "text", spec], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr.decode())
        return proc.stdout.decode("utf-8", "replace")

    # ---- EML ----

    def test_plain_eml(self):
        o = self.obj("plain.eml")
        self.assertEqual(o["handler"], "mime")
        self.assertEqual(o["coverage"], "full")
        self.assertEqual(self.redacted(o, "ssn"), [last4(gen_mail.SSN_PLAIN)])  # decoy dropped
        self.assertEqual(o["verdict"], "sensitive")
        self.assertTrue(all(e["fingerprint"] for f in o["findings"] for e in f["evidence"]))

    def test_headers_as_text(self):
        t = self.text(os.path.join(self.dir, "plain.eml"))
        self.assertIn("From: Alice Example <alice.example@corp-mail.test>\n", t)
        self.assertIn("Subject: Quarterly numbers\n", t)

    def test_alternative_html_base64_and_rfc2047_subject(self):
        o = self.obj("alt.eml")
        self.assertEqual(o["handler"], "mime")
        self.assertEqual(self.redacted(o, "credit_card"), ["*" * 12 + gen_mail.CARD_HTML[-4:]])
        self.assertIn("marking", [f["entity"] for f in o["findings"]])
        t = self.text(os.path.join(self.dir, "alt.eml"))
        self.assertIn("Subject: R\u00e9sum\u00e9 CONFIDENTIAL", t)
        self.assertNotIn("<b>", t)  # HTML went through the markup converter

    def test_quoted_printable_soft_break(self):
        o = self.obj("qp.eml")
        self.assertFound(o, "ssn", last4(gen_mail.SSN_QP))
        self.assertIn("caf\u00e9", self.text(os.path.join(self.dir, "qp.eml")))

    def test_attachment_child(self):
        o = self.obj("nested.eml", ["customers.csv"])
        self.assertFound(o, "ssn", last4(gen_mail.SSN_CSV))
        self.assertEqual(o["depth"], 1)
        self.assertEqual(o["parent_id"], self.obj("nested.eml")["id"])

    def test_nested_three_levels(self):
        fwd = self.obj("nested.eml", ["forwarded.eml"])
        self.assertEqual(fwd["handler"], "mime")
        self.obj("nested.eml", ["forwarded.eml", "docs.zip"])
        deep = self.obj("nested.eml", ["forwarded.eml", "docs.zip", "secret.txt"])
        self.assertEqual(deep["depth"], 3)
        self.assertFound(deep, "ssn", last4(gen_mail.SSN_DEEP))
        root = self.obj("nested.eml")
        self.assertEqual(self.redacted(root, "ssn"), [])  # the deep SSN belongs to its own object

    def test_charsets_and_names(self):
        o = self.obj("intl.eml")
        self.assertFound(o, "ssn", last4(gen_mail.SSN_CP1252))
        self.assertFound(o, "ssn", last4(gen_mail.SSN_UTF16))
        self.assertEqual(o["coverage"], "full")  # koi8-r is converted (core code page tables)
        t = self.text(os.path.join(self.dir, "intl.eml"))
        self.assertIn("\u041f\u0440\u0438\u0432\u0435\u0442", t)  # "Привет" from the koi8-r part
        self.assertIn("Price \u20ac 5", t)
        self.assertIn("To: J\u00f6rg <joerg@corp-mail.test>", t)
        self.assertIn("UTF-16 part SSN", t)
        self.obj("intl.eml", ["r\u00e9sum\u00e9 final.csv"])  # RFC 2231 name
        self.obj("intl.eml", ["part-4"])                  # unnamed inline image

    def test_nesting_limit(self):
        o = self.obj("deep.eml")
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("limit:depth", o["coverage_reasons"])

    # ---- TNEF ----

    def test_winmail_dat_inside_eml(self):
        t = self.obj("winmail.eml", ["winmail.dat"])
        self.assertEqual(t["handler"], "tnef")
        self.assertFound(t, "ssn", last4(gen_mail.SSN_TNEF_BODY))  # PR_BODY, UTF-16
        self.assertIn("marking", [f["entity"] for f in t["findings"]])
        att = self.obj("winmail.eml", ["winmail.dat", "payroll report.csv"])  # long MAPI name
        self.assertFound(att, "ssn", last4(gen_mail.SSN_TNEF))
        rtf = self.obj("winmail.eml", ["winmail.dat", "body.rtf"])  # LZFu decompressed
        self.assertFound(rtf, "ssn", last4(gen_mail.SSN_RTF))

    def test_winmail_dat_standalone(self):
        t = self.obj("winmail.dat")
        self.assertEqual(t["handler"], "tnef")
        self.assertEqual(t["coverage"], "full")
        names = sorted(c["chain"][-1] for c in self.children("winmail.dat", t))
        self.assertEqual(names, ["body.rtf", "payroll report.csv"])

    def test_compressed_rtf_spec_vector(self):
        o = self.obj("specrtf.dat", ["body.rtf"])
        self.assertEqual(o["coverage"], "full")
        self.assertEqual(o["file"]["size"], 43)  # rawsize in the LZFu header
        self.assertIn("hello world", self.text(os.path.join(self.dir, "specrtf.dat") + "!body.rtf"))

    # ---- MBOX ----

    def test_mboxo(self):
        box = self.obj("mboxo.mbox")
        self.assertEqual(box["handler"], "mbox")
        kids = self.children("mboxo.mbox", box)
        self.assertEqual(sorted(k["chain"] for k in kids), [["msg-1"], ["msg-2"], ["msg-3"]])
        for k in kids:
            self.assertEqual(k["handler"], "mime")
            self.assertEqual(k["file"]["mime_type"], "message/rfc822")
            # issue 5: "each message a child (msg-N, with its Subject in the record)"
            self.assertEqual(k["subject"], "message %s" % k["chain"][0][4:])
        self.assertNotIn("subject", box)
        self.assertFound(self.obj("mboxo.mbox", ["msg-2"]), "ssn", last4(gen_mail.SSN_MBOX))
        self.assertEqual(self.redacted(self.obj("mboxo.mbox", ["msg-1"]), "ssn"), [])
        # mboxo quoted the body line "From here on" as ">From here on"
        t = self.text(os.path.join(self.dir, "mboxo.mbox") + "!msg-1")
        self.assertIn("\nFrom here on", t)

    def test_subject_in_the_record_is_redacted(self):
        """The manifest is never a second leak: a subject carrying an SSN or
        an address keeps the last 4 digits and the first character."""
        with tempfile.TemporaryDirectory() as d:
            p = os.path.join(d, "s.eml")
            with open(p, "w") as f:
                f.write("From: a@corp-mail.test\nSubject: =?utf-8?q?SSN_536-22-1875_for_"
                        "jane.doe=40corp.com?= ref 2014\n\nbody\n")
            out = os.path.join(d, "m.jsonl")
            subprocess.run([LEAKSIFT, "scan", "-q", "-o", out, p], check=False)
            with open(out, encoding="utf-8") as f:
                (o,) = [r for r in map(json.loads, f) if r["record"] == "object"]
        self.assertEqual(o["subject"], "SSN ***-**-1875 for j*******@corp.com ref 2014")

    def test_mboxrd_unquoting(self):
        box = self.obj("mboxrd.mbox")
        self.assertEqual(box["handler"], "mbox")
        self.assertEqual(len(self.children("mboxrd.mbox", box)), 2)
        t = self.text(os.path.join(self.dir, "mboxrd.mbox") + "!msg-1")
        self.assertIn("From the start of a line", t)
        self.assertNotIn(">From the start", t)
        self.assertIn(">From quoted twice", t)
        self.assertNotIn(">>From", t)

    def test_netscape_separators(self):
        box = self.obj("netscape.mbox")
        self.assertEqual(box["handler"], "mbox")
        self.assertEqual(box["coverage"], "full", box.get("errors"))
        kids = self.children("netscape.mbox", box)
        self.assertEqual(sorted((k["chain"][0], k.get("subject")) for k in kids),
                         [("msg-1", "one"), ("msg-2", "two"), ("msg-3", "three")])
        self.assertIn("Year: 1963", self.text(os.path.join(self.dir, "netscape.mbox") + "!msg-2"))
        self.assertFound(self.obj("netscape.mbox", ["msg-3"]), "ssn", last4(gen_mail.SSN_NETSCAPE))

    # ---- damaged input ----

    def test_malformed_boundary(self):
        o = self.obj("malformed.eml")
        self.assertEqual(o["handler"], "mime")
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("parse_error", o["coverage_reasons"])
        self.assertFound(o, "ssn", last4(gen_mail.SSN_BROKEN))

    def test_uuencoded_file_in_body(self):
        o = self.obj("uu.eml", ["payroll.txt"])
        self.assertFound(o, "ssn", last4(gen_mail.SSN_UU))
        self.assertEqual(o["coverage"], "full")
        self.assertEqual(self.redacted(self.obj("uu.eml"), "ssn"), [])

    def test_part_without_headers(self):
        t = self.text(os.path.join(self.dir, "noheaders.eml"))
        self.assertIn("Bare part text: account holder Jane", t)

    def test_truncated_message(self):
        o = self.obj("truncated.eml")
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("truncated", o["coverage_reasons"])
        blob = self.obj("truncated.eml", ["blob.bin"])
        self.assertEqual(blob["coverage"], "partial")

    def test_huge_header(self):
        o = self.obj("bigheader.eml")
        self.assertEqual(o["handler"], "mime")
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("truncated", o["coverage_reasons"])
        self.assertFound(o, "ssn", last4(gen_mail.SSN_BIG))

    def test_header_without_body(self):
        # RFC 5322 3.5: the body is optional; a header-only message is whole.
        o = self.obj("headeronly.eml")
        self.assertEqual(o["handler"], "mime")
        self.assertEqual(o["coverage"], "full")

    # ---- genuine oddities seen in real mail (the mail gem's test fixtures) ----

    def test_delivery_report_headers_part_is_full(self):
        o = self.obj("report.eml")
        self.assertEqual(o["coverage"], "full", o.get("errors"))
        self.assertFound(o, "ssn", last4(gen_mail.SSN_REPORT))
        kids = self.children("report.eml", o)
        self.assertEqual(len(kids), 2)
        for k in kids:
            self.assertEqual(k["coverage"], "full", (k["chain"], k.get("errors")))
        self.assertIn("Subject: Wanted", self.text(os.path.join(self.dir, "report.eml") + "!part-3"))

    def test_header_only_multipart_is_full(self):
        o = self.obj("emptymulti.eml")
        self.assertEqual(o["handler"], "mime")
        self.assertEqual(o["coverage"], "full", o.get("errors"))

    def test_one_dash_closing_delimiter(self):
        o = self.obj("onedash.eml")
        self.assertEqual(o["coverage"], "full", o.get("errors"))
        self.assertFound(o, "ssn", last4(gen_mail.SSN_DASH))
        t = self.text(os.path.join(self.dir, "onedash.eml"))
        self.assertIn("first part", t)
        self.assertNotIn("--mp_1-", t)

    def test_parts_after_an_early_closing_delimiter_are_read(self):
        o = self.obj("reopen.eml")
        self.assertEqual(o["coverage"], "full", o.get("errors"))
        c = self.obj("reopen.eml", ["after.bin"])
        self.assertFound(c, "ssn", last4(gen_mail.SSN_REOPEN))
        self.assertIn("see attachment", self.text(os.path.join(self.dir, "reopen.eml")))

    def test_blank_lines_before_the_headers(self):
        o = self.obj("leadws.eml")
        self.assertEqual(o["handler"], "mime")
        self.assertEqual(o["coverage"], "full", o.get("errors"))
        self.assertEqual(o.get("subject"), "leading blank")
        self.assertFound(self.obj("leadws.eml", ["card.bin"]), "ssn", last4(gen_mail.SSN_LEADWS))

    def test_utf7(self):
        o = self.obj("utf7.eml")
        self.assertEqual(o["coverage"], "full", o.get("errors"))
        self.assertEqual(o.get("subject"), "Die Hasen und die Fr\u00f6sche")
        t = self.text(os.path.join(self.dir, "utf7.eml"))
        self.assertIn("J\u00fcrgen M\u00fcller, SSN", t)
        self.assertIn("\u65e5\u672c\u8a9e", t)
        self.assertFound(o, "ssn", last4(gen_mail.SSN_UTF7))

    def test_bare_multipart_entity(self):
        o = self.obj("entity.txt")
        self.assertEqual(o["handler"], "mime")
        self.assertEqual(o["coverage"], "full", o.get("errors"))
        self.assertFound(self.obj("entity.txt", ["staff.bin"]), "ssn", last4(gen_mail.SSN_ENTITY))

    def test_header_separator_with_a_space(self):
        o = self.obj("spacesep.eml")
        self.assertEqual(o["handler"], "mime")
        self.assertEqual(o["coverage"], "full", o.get("errors"))
        self.assertEqual(o.get("subject"), "spaced")
        t = self.text(os.path.join(self.dir, "spacesep.eml"))
        self.assertIn("The header is not properly terminated.", t)
        self.assertIn("Second paragraph.", t)

    def test_apple_mail_emlx(self):
        o = self.obj("1234.emlx")
        self.assertEqual((o["handler"], o["coverage"], o.get("subject")), ("mime", "full", "apple"))
        self.assertFound(self.obj("1234.emlx", ["staff.bin"]), "ssn", last4(gen_mail.SSN_EMLX))
        self.assertEqual(o["children"], 1)  # the plist after the message is no part

    def test_unclosed_multipart_ending_in_padded_base64_is_full(self):
        o = self.obj("noclose.eml")
        self.assertEqual(o["coverage"], "full", o.get("errors"))
        self.assertFound(o, "ssn", last4(gen_mail.SSN_NOCLOSE))
        self.assertEqual(self.obj("noclose.eml", ["blob.bin"])["coverage"], "full")
        cut = self.obj("noclose_cut.eml")
        self.assertEqual(cut["coverage"], "partial")
        self.assertIn("truncated", cut["coverage_reasons"])

    def test_attachment_names_that_climb_out_or_are_absolute(self):
        root = self.obj("slipnames.eml")
        self.assertEqual(root["verdict"], "hostile")
        want = {"../../Startup/run.cmd": {"path_traversal"}, "..\\Startup\\run2.cmd": {"path_traversal"},
                "/etc/profile.d/x.sh": {"absolute_path"},
                "D:evil.txt": {"absolute_path"}, "ok..txt": set()}
        for name, alerts in want.items():
            o = self.obj("slipnames.eml", [name])
            got = set(o["alerts"]) & {"path_traversal", "absolute_path"}
            self.assertEqual(got, alerts, name)

    def test_unknown_charset_label_on_utf8_text(self):
        o = self.obj("xunknown.eml")
        self.assertEqual(o["coverage"], "full", o.get("errors"))
        t = self.text(os.path.join(self.dir, "xunknown.eml"))
        self.assertIn("Subject: TEST", t)
        self.assertIn("Caf\u00e9 cr\u00e8me", t)

    def test_text_with_from_is_not_mail(self):
        o = self.obj("notes.txt")
        self.assertNotEqual(o["handler"], "mime")
        self.assertNotEqual(o["handler"], "mbox")

    # ---- PST ----

    def test_damaged_pst(self):
        for name in ("corrupt.pst", "truncated.pst", "emptytree.pst"):
            o = self.obj(name)
            self.assertEqual(o["handler"], "pst")
            self.assertNotEqual(o["coverage"], "full")
            self.assertNotIn("worker_crash", o["coverage_reasons"])
            self.assertIn("parse_error", o["coverage_reasons"])


class MailBudgetTest(unittest.TestCase):
    """Budgets stop the mail handlers with partial coverage, never silently."""

    def scan(self, files, *flags):
        with tempfile.TemporaryDirectory() as tmp:
            src = os.path.join(tmp, "all")
            gen_mail.generate(src)
            dump = os.path.join(tmp, "dump")
            os.mkdir(dump)
            for f in files:
                os.rename(os.path.join(src, f), os.path.join(dump, f))
            out = os.path.join(tmp, "m.jsonl")
            proc = subprocess.run([LEAKSIFT, "scan", "-o", out] + list(flags) + [dump],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
            self.assertIn(proc.returncode, (0, 1), proc.stderr.decode())
            with open(out, encoding="utf-8") as f:
                recs = [json.loads(l) for l in f]
            return [r for r in recs if r.get("record") == "object"]

    def test_byte_budget(self):
        objs = self.scan(["bigattach.eml"], "--max-bytes", "64K", "--bytes-factor", "0")
        root = [o for o in objs if o["chain"] == []][0]
        self.assertEqual(root["handler"], "mime")
        self.assertEqual(root["coverage"], "partial")
        self.assertIn("limit:bytes", root["coverage_reasons"])
        # what was decoded before the budget ran out is still handed over
        big = [o for o in objs if o["chain"] == ["big.bin"]][0]
        self.assertEqual(big["coverage"], "partial")
        self.assertIn("limit:bytes", big["coverage_reasons"])
        self.assertLess(big["file"]["size"], 200 * 1024)

    def test_wide_message_conversion_is_held_to_max_text(self):
        # a UTF-16 message (PowerShell's Out-File) is converted to UTF-8
        # before it is read: that copy is held to --max-text, and says so
        with tempfile.TemporaryDirectory() as tmp:
            msg = ("From: a@dom.ain\nTo: b@dom.ain\nSubject: payroll\n\n" +
                   "employee SSN 536-22-8415 on file\n" * 60000)
            path = os.path.join(tmp, "wide.eml")
            with open(path, "wb") as f:
                f.write(b"\xff\xfe" + msg.encode("utf-16-le"))
            out = os.path.join(tmp, "m.jsonl")
            proc = subprocess.run([LEAKSIFT, "scan", "-q", "-o", out, "--max-text", "256K", path],
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
            self.assertEqual(proc.returncode, 1, proc.stderr.decode())
            with open(out, encoding="utf-8") as f:
                root = [r for r in map(json.loads, f) if r.get("record") == "object"][0]
            self.assertEqual(root["handler"], "mime")
            self.assertEqual(root["coverage"], "partial")
            self.assertIn("limit:text", root["coverage_reasons"])
            self.assertTrue(any("conversion cut" in e for e in root["errors"]), root["errors"])
            self.assertIn("ssn", {x["entity"] for x in root["findings"]})

    def test_member_budget(self):
        objs = self.scan(["mboxo.mbox"], "--max-members", "2")
        root = [o for o in objs if o["chain"] == []][0]
        self.assertEqual(root["handler"], "mbox")
        self.assertEqual(sorted(o["chain"] for o in objs if o["chain"]), [["msg-1"], ["msg-2"]])
        self.assertEqual(root["coverage"], "partial")
        self.assertIn("limit:members", root["coverage_reasons"])


if __name__ == "__main__":
    unittest.main()
