"""End-to-end: PDF oddities of genuine files (tests/gen/gen_pdf_quirks.py).

$LEAKSIFT scans the generated files; the manifest and `leaksift text` are
checked.
"""
import json
import os
import subprocess
import sys
import tempfile
import unittest

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(SRC, "tests", "gen"))
import gen_pdf_quirks  # noqa: E402

LEAKSIFT = os.environ.get("LEAKSIFT", "leaksift")


class PdfQuirksTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        cls.dir = os.path.join(cls.tmp.name, "pdfs")
        gen_pdf_quirks.generate(cls.dir)
        out = os.path.join(cls.tmp.name, "m.jsonl")
        proc = subprocess.run([LEAKSIFT, "scan", "-q", "-o", out, cls.dir],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
        assert proc.returncode in (0, 1), proc.stderr.decode(errors="replace")
        with open(out, encoding="utf-8") as f:
            cls.recs = [json.loads(line) for line in f]

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def obj(self, name):
        hits = [r for r in self.recs if r.get("record") == "object" and r["chain"] == []
                and os.path.basename(r["path"]) == name]
        self.assertEqual(len(hits), 1, name)
        return hits[0]

    def text(self, name):
        proc = subprocess.run([LEAKSIFT, "text", os.path.join(self.dir, name)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
        self.assertEqual(proc.returncode, 0, proc.stderr.decode(errors="replace"))
        return proc.stdout.decode("utf-8", "replace")

    def test_simple_font_codes_are_single_bytes(self):
        name = "simple_font_wide_codespace.pdf"
        o = self.obj(name)
        self.assertEqual(o["handler"], "pdf")
        self.assertEqual(o["coverage"], "full", o.get("errors"))
        t = self.text(name)
        self.assertIn(gen_pdf_quirks.PHRASE, t)
        self.assertIn("SSN " + gen_pdf_quirks.SSN_WIDE, t)
        ssn = [e["redacted"] for f in o.get("findings", []) if f["entity"] == "ssn" for e in f["evidence"]]
        self.assertIn("***-**-" + gen_pdf_quirks.SSN_WIDE[-4:], ssn)

    def ssns(self, o):
        return [e["redacted"] for f in o.get("findings", []) if f["entity"] == "ssn"
                for e in f["evidence"]]

    def test_prev_pointing_nowhere_rebuilds_by_scanning(self):
        name = "prev_off.pdf"
        o = self.obj(name)
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("parse_error", o["coverage_reasons"])
        t = self.text(name)
        self.assertIn("Employee SSN " + gen_pdf_quirks.SSN_PREV, t)
        self.assertIn("Title: final", t)
        self.assertIn("***-**-" + gen_pdf_quirks.SSN_PREV[-4:], self.ssns(o))

    def test_cid_width_run_counts_every_width(self):
        name = "cid_w_run.pdf"
        t = self.text(name)
        self.assertIn("SSN " + gen_pdf_quirks.SSN_CIDW + " " + gen_pdf_quirks.NAME_CIDW, t)
        self.assertIn("***-**-" + gen_pdf_quirks.SSN_CIDW[-4:], self.ssns(self.obj(name)))

    def test_char_spacing_separates_and_squeezed_space_joins(self):
        name = "tc_words.pdf"
        t = self.text(name)
        self.assertIn("Jane Roe", t)
        self.assertIn("SSN " + gen_pdf_quirks.SSN_TC, t)
        self.assertIn("***-**-" + gen_pdf_quirks.SSN_TC[-4:], self.ssns(self.obj(name)))

    def test_text_state_restored_by_Q(self):
        name = "q_textstate.pdf"
        t = self.text(name)
        self.assertIn("SSN " + gen_pdf_quirks.SSN_Q, t)
        self.assertIn("***-**-" + gen_pdf_quirks.SSN_Q[-4:], self.ssns(self.obj(name)))

    def test_form_values_in_streams_arrays_and_appearances(self):
        name = "form_values.pdf"
        t = self.text(name)
        self.assertIn("Patient SSN " + gen_pdf_quirks.SSN_V_STREAM, t)
        self.assertIn("Jane Q. Public " + gen_pdf_quirks.SSN_AP, t)
        self.assertIn(gen_pdf_quirks.CHOICE, t)
        ssn = self.ssns(self.obj(name))
        self.assertIn("***-**-" + gen_pdf_quirks.SSN_V_STREAM[-4:], ssn)
        self.assertIn("***-**-" + gen_pdf_quirks.SSN_AP[-4:], ssn)

    def test_image_between_lines_keeps_them_apart(self):
        t = self.text("image_between.pdf")
        self.assertIn("Name: Jane Roe\nBadge 4711", t)

    def test_letter_spacing_is_not_a_word_gap(self):
        t = self.text("tracked.pdf")
        self.assertIn("SSN: " + gen_pdf_quirks.SSN_TRACKED, t)
        self.assertIn("CONFIDENTIAL", t)
        self.assertIn("ssn", {f["entity"] for f in self.obj("tracked.pdf")["findings"]})

    def test_broken_xmp_is_read_around_and_noted(self):
        o = self.obj("broken_xmp.pdf")
        self.assertEqual((o["coverage"], o["coverage_reasons"]), ("full", []), o["errors"])
        self.assertTrue(any("XMP metadata is not well-formed" in e for e in o["errors"]), o["errors"])
        self.assertEqual(o["verdict"], "sensitive")
        t = self.text("broken_xmp.pdf")
        self.assertIn(gen_pdf_quirks.SSN_XMP_PAGE, t)
        self.assertIn(gen_pdf_quirks.EMAIL_XMP, t)

    def test_predefined_gbk_cmap(self):
        name = "gbk_cmap.pdf"
        self.assertIn(gen_pdf_quirks.GBK_TEXT, self.text(name))
        self.assertIn("***-**-" + gen_pdf_quirks.SSN_GBK[-4:], self.ssns(self.obj(name)))


if __name__ == "__main__":
    unittest.main()
