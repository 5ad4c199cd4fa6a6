#!/usr/bin/env python3
"""End-to-end: legacy VML drawings that are not well-formed XML, as Excel
writes them ("<br>" left open in comment boxes and button text), inside an
xlsx and as a .vml file of their own (fixtures: tests/gen/gen_vml.py).
Their text must be read (found by its HMAC fingerprint) and the files must
not be called incomplete: coverage full, no parse_error."""
import os
import subprocess
import sys
import tempfile
import unittest

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(SRC, "tests", "gen"))
import gen_vml  # noqa: E402

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsutil  # noqa: E402

LEAKSIFT = os.environ.get("LEAKSIFT", "leaksift")
KEY = b"vml-e2e-fingerprint-key"


def fp(entity, value):
    return lsutil.fingerprint(KEY, entity, value)


def fp_email(value):
    return fp("email", value.lower())


class VmlE2E(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        base = cls.tmp.name
        cls.docs = os.path.join(base, "docs")
        cls.exp = gen_vml.generate(cls.docs, write_expect=False)
        proc, m = lsutil.scan_keyed(base, [cls.docs], KEY, timeout=120)
        if proc.returncode not in (0, 1) or m is None:
            raise RuntimeError("scan failed: %r" % proc.stderr)
        cls.recs = {os.path.basename(r["path"]): r for r in m.objects if not r["chain"]}

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def check(self, name):
        rec = self.recs[name]
        exp = self.exp[name]
        self.assertEqual(rec["handler"], exp["handler"], name)
        self.assertEqual(rec["coverage"], "full", (name, rec["coverage_reasons"], rec["errors"]))
        self.assertNotIn("parse_error", rec["coverage_reasons"])
        self.assertEqual(rec["verdict"], "sensitive", name)
        found = {ev["fingerprint"] for f in rec["findings"] if f["entity"] == "email"
                 for ev in f["evidence"]}
        for email in exp["emails"]:
            self.assertIn(fp_email(email), found, (name, email))
        return rec

    def test_xlsx_with_open_br_in_vml_is_full_and_read(self):
        rec = self.check("comments_br.xlsx")
        self.assertEqual(rec["errors"], [])

    def test_vml_file_with_open_br_is_full_and_read(self):
        self.check("drawing_br.vml")

    def test_vml_text_keeps_lines(self):
        out = subprocess.run([LEAKSIFT, "text", os.path.join(self.docs, "comments_br.xlsx")],
                             capture_output=True, timeout=60).stdout.decode("utf-8", "replace")
        # the comment box: author, then the text after an open <br> on its own line
        self.assertRegex(out, r"Jane Doe:\s*\n\s*Reach me at %s" % gen_vml.TEXTBOX_EMAIL.replace(".", r"\."))
        self.assertIn(gen_vml.BUTTON_EMAIL, out)

    def test_values_are_not_glued_to_anchors_and_chart_numbers(self):
        # Text followed by numbers that are no text (a comment's anchor, VML
        # client data, chart values) must stay a value of its own: the IBAN
        # and card are found, the two chart values never read as one card.
        rec = self.check("comments_anchor.xlsx")
        fps = {(f["entity"], ev["fingerprint"]) for f in rec["findings"] for ev in f["evidence"]}
        self.assertIn(("iban", fp("iban", gen_vml.ANCHOR_IBAN)), fps)
        self.assertIn(("credit_card", fp("credit_card", gen_vml.ANCHOR_CARD)), fps)
        self.assertNotIn(("credit_card", fp("credit_card", "".join(gen_vml.CHART_VALUES))), fps)
        out = subprocess.run([LEAKSIFT, "text", os.path.join(self.docs, "comments_anchor.xlsx")],
                             capture_output=True, timeout=60).stdout.decode("utf-8", "replace")
        self.assertRegex(out, r"\b%s\s+%s\b" % CHART_VALUES_RE)


CHART_VALUES_RE = tuple(gen_vml.CHART_VALUES)


if __name__ == "__main__":
    unittest.main()
