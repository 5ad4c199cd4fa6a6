#!/usr/bin/env python3
"""Streams of a .doc/.xls/.ppt that no reader takes are handed on as
members (src/extract/ole2.c, ole2_other_streams), on files made by
tests/gen/gen_ole2_streams.py: a document read whole is not scanned raw,
so before, a custom stream's SSN and address, and the old cell value in a
shared workbook's Revision Log, were never looked at while the document
said "full"."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_ole2_streams  # noqa: E402


class OtherStreams(lsutil.GeneratedTree):
    GEN = gen_ole2_streams

    def members(self, name):
        return {tuple(o["chain"]): o for o in self.m.by_path(self.p(name)) if o["chain"]}

    def test_custom_streams_of_a_word_document(self):
        ms = self.members("extra.doc")
        self.assertEqual(sorted(ms), [("Notes16",), ("Secret",)])
        self.assertEqual(self.redacted(ms[("Secret",)], "ssn"), ["***-**-1874"])
        self.assertEqual(self.redacted(ms[("Secret",)], "email"), ["j***@example.org"])
        self.assertEqual(self.redacted(ms[("Notes16",)], "ssn"), ["***-**-7781"])
        root = self.m.obj(self.p("extra.doc"))
        self.assertEqual((root["handler"], root["coverage"], root["verdict"]), ("ole2", "full", "sensitive"))

    def test_revision_log_and_user_names_of_a_workbook(self):
        ms = self.members("revlog.xls")
        # "WORKBOOK" is the workbook (names are case-insensitive): read, not a member
        self.assertEqual(sorted(ms), [("Revision Log",), ("User Names",)])
        self.assertEqual(self.redacted(ms[("Revision Log",)], "ssn"), ["***-**-7781"])
        self.assertEqual(self.redacted(ms[("User Names",)], "email"), ["j***@example-corp.com"])
        self.assertIn("Quarterly headcount", self.text("revlog.xls"))


if __name__ == "__main__":
    unittest.main()
