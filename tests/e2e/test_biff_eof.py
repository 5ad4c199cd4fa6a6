#!/usr/bin/env python3
"""A bare BIFF stream (Excel 2.x-4.0 worksheets, web applications' 'export
to Excel' BIFF5) cut at a record boundary lost its last rows and said
full: only a cut inside a record was noticed. Each BOF opens a substream
its EOF closes; a stream whose last BOF is not closed is truncated.
review13 found it; the sheets are written here as the PHP export snippets
write them (BOF, LABEL and NUMBER records, EOF)."""
import os
import struct
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsutil  # noqa: E402


def rec(t, body):
    return struct.pack("<HH", t, len(body)) + body


def label(r, c, s):
    b = s.encode("latin-1")
    return rec(0x0204, struct.pack("<HHHH", r, c, 0, len(b)) + b)


def sheet(rows):
    out = rec(0x0809, struct.pack("<HHHH", 0x0500, 0x0010, 0, 0))
    out += label(0, 0, "Name") + label(0, 1, "Email")
    for i, (name, mail) in enumerate(rows, 1):
        out += label(i, 0, name) + label(i, 1, mail)
    return out


ROWS = [("Jane Roe", "jane.roe@leaksift-test.org"), ("Ada Moss", "ada.moss@leaksift-test.org"),
        ("Lee Park", "lee.park@leaksift-test.org"), ("Kim Chen", "kim.chen@leaksift-test.org")]
EOF_REC = rec(0x000A, b"")


class BiffEof(lsutil.FilesTree):
    FILES = {"export.xls": sheet(ROWS) + EOF_REC,
             "export_padded.xls": sheet(ROWS) + EOF_REC + bytes(64),
             "export_cut.xls": sheet(ROWS[:2])}

    def test_whole_is_full(self):
        for name in ("export.xls", "export_padded.xls"):
            o = self.m.obj(self.p(name))
            self.assertEqual(o["handler"], "biff")
            self.assertEqual(o["coverage"], "full", o["errors"])
            self.assertEqual(lsutil.distinct(o, "email"), 4)

    def test_cut_at_record_is_truncated(self):
        o = self.m.obj(self.p("export_cut.xls"))
        self.assertEqual(o["handler"], "biff")
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("truncated", o["coverage_reasons"])
        self.assertEqual(lsutil.distinct(o, "email"), 2)


if __name__ == "__main__":
    unittest.main()
