#!/usr/bin/env python3
"""End-to-end tests of the PDF handler.

Fixtures come from tests/gen/gen_pdf.py into a temporary directory; the CLI
($LEAKSIFT) scans them and the manifest is checked with json.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import unittest

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(SRC, "tests", "gen"))
import gen_pdf  # noqa: E402

LEAKSIFT = os.environ.get("LEAKSIFT", "leaksift")


def ssn4(ssn):
    return "***-**-" + ssn[-4:]


class PdfTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "dump")
        gen_pdf.generate(cls.dir, bomb=False)
        # real-producer files (LibreOffice), made by tests/gen/make_pdf_fixtures.sh
        fixtures = os.path.join(SRC, "tests", "fixtures", "pdf")
        for name in os.listdir(fixtures):
            shutil.copy(os.path.join(fixtures, name), os.path.join(cls.dir, name))
        cls.gs = os.path.exists(os.path.join(cls.dir, "ghostscript.pdf"))
        cls.objects = cls.scan(cls.dir)

    @classmethod
    def scan(cls, path, *opts):
        out = os.path.join(cls.tmp.name, "m-%d.jsonl" % time.monotonic_ns())
        proc = subprocess.run([LEAKSIFT, "scan", *opts, "-o", out, path],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
        if proc.returncode not in (0, 1):
            raise AssertionError("scan failed (%d): %s" % (proc.returncode, proc.stderr.decode()))
        objs = []
        with open(out, encoding="utf-8") as f:
            for line in f:
                rec = json.loads(line)
                if rec.get("record") == "object":
                    objs.append(rec)
        return objs

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    # ---- helpers ----

    def obj(self, fname, chain=(), objects=None):
        path = os.path.join(self.dir, fname)
        hits = [o for o in (objects or self.objects)
                if os.path.basename(o["path"]) == os.path.basename(path) and o["chain"] == list(chain)]
        self.assertEqual(len(hits), 1, "object %s %s: %d records" % (fname, list(chain), len(hits)))
        return hits[0]

    def redacted(self, o, entity):
        return sorted(e["redacted"] for f in o["findings"] if f["entity"] == entity
                      for e in f["evidence"])

    def assertFound(self, o, entity, redacted):
        self.assertIn(redacted, self.redacted(o, entity),
                      "%s not in %s %s" % (redacted, o["chain"], o["findings"]))

    def text(self, fname):
        proc = subprocess.run([LEAKSIFT, "text", os.path.join(self.dir, fname)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr.decode())
        return proc.stdout.decode("utf-8", "replace")

    def assertFull(self, o):
        self.assertEqual(o["handler"], "pdf")
        self.assertEqual(o["coverage"], "full", o.get("errors"))

    # ---- well-formed files ----

    def test_classic_everywhere(self):
        o = self.obj("classic.pdf")
        self.assertFull(o)
        self.assertEqual(o["alerts"], [])
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN))          # page text
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN_INFO))     # Info, UTF-16BE
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN_ANNOT))    # annotation
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN_XMP))      # XMP
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN_FIELD))    # form field value
        # the page's address and a link's mailto: target (from the text: a PDF read
        # whole is not scanned raw)
        self.assertEqual(self.redacted(o, "email"), ["h***@corp-mail.test", "j***@example.com"])
        self.assertIn("marking", [f["entity"] for f in o["findings"]])
        cards = self.redacted(o, "credit_card")
        self.assertEqual(len(cards), 1, cards)   # the Luhn-failing decoy is not a card
        self.assertTrue(cards[0].endswith(gen_pdf.CARD[-4:]))

    def test_word_spacing(self):
        t = self.text("classic.pdf")
        self.assertIn("SSN " + gen_pdf.SSN, t)
        self.assertIn("Contact: " + gen_pdf.EMAIL, t)          # kerned pieces stay glued
        self.assertIn("Card: %s %s %s %s" % (gen_pdf.CARD[:4], gen_pdf.CARD[4:8],
                                              gen_pdf.CARD[8:12], gen_pdf.CARD[12:]), t)
        self.assertIn("Decoy card " + gen_pdf.DECOY_CARD, t)    # TJ gaps become spaces
        self.assertIn("Name: Jane Doe, born in Springfield", t)  # octal escape, continuation
        self.assertIn("Author: Jane Doe", t)
        self.assertIn("Subject: Subject SSN " + gen_pdf.SSN_INFO, t)
        lines = t.splitlines()
        self.assertIn("Internal note", lines)                    # separate block, own line

    def test_xref_stream_and_object_stream(self):
        o = self.obj("xref_stream.pdf")
        self.assertFull(o)
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN))
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN_INFO))   # Info lives in the object stream

    def test_incremental_update_newest_wins(self):
        """The page shows the newest content; the content the update
        unlinked from the page is still in the file and read after it,
        under a marker."""
        o = self.obj("incremental.pdf")
        self.assertFull(o)
        t = self.text("incremental.pdf")
        self.assertIn("Final: SSN " + gen_pdf.SSN, t)
        self.assertLess(t.index("Final: SSN"), t.index("[unused content: object "))
        self.assertLess(t.index("[unused content: object "), t.index("Draft text only"))

    def test_redaction_in_an_update_is_read(self):
        """A redaction saved as an incremental update redefines the page's
        content stream and comment under the same numbers: the old objects
        (Flate, UTF-16) stay in the file, invisible to a raw scan, and are
        what a leak must not republish."""
        o = self.obj("redacted_update.pdf")
        self.assertFull(o)
        t = self.text("redacted_update.pdf")
        self.assertTrue(t.startswith("Employee SSN [REDACTED]"), t)
        self.assertIn("[earlier revision: object ", t)
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN_REVISION))
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN_REV_NOTE))

    def test_update_in_object_streams_is_read(self):
        """The same with objects in object streams (current writers): the
        first revision's field value and comment sit inside the first
        object stream, which an update no longer points to."""
        o = self.obj("objstm_update.pdf")
        self.assertFull(o)
        t = self.text("objstm_update.pdf")
        self.assertIn("[earlier revision: object ", t)
        self.assertIn("SSN " + gen_pdf.SSN_REV_FIELD, t)
        self.assertIn("Checked by HR: " + gen_pdf.EMAIL, t)
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN_REV_FIELD))

    def test_signature_names_the_signer(self):
        """A signature dictionary: /Name (UTF-8 without a BOM), /Reason,
        /Location, /ContactInfo, and the subject and e-mail address of the
        certificate inside its CMS /Contents (made by the openssl command)."""
        if not os.path.exists(os.path.join(self.dir, "signed.pdf")):
            self.skipTest("openssl command missing")
        o = self.obj("signed.pdf")
        self.assertFull(o)
        t = self.text("signed.pdf")
        for line in ("Signed by: " + gen_pdf.SIGNER_NAME, "Reason: Approved for payroll",
                     "Location: Zurich office", "Contact: " + gen_pdf.SIGN_CONTACT,
                     "signer certificate: O=Initech Legal,CN=Jane Signer",
                     "signer e-mail: " + gen_pdf.SIGNER_EMAIL):
            self.assertIn(line + "\n", t)
        emails = str([f for f in o["findings"] if f["entity"] == "email"])
        self.assertIn("example.com", emails)
        self.assertIn("example.org", emails)

    def test_tounicode_type0(self):
        o = self.obj("tounicode.pdf")
        self.assertFull(o)
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN_TU))

    def test_rotated_text_and_ligature(self):
        t = self.text("rotated.pdf")
        self.assertIn("SSN 536-22-1876", t)
        self.assertIn("stamp: confidential", t)
        o = self.obj("rotated.pdf")
        self.assertFound(o, "ssn", "***-**-1876")
        self.assertIn("marking", [f["entity"] for f in o["findings"]])

    def test_macroman_encoding(self):
        self.assertIn("Kontakt: Jürgen Müller, Straße 5, SSN 536-22-1874", self.text("macroman.pdf"))

    def test_every_filter(self):
        o = self.obj("filters.pdf")
        self.assertFull(o)
        for ssn in gen_pdf.FILTER_SSNS.values():
            self.assertFound(o, "ssn", ssn4(ssn))

    def test_plain_is_clean(self):
        o = self.obj("plain.pdf")
        self.assertFull(o)
        self.assertEqual(o["findings"], [])
        self.assertEqual(o["alerts"], [])   # /OpenAction to a destination is benign
        self.assertEqual(o["verdict"], "clean")

    def test_ghostscript_producer(self):
        if not self.gs:
            self.skipTest("ps2pdf not installed")
        o = self.obj("ghostscript.pdf")
        self.assertFull(o)
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN_PRODUCER))
        self.assertEqual(self.redacted(o, "email"), ["j***@example.com"])

    def test_libreoffice_memo(self):
        o = self.obj("lo_memo.pdf")
        self.assertFull(o)
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN))
        self.assertEqual(self.redacted(o, "email"), ["j***@example.com"])
        self.assertIn("marking", [f["entity"] for f in o["findings"]])
        cards = self.redacted(o, "credit_card")
        self.assertEqual(len(cards), 1, cards)  # the decoy fails Luhn
        t = self.text("lo_memo.pdf")
        self.assertIn("Employee: Jane Doe, SSN 536-22-1874, e-mail jane.doe@example.com.", t)
        self.assertIn("Müller Straße façade naïve finance office", t)  # subset fonts, ﬁ ligature

    def test_libreoffice_table_and_justified_text(self):
        o = self.obj("lo_table.pdf")
        self.assertFull(o)
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN))
        self.assertFound(o, "ssn", "***-**-1875")
        t = self.text("lo_table.pdf")
        self.assertIn("tests word spacing in the extracted text", t)  # stretched spaces: one each
        self.assertIn("Jane Doe 536-22-1875 4532015112830366", t)      # table cells apart
        self.assertIn("Ελληνικά, Русский, 日本語", t)

    # ---- encryption ----

    def test_rc4_empty_password_decrypted(self):
        o = self.obj("rc4_empty.pdf")
        self.assertFull(o)
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN))
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN_INFO))
        self.assertEqual(self.redacted(o, "email"), ["j***@example.com"])

    def test_aes128_empty_password_decrypted(self):
        o = self.obj("aes_empty.pdf")
        self.assertFull(o)
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN))
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN_INFO))

    def test_aes256_r6_empty_password_decrypted(self):
        o = self.obj("aes256_empty.pdf")
        self.assertFull(o)
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN))
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN_INFO))
        self.assertEqual(self.redacted(o, "email"), ["j***@example.com"])

    def test_aes256_user_password_not_readable(self):
        o = self.obj("aes256_password.pdf")
        self.assertEqual(o["coverage"], "none")
        self.assertIn("encrypted", o["coverage_reasons"])
        self.assertEqual(self.redacted(o, "ssn"), [])

    def test_aes256_r5_empty_password_decrypted(self):
        o = self.obj("aes256_r5_empty.pdf")
        self.assertFull(o)
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN))
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN_INFO))
        self.assertEqual(self.redacted(o, "email"), ["j***@example.com"])

    def test_aes_user_password_not_readable(self):
        # AES-128 (R4) and AES-256 R5 with a user password: not readable
        for name in ("aes_password.pdf", "aes256_r5_password.pdf"):
            o = self.obj(name)
            self.assertEqual(o["coverage"], "none", name)
            self.assertIn("encrypted", o["coverage_reasons"], name)
            self.assertEqual(self.redacted(o, "ssn"), [], name)

    def test_attachments_only_encryption(self):
        parent = self.obj("eff_only.pdf")
        self.assertFull(parent)
        notes = self.obj("eff_only.pdf", ["notes.txt"])
        self.assertFound(notes, "ssn", ssn4(gen_pdf.SSN_CHILD))
        self.assertIn("See attachments", self.text("eff_only.pdf"))  # plain page text

    def test_user_password_not_readable(self):
        o = self.obj("user_password.pdf")
        self.assertEqual(o["handler"], "pdf")
        self.assertEqual(o["coverage"], "none")
        self.assertIn("encrypted", o["coverage_reasons"])
        self.assertIn("encrypted", o["alerts"])
        self.assertEqual(self.redacted(o, "ssn"), [])
        self.assertNotEqual(o["verdict"], "clean")

    # ---- children and alerts ----

    def test_embedded_files_are_children(self):
        parent = self.obj("embedded.pdf")
        self.assertFull(parent)
        kids = [o for o in self.objects if o.get("parent_id") == parent["id"]]
        self.assertEqual(sorted(k["chain"][-1] for k in kids), ["cards.csv", "notes.txt"])
        notes = self.obj("embedded.pdf", ["notes.txt"])
        self.assertFound(notes, "ssn", ssn4(gen_pdf.SSN_CHILD))
        self.assertEqual(self.redacted(notes, "email"), ["j***@example.com"])
        self.assertEqual(notes["depth"], 1)
        cards = self.obj("embedded.pdf", ["cards.csv"])
        self.assertTrue(self.redacted(cards, "credit_card")[0].endswith(gen_pdf.CARD[-4:]))
        # the Flate-compressed notes.txt is only visible in the child
        self.assertEqual(self.redacted(parent, "ssn"), [])

    def test_text_budget_does_not_stop_children(self):
        objs = self.scan(os.path.join(self.dir, "embedded.pdf"), "--max-text", "8")
        parent = self.obj("embedded.pdf", objects=objs)
        self.assertEqual(parent["coverage"], "partial")
        self.assertIn("limit:text", parent["coverage_reasons"])
        kids = sorted(o["chain"][-1] for o in objs if o.get("parent_id") == parent["id"])
        self.assertEqual(kids, ["cards.csv", "notes.txt"])

    def test_javascript_open_action_launch(self):
        o = self.obj("javascript.pdf")
        self.assertEqual(o["handler"], "pdf")
        for a in ("javascript", "open_action", "launch"):
            self.assertIn(a, o["alerts"])
        self.assertEqual(o["verdict"], "hostile")

    def test_goto_local_and_embedded_are_no_alert(self):
        o = self.obj("goto_local.pdf")
        self.assertEqual(o["handler"], "pdf")
        self.assertEqual(o.get("alerts", []), [])
        self.assertEqual(o["verdict"], "clean")

    def test_goto_remote_url_is_external_link(self):
        o = self.obj("goto_remote.pdf")
        self.assertIn("external_link", o["alerts"])
        self.assertEqual(o["verdict"], "hostile")

    # ---- damaged and hostile files ----

    def test_broken_xref_recovered(self):
        o = self.obj("broken_xref.pdf")
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("parse_error", o["coverage_reasons"])
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN))
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN_INFO))

    def test_missing_xref_recovered(self):
        o = self.obj("no_xref.pdf")
        self.assertEqual(o["coverage"], "partial")
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN))
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN_ANNOT))

    def test_prev_cycle(self):
        o = self.obj("prev_cycle.pdf")
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("parse_error", o["coverage_reasons"])
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN))

    def test_reference_cycles(self):
        o = self.obj("ref_cycle.pdf")
        self.assertEqual(o["handler"], "pdf")
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN))

    def test_huge_length_not_trusted(self):
        o = self.obj("huge_length.pdf")
        self.assertEqual(o["handler"], "pdf")
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN))
        self.assertNotIn("endstream", self.text("huge_length.pdf"))

    def test_truncated_keeps_text(self):
        o = self.obj("truncated.pdf")
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("truncated", o["coverage_reasons"])
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN))

    def test_appended_junk_is_not_truncation(self):
        o = self.obj("junk_after.pdf")
        self.assertFull(o)
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN))

    def test_cut_incremental_update_is_truncated(self):
        o = self.obj("cut_update.pdf")
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("truncated", o["coverage_reasons"])
        self.assertIn("Draft text only", self.text("cut_update.pdf"))

    def test_corrupt_flate_keeps_text(self):
        o = self.obj("corrupt_flate.pdf")
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("parse_error", o["coverage_reasons"])
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN))

    def test_flate_bomb_stops_fast(self):
        d = os.path.join(self.tmp.name, "bomb")
        os.makedirs(d)
        with open(os.path.join(d, "bomb.pdf"), "wb") as f:
            f.write(gen_pdf.make_bomb(512 << 20))
        t0 = time.monotonic()
        objs = self.scan(d)
        elapsed = time.monotonic() - t0
        o = self.obj("bomb.pdf", objects=objs)
        self.assertLess(elapsed, 30)
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("limit:bytes", o["coverage_reasons"])
        self.assertIn("zip_bomb", o["alerts"])  # cut by the ratio check, past 1 MiB
        self.assertTrue(any("expands over 200:1" in e for e in o["errors"]), o["errors"])
        self.assertFound(o, "ssn", ssn4(gen_pdf.SSN))   # the page after the bomb is still read


if __name__ == "__main__":
    unittest.main()
