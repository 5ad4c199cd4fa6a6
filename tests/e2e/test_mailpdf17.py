#!/usr/bin/env python3
"""The mail and PDF cases the sixteenth session left, and what the
seventeenth session's sweep of other projects' real files found, on small
look-alikes made by tests/gen/gen_mailpdf17.py."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_mailpdf17 as gen  # noqa: E402


class MailPdf17(lsutil.GeneratedTree):
    GEN = gen

    def full(self, name, *chain):
        o = self.m.obj(self.p(name), list(chain))
        self.assertEqual(o["coverage"], "full", (o["coverage_reasons"], o["errors"]))
        return o

    # ---- mail ----

    def test_boundary_ending_in_spaces(self):
        o = self.full("weird_boundary.eml")
        t = self.text("weird_boundary.eml").replace("\r\n", "\n")
        # the line one space short of the delimiter is body text
        self.assertIn("Anna, the corrected record follows.\n--%s\n" % gen.WEIRD[:-1], t)
        self.assertIn("Jane Roe, SSN %s." % gen.SSN_WEIRD, t)
        # the epilogue and the closing line are no text
        self.assertNotIn("epilogue", t)
        self.assertEqual(lsutil.last4s(o, "ssn"), [gen.SSN_WEIRD[-4:]])

    def test_boundary_spaces_not_on_the_delimiter_lines(self):
        self.full("spaced_boundary.eml")
        kid = self.full("spaced_boundary.eml", "staff.csv")
        self.assertEqual(lsutil.last4s(kid, "ssn"), [gen.SSN_SPACED[-4:]])

    def test_empty_boundary_is_a_boundary(self):
        o = self.full("empty_boundary.eml")
        self.assertEqual(o["errors"], [])
        kid = self.full("empty_boundary.eml", "list.csv")
        self.assertEqual(lsutil.last4s(kid, "ssn"), [gen.SSN_EMPTY[-4:]])
        t = self.text("empty_boundary.eml")
        self.assertIn("Anna, the list you asked for.", t)
        self.assertNotIn("Content-Type", t)

    def test_pgp_block_that_does_not_decode_is_a_parse_error(self):
        o = self.m.obj(self.p("broken_pgp.txt"))
        self.assertEqual(o["coverage"], "partial")
        self.assertEqual(o["coverage_reasons"], ["parse_error"], o["errors"])
        self.assertEqual(lsutil.last4s(o, "ssn"), [gen.SSN_PGP[-4:]])

    # ---- PDF ----

    def test_type3_glyph_procedures_are_no_text(self):
        o = self.full("type3_charprocs.pdf")
        t = self.text("type3_charprocs.pdf")
        self.assertIn("VAT CASE SSN %s" % gen.SSN_T3, t)
        self.assertNotIn("d1", t)
        self.assertNotIn(" re f", t)
        self.assertEqual(lsutil.last4s(o, "ssn"), [gen.SSN_T3[-4:]])

    def test_symbol_and_dingbats_builtin_encodings(self):
        self.full("symbol_font.pdf")
        t = self.text("symbol_font.pdf")
        self.assertIn("Case SSN %s: test result \u03b1 = 0.05, \u03b2 \u2265 0.8\n" % gen.SSN_SYM, t)
        # /Differences over no base encoding: the built-in one under them
        self.assertIn("\u03b1\u03b2 \u03c0 \u03c1\n", t)
        self.assertIn("\u2714 approved", t)

    def test_cff_expert_encoding_and_charsets(self):
        o = self.full("cff_expert.pdf")
        t = self.text("cff_expert.pdf")
        # predefined Expert encoding: small capitals, old-style figures, fi
        self.assertIn("Record of JANE ROE, 0.5 fi SSN %s\n" % gen.SSN_EXPERT, t)
        # custom encodings over the Expert and ExpertSubset charsets
        self.assertIn("sufficient financial\n", t)
        self.assertIn("office files\n", t)
        # Expert glyph names in a Type 1 font's /Differences
        self.assertIn("SN 536", t)
        self.assertEqual(lsutil.last4s(o, "ssn"), [gen.SSN_EXPERT[-4:]])

    def test_ocr_layer_letter_spacing_is_no_word_gap(self):
        o = self.full("ocr_letterspaced.pdf")
        t = self.text("ocr_letterspaced.pdf")
        self.assertIn("Personnel record of Jane Roe\n", t)
        self.assertIn("SSN %s issued to the employee\n" % gen.SSN_OCR, t)
        self.assertIn("Letter spaced text stays whole", t)
        self.assertEqual(lsutil.last4s(o, "ssn"), [gen.SSN_OCR[-4:]])
        # "al- " / "most": the hyphen and the blank after it go with the break
        self.assertIn("we have almost ceased to notice them.", t)

    def test_adobe_cjk_cids_past_95_are_noted(self):
        """Past CID 95 through poppler-data's Adobe-Japan1 table (the
        eighteenth session; test_mailpdf18); without it U+FFFD, unsupported."""
        o = self.m.obj(self.p("cjk_no_tounicode.pdf"))
        t = self.text("cjk_no_tounicode.pdf")
        self.assertIn("Personnel file", t)
        if os.path.exists(os.path.join(os.environ.get("LEAKSIFT_POPPLER_DATA") or "/usr/share/poppler",
                                       "cidToUnicode", "Adobe-Japan1")):
            self.assertEqual(o["coverage"], "full", (o["coverage_reasons"], o["errors"]))
            self.assertIn("SSN %s \u3042\u306e\u30ec\u8328" % gen.SSN_CJK, t)  # あのレ茨
        else:
            self.assertEqual(o["coverage"], "partial")
            self.assertIn("unsupported", o["coverage_reasons"])
            self.assertTrue(any("Adobe CJK" in e for e in o["errors"]), o["errors"])
            self.assertIn("SSN %s \ufffd\ufffd\ufffd\ufffd" % gen.SSN_CJK, t)
        self.assertNotIn(chr(843), t)
        self.assertEqual(lsutil.last4s(o, "ssn"), [gen.SSN_CJK[-4:]])

if __name__ == "__main__":
    unittest.main()
