#!/usr/bin/env python3
"""The eleventh sweep's quirks (tests/gen/gen_realsweep11.py): list numbers
in docx read before each numbered paragraph, as Word shows them; RTF
footnotes and comments after the paragraph they are anchored in, not
cutting it in two; ODF list labels from the list styles; PowerPoint's
automatic numbers; .doc list numbers (PlfLst, PlfLfo)."""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import sweeputil  # noqa: E402  (tests/gen on sys.path)
from sweeputil import lsutil  # noqa: E402
import gen_realsweep11  # noqa: E402


class RealSweep11(sweeputil.RealTree):
    GEN = gen_realsweep11

    def test_docx_list_numbers(self):
        # the labels were in no run: "Definitions", "Employer: ..." read bare
        o = self.m.obj(self.p("numbered.docx"))
        self.assertEqual(o["handler"], "ooxml")
        self.assertEqual(o["coverage"], "full", o["errors"])
        lines = self.text("numbered.docx").splitlines()
        for want in self.key["numbered.docx"]:
            self.assertIn(want, lines)
        # no label where Word shows none: numId 0, an old numPr of a
        # tracked change, a bullet, the glossary (its own lists)
        for plain in gen_realsweep11.NUMBERED_PLAIN:
            self.assertIn(plain, lines)
        self.assertIn("ssn", lsutil.entities(o))

    def test_rtf_notes_after_their_paragraph(self):
        # each note had been written where it stands: "SSN 536-22-" / the
        # note / "1874, joined ..." (no SSN), "John" / comment / "Doe ..."
        o = self.m.obj(self.p("notes.rtf"))
        self.assertEqual(o["handler"], "rtf")
        self.assertEqual(o["coverage"], "full", o["errors"])
        lines = [ln.strip() for ln in self.text("notes.rtf").splitlines()]
        want = self.key["notes.rtf"]
        self.assertEqual([ln for ln in lines if ln], want)
        self.assertIn("ssn", lsutil.entities(o))

    def test_odt_list_numbers(self):
        # the labels were in no text node: "Scope", "Fourth schedule" bare
        o = self.m.obj(self.p("lists.odt"))
        self.assertEqual(o["handler"], "odf")
        self.assertEqual(o["coverage"], "full", o["errors"])
        lines = self.text("lists.odt").splitlines()
        for want in self.key["lists.odt"] + gen_realsweep11.LISTS_PLAIN:
            self.assertIn(want, lines)

    def test_pptx_autonumbers(self):
        # a:buAutoNum numbers were in no run: "First", not "(1) First"
        o = self.m.obj(self.p("autonum.pptx"))
        self.assertEqual(o["handler"], "ooxml")
        self.assertEqual(o["coverage"], "full", o["errors"])
        lines = self.text("autonum.pptx").splitlines()
        for want in self.key["autonum.pptx"] + gen_realsweep11.AUTONUM_PLAIN:
            self.assertIn(want, lines)

    def test_doc_list_numbers(self):
        # the labels were in no piece: "Definitions", "Restarted at five" bare
        o = self.m.obj(self.p("lists.doc"))
        self.assertEqual(o["handler"], "ole2")
        self.assertEqual(o["coverage"], "full", o["errors"])
        lines = self.text("lists.doc").splitlines()
        for want in self.key["lists.doc"] + gen_realsweep11.DOC_PLAIN:
            self.assertIn(want, lines)
        self.assertIn("ssn", lsutil.entities(o))


if __name__ == "__main__":
    unittest.main()
