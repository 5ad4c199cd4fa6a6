#!/usr/bin/env python3
"""End-to-end: review7's findings in the dBASE, HWP 5 and WordPerfect
readers (src/extract/dbf.c, hwp.c, wordperfect.c), each a crafted file of
tests/gen/gen_review7.py that failed before its fix: its handler, coverage
and reasons, the values planted where the reader had not looked, and the
children a document hands on."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_review7  # noqa: E402


class Review7(lsutil.GeneratedTree):
    GEN = gen_review7

    def test_keyed_files(self):
        for name, spec in sorted(self.key.items()):
            with self.subTest(name=name):
                o = self.m.obj(self.p(name))
                self.assertEqual(o["handler"], spec["handler"])
                self.assertEqual(o["coverage"], spec["coverage"], o["errors"])
                for r in spec["reasons"]:
                    self.assertIn(r, o["coverage_reasons"], o["errors"])
                for r in spec["not_reasons"]:
                    self.assertNotIn(r, o["coverage_reasons"], o["errors"])
                for entity, last4 in spec["find"]:
                    got = self.redacted(o, entity)
                    self.assertTrue(got, (entity, o["findings"], o["errors"]))
                    if last4:
                        self.assertTrue(any(v.replace("-", "").endswith(last4) for v in got), (entity, got))
                for member, ents in spec["children"].items():
                    c = self.m.obj(self.p(name), [member])
                    for entity in ents:
                        self.assertTrue(self.redacted(c, entity), (member, entity, c["findings"]))
                if spec["coverage"] == "none":
                    self.assertEqual(o["findings"], [])

    def test_hwp_gap_reads_both_sections_in_order(self):
        t = self.text("hwp_gap.hwp")
        self.assertIn("Personnel appendix\nEmployee SSN 536-22-1874\n", t)

    def test_hwp_shared_chain_read_a_bounded_number_of_times(self):
        # the sections are walked until twice the file (plus 1 MiB) is read:
        # a handful of the 600
        t = self.text("hwp_shared.hwp")
        self.assertIn(t.count("Employee SSN 536-22-1874"), range(2, 12), t[:300])
        o = self.m.obj(self.p("hwp_shared.hwp"))
        self.assertTrue(any("more bytes than the file holds" in e for e in o["errors"]), o["errors"])

    def test_hwp_bomb_keeps_the_text_before_the_cut(self):
        o = self.m.obj(self.p("hwp_bomb.hwp"))
        self.assertGreater(o["text_bytes"], 100000)
        self.assertFalse(any("no BodyText" in e for e in o["errors"]), o["errors"])
        self.assertIn("zip_bomb", o["alerts"])

    def test_hwp_preview_read_when_it_is_not_the_body(self):
        t = self.text("hwp_preview_other.hwp")
        self.assertIn("[preview text]\nEmployee SSN 536-22-1874\n", t)
        self.assertNotIn("[preview text]", self.text("hwp_gap.hwp"))  # no preview: nothing said

    def test_hwp_streams_handed_on_are_bounded(self):
        o = self.m.obj(self.p("hwp_many_streams.hwp"))
        self.assertEqual(o["children"], 4096)
        self.assertTrue(any("more than 4096 streams" in e for e in o["errors"]), o["errors"])

    def test_dbf_records_past_the_count_are_said(self):
        o = self.m.obj(self.p("dbf_count0.dbf"))
        self.assertIn("dbf: the header counts 0 records; 3 more follow and are read", o["errors"])
        t = self.text("dbf_count1.dbf")
        self.assertIn("\nE1003\tLindqvist\tSven\t", t)  # the third record of a table that counts one

    def test_dbf_level7_fields(self):
        t = self.text("dbf_level7.dbf")
        self.assertTrue(t.startswith("EMPLOYEE_LAST_NAME\tSOCIAL_SECURITY_NUMBER\tHIRED\tROW_ID\n"
                                     "Okafor\t412583307\t2019-04-01\t1\n"), t)

    def test_wp6_overlap_is_said(self):
        o = self.m.obj(self.p("wp6_overlap.wpd"))
        self.assertTrue(any("four times the file" in e for e in o["errors"]), o["errors"])


if __name__ == "__main__":
    unittest.main()
