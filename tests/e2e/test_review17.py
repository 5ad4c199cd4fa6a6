#!/usr/bin/env python3
"""review17's findings on the split-archive code (src/pipeline/splitset.c),
on files made by tests/gen/gen_review17.py: a file named as the next part
of a split archive was joined by name alone and recorded by reference
(full, the set's verdict) even when the archive before it is whole by its
own header (a 7z's start header, a zip's end record naming its disk, a
RAR that is no volume, a RAR volume whose end block says it is the last):
the file was
never read and the SSNs in it never found. Now it is a root of its own;
real sets are still joined."""
import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

sys.path.insert(0, os.path.join(lsutil.SRC, "tests", "gen"))
import gen_review17  # noqa: E402


class Review17Split(lsutil.GeneratedTree):
    GEN = gen_review17

    def root(self, name):
        """The root record of file NAME."""
        return self.m.obj(self.p(name))

    def test_file_after_a_whole_archive_is_read(self):
        for first, extra in self.key["cases"]:
            with self.subTest(file=extra):
                o = self.root(extra)
                self.assertNotIn("split", o, o.get("errors"))
                self.assertEqual(o["verdict"], "sensitive")
                self.assertIn("ssn", lsutil.entities(o))
                self.assertEqual(lsutil.distinct(o, "ssn"), len(self.key["ssns"]))

    def test_whole_archive_is_no_set(self):
        for first, extra in self.key["cases"]:
            with self.subTest(file=first):
                split = self.root(first).get("split")
                if split is None:
                    continue
                self.assertNotIn(os.path.basename(extra), split.get("files", []))

    def test_real_set_still_joined(self):
        for name in self.key["joined"]:
            with self.subTest(file=name):
                o = self.root(name)
                self.assertIn("split", o)
                self.assertEqual(o["split"]["parts"], 2)

    def test_whole_file_rar_volumes_each_read(self):
        for name in self.key["own_roots"]:
            with self.subTest(file=name):
                o = self.root(name)
                self.assertNotIn("split", o)
                self.assertEqual(o["coverage"], "full", o.get("errors"))
                self.assertEqual(o["children"], 1)

    def test_zip_set_read_whole(self):
        if "zs/sp.z01" not in self.key["joined"]:
            self.skipTest("zip missing")
        o = self.m.obj(self.p("zs/sp.zip"), ("blob.bin",))
        self.assertEqual(o["coverage"], "full", o.get("errors"))

    def test_bytes_after_a_7z_are_read(self):
        for name in self.key.get("appended", []):
            with self.subTest(file=name):
                o = self.m.obj(self.p(name), ("hidden_data",))
                self.assertIn("ssn", lsutil.entities(o))
                self.assertEqual(self.root(name)["verdict"], "sensitive")


if __name__ == "__main__":
    unittest.main()
