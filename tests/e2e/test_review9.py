#!/usr/bin/env python3
"""review9's findings on the lead's lotus reader and OLE2 stream walk, on
files made by tests/gen/gen_review9.py:
- a Quattro Pro for DOS .wq1 label's length byte was read as text (Tika's
  testQuattro.wq1 printed " OBSERV" and "4Textuur..."): an SSN at the start
  of a 52-character label read "4536-22-1874" and was not found;
- the streams of a .doc that no reader takes were handed on only at the
  root, only with plain names, and never under another format's reader
  name: a custom XML part in MsoDataStore, a "Workbook" stream in a Word
  document and streams named with a control character were never looked at
  while the document said `full`;
- Quattro Pro sheets are told apart by their begin-of-sheet records (a
  second sheet's cells, page byte 0, fell on the first's and were dropped),
  and a cell written twice keeps both values (the first had won, the other
  dropped unsaid); release 3+ labels without a prefix character and cell
  comments lost their first character;
- a compound file of a format no reader knows (Works, Visio, Project,
  StarOffice 5, Quattro Pro 7+: 24 of Tika's 30 such files) said `full`
  with its streams never read nor scanned: they are handed on;
- a directory pointing 64 streams at one chain of sectors made 64 members
  of the same bytes: the streams handed on now fit in the file;
- the run summary kept 128 names per counter and dropped the findings of
  any further entity (a custom rule pack): now 256, the rest under
  "(other)"."""
import os
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_review9  # noqa: E402


class Review9(lsutil.GeneratedTree):
    GEN = gen_review9

    def test_quattro_dos_label_length_byte(self):
        text = self.text("staff.wq1")
        self.assertIn("[Sheet: A]\nName\tRecord\nJane Roe\t536-22-1874 Jane Roe", text)
        self.assertNotIn("4536", text)
        root = self.m.obj(self.p("staff.wq1"))
        self.assertEqual((root["handler"], root["coverage"]), ("lotus", "full"))
        self.assertEqual(self.redacted(root, "ssn"), ["***-**-1874"])

    def test_quattro_sheets_by_their_begin_of_sheet_records(self):
        text = self.text("sheets.wb2")
        self.assertIn("[Sheet: A]\nItem\tQty\nBolts\t40\n", text)
        self.assertIn("[Sheet: B]\nName\tSSN\nMary Major\t318524409\n", text)
        root = self.m.obj(self.p("sheets.wb2"))
        self.assertEqual((root["handler"], root["coverage"]), ("lotus", "full"))
        self.assertEqual(self.redacted(root, "ssn"), ["*****4409"])

    def test_the_same_cell_twice_both_values_written(self):
        text = self.text("twice.wk1")
        self.assertIn("Ann Other\tn/a 412613308\n", text)
        root = self.m.obj(self.p("twice.wk1"))
        self.assertEqual(self.redacted(root, "ssn"), ["*****3308"])

    def test_release3_text_without_a_prefix_keeps_its_first_character(self):
        text = self.text("noprefix.wk3")
        self.assertIn("Name\tMail\nJane Roe\tjane.roe@example.org\n", text)
        self.assertIn("[Comment sheet 1 row 2 col 1] Call back about the 1994 payroll\n", text)
        self.assertEqual(self.redacted(self.m.obj(self.p("noprefix.wk3")), "email"), ["j***@example.org"])

    def test_streams_no_reader_takes_below_root_and_by_any_name(self):
        ms = {"/".join(o["chain"]): o for o in self.m.by_path(self.p("custom.doc")) if o["chain"]}
        for name, ssn in self.key["custom.doc"].items():
            self.assertIn(name, ms)
            self.assertEqual(self.redacted(ms[name], "ssn"), [ssn], name)
        # OLE's own and the property sets the reader takes are no members
        self.assertNotIn("SummaryInformation", ms)
        root = self.m.obj(self.p("custom.doc"))
        self.assertEqual((root["handler"], root["coverage"]), ("ole2", "full"))

    def test_streams_of_a_compound_file_no_reader_knows(self):
        ms = {"/".join(o["chain"]): o for o in self.m.by_path(self.p("works.wps")) if o["chain"]}
        self.assertEqual(sorted(ms), ["MatOST", "Tables/Names"])
        self.assertEqual(self.redacted(ms["MatOST"], "ssn"), ["***-**-5582"])
        self.assertEqual(self.redacted(ms["Tables/Names"], "ssn"), ["***-**-2290"])

    def test_cross_linked_streams_handed_on_once(self):
        ms = [o for o in self.m.by_path(self.p("shared.doc")) if o["chain"]]
        self.assertEqual(len(ms), 1, [o["chain"] for o in ms])  # the first of the 65 in directory order
        self.assertEqual(self.redacted(ms[0], "ssn"), ["***-**-1874"])
        root = self.m.obj(self.p("shared.doc"))
        self.assertEqual((root["coverage"], root["coverage_reasons"]), ("partial", ["parse_error"]))


class SummaryNames(unittest.TestCase):
    def test_entities_past_the_table_are_counted_not_dropped(self):
        with tempfile.TemporaryDirectory() as tmp:
            rules, text = gen_review9.many_entities(os.path.join(tmp, "in"))
            _, m = lsutil.scan(tmp, [text], "--no-default-rules", "--rules", rules)
            found = sum(f["count"] for o in m.objects for f in o["findings"])
            self.assertEqual(found, 300)
            ents = m.summary["entities"]
            self.assertEqual(sum(e["findings"] for e in ents.values()), found)
            self.assertEqual(sum(e["distinct"] for e in ents.values()), found)
            self.assertIn("(other)", ents)


if __name__ == "__main__":
    unittest.main()
