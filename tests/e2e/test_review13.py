#!/usr/bin/env python3
"""review13's findings on the fourteenth session's readers, on files made
by tests/gen/gen_review13.py:
- bplist.c paired an NSKeyedArchiver dictionary's NS.keys with its
  NS.objects once per dictionary, however many dictionaries named the same
  lists: 40,000 dictionaries naming one list of 200,000 UIDs kept a worker
  busy past its time limit (1.8 MB file); references followed are now
  bounded by the file's size (parse_error past it), the address in the
  archive still read;
- a data object named by 3,000 keys was handed over 3,000 times: now once;
- an AppleDouble file whose attributes name the whole file nested itself
  40^depth times: children must lie after the entry table and apart;
- an XML plist cut between elements (its <dict> never closed) said full;
  one nested 10,000 deep stopped reading at the 49th level (the SSN after
  the nest was never read);
- evtx: a log whose header counts more chunks than the file holds, or cut
  right after a record before the chunk's free-space offset, said full;
- evtx: the constant text of a template defined in a record (a <Computer>
  name, a <Data> element's text) was walked for labels only, never text
  (python-evtx's issue_39.evtx: the machine names DESKTOP-CH5HROD and
  WIN-QVEQEK7H2OM that evtx_dump prints were missing);
- mdb: a catalog listing one table twice read its rows twice (every value
  counted twice); memo values all naming one cyclic long-value chain each
  followed it once per page of the file (quadratic: a few MB held a worker
  to its time limit): rows followed are now bounded by 256 a page."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_review13  # noqa: E402


class Review13(lsutil.GeneratedTree):
    GEN = gen_review13

    def below(self, name):
        """Object records nested under a root file."""
        return [o for o in self.m.by_path(self.p(name)) if o["depth"] > 0]

    def reasons(self, o):
        return " ".join(o.get("coverage_reasons", [])) + " " + repr(o.get("errors"))

    def test_keyed_shared_lists_bounded(self):
        o = self.m.obj(self.p("keyed_fanout.bplist"))
        self.assertEqual(o["handler"], "bplist")
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("shared more often", repr(o["errors"]))
        self.assertNotIn("limit:time", self.reasons(o))
        self.assertIn(self.key["email"], self.text("keyed_fanout.bplist"))

    def test_data_object_once(self):
        o = self.m.obj(self.p("data_fanout.bplist"))
        self.assertEqual(o["handler"], "bplist")
        kids = self.below("data_fanout.bplist")
        self.assertEqual(len(kids), 1, [k["chain"] for k in kids][:5])
        self.assertEqual(lsutil.last4s(kids[0], "ssn"), ["1874"])

    def test_appledouble_self_reference(self):
        o = self.m.obj(self.p("._self.txt"))
        self.assertEqual(o["handler"], "appledouble")
        self.assertEqual(self.below("._self.txt"), [])
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("overlaps", repr(o["errors"]))
        ok = self.m.obj(self.p("._notes.txt"))
        self.assertEqual(ok["coverage"], "full", ok["errors"])
        kids = self.below("._notes.txt")
        self.assertEqual([k["chain"] for k in kids], [["com.apple.metadata:kMDItemFinderComment"]])
        self.assertIn("email", lsutil.entities(kids[0]))

    def test_plist_cut_is_partial(self):
        o = self.m.obj(self.p("plist_cut.plist"))
        self.assertEqual(o["handler"], "plist")
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("parse_error", o["coverage_reasons"])
        self.assertIn("email", lsutil.entities(o))

    def test_plist_deep_read_after(self):
        o = self.m.obj(self.p("plist_deep.plist"))
        self.assertEqual(o["handler"], "plist")
        self.assertEqual(o["coverage"], "full", o["errors"])
        t = self.text("plist_deep.plist")
        self.assertIn("Employee SSN: " + self.key["ssn2"], t)
        self.assertEqual(lsutil.last4s(o, "ssn"), ["7720"])

    def test_evtx_missing_chunks(self):
        o = self.m.obj(self.p("evtx_missing.evtx"))
        self.assertEqual(o["handler"], "evtx")
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("truncated", o["coverage_reasons"])
        self.assertIn("email", lsutil.entities(o))

    def test_evtx_cut_after_record(self):
        o = self.m.obj(self.p("evtx_cut.evtx"))
        self.assertEqual(o["handler"], "evtx")
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("truncated", o["coverage_reasons"])
        self.assertIn("TargetUserName: " + self.key["email"], self.text("evtx_cut.evtx"))

    def test_evtx_template_text(self):
        o = self.m.obj(self.p("evtx_static.evtx"))
        self.assertEqual(o["handler"], "evtx")
        self.assertEqual(o["coverage"], "full", o["errors"])
        t = self.text("evtx_static.evtx")
        self.assertIn(self.key["host"] + "\n", t)
        self.assertIn(self.key["note"] + "\n", t)
        self.assertIn("TargetUserName: svc-backup\n", t)
        self.assertEqual(t.count(self.key["host"]), 1)

    def test_mdb_long_value_loops_bounded(self):
        o = self.m.obj(self.p("mdb_lvloop.mdb"))
        self.assertEqual(o["handler"], "mdb")
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("more rows than the file holds", repr(o["errors"]))
        t = self.text("mdb_lvloop.mdb")
        self.assertIn("Contact " + self.key["email"], t)
        self.assertEqual(lsutil.last4s(o, "ssn"), ["1874"])

    def test_mdb_table_listed_twice(self):
        o = self.m.obj(self.p("mdb_dupcat.mdb"))
        self.assertEqual(o["handler"], "mdb")
        t = self.text("mdb_dupcat.mdb")
        self.assertEqual(t.count("%d\tstapler\t2" % self.key["part_no"]), 1, t)
        self.assertEqual(t.count("[Table: Staff]"), 1)


if __name__ == "__main__":
    unittest.main()
