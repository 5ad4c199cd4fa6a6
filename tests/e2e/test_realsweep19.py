#!/usr/bin/env python3
"""Office formats read only by luck (tests/gen/gen_realsweep19.py): a
WordPerfect 4.2 document (no signature) is recognised by its function
groups and read (an SSN typed with hard hyphens found, the header's
text), a cut one is truncated, an encrypted one encrypted; a Latin-1
letter stays text; a Quattro Pro 9+ workbook (.qpw), whose cells
leaksift does not read, is partial/unsupported, not full. A workbook
zipped again by macOS Finder (__MACOSX/._*.xml resource forks) is full;
an ODT link inside a word leaves the word whole (its target after the
paragraph)."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_realsweep19  # noqa: E402


class RealSweep19(lsutil.GeneratedTree):
    GEN = gen_realsweep19

    def test_handler_and_coverage(self):
        for name, (handler, cov, reason, _) in sorted(self.key.items()):
            with self.subTest(name=name):
                o = self.m.obj(self.p(name))
                self.assertEqual(o["handler"], handler)
                self.assertEqual(o["coverage"], cov, o.get("errors"))
                if reason:
                    self.assertIn(reason, o["coverage_reasons"], o.get("errors"))

    def test_text(self):
        for name, (_, _, _, want) in sorted(self.key.items()):
            if not want:
                continue
            got = [ln.strip() for ln in self.text(name).splitlines()]
            for line in want:
                with self.subTest(name=name, line=line):
                    self.assertIn(line, got)

    def test_wp42_ssn_found(self):
        self.assertEqual(self.found("wp42_memo.doc", "ssn"), ["***-**-8714"])

    def test_odt_link_in_ssn_found(self):
        self.assertEqual(self.found("odt_links.odt", "ssn"), ["***-**-8714"])

    def test_ppt_chart_pictures(self):
        """The WMF (inflated) and EMF blips are members; the SSN a TEXTOUT
        record draws is found in the WMF, the e-mail in the EMF."""
        wmf = self.m.obj(self.p("ppt_chart.ppt"), ["Pictures/picture-1.wmf"])
        self.assertEqual(self.redacted(wmf, "ssn"), ["***-**-8714"])
        emf = self.m.obj(self.p("ppt_chart.ppt"), ["Pictures/picture-2.emf"])
        self.assertIn("email", lsutil.entities(emf))

    def test_qpw_note_names_the_format(self):
        o = self.m.obj(self.p("quattro.qpw"))
        self.assertTrue(any("Quattro Pro" in e for e in o.get("errors", [])), o.get("errors"))


if __name__ == "__main__":
    unittest.main()
