#!/usr/bin/env python3
"""End-to-end: containers leaksift has no reader for (ACE, StuffIt, ARC,
Zoo, ARJ, ALZip, EGG, ZPAQ, bzip3, squashfs, WIM, VMware/QEMU/VirtualBox/
Virtual PC/VHDX disks, Apple disk images, CHM) are never clean: handler
"opaque", reason unsupported, and their raw bytes are still scanned.
Look-alikes are left to their own handlers (fixtures:
tests/gen/gen_opaque.py)."""
import os
import sys
import tempfile
import unittest

SRC = os.environ.get("LEAKSIFT_SRC", os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(SRC, "tests", "gen"))
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import gen_opaque  # noqa: E402
import lsutil  # noqa: E402


class Opaque(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory(prefix="ls-opaque-")
        cls.dir = os.path.join(cls.tmp.name, "in")
        cls.expect = gen_opaque.generate(cls.dir)
        os.unlink(os.path.join(cls.dir, "expect.json"))
        cls.proc, cls.m = lsutil.scan(cls.tmp.name, [cls.dir], "-j2")

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def rec(self, name):
        return self.m.obj(os.path.join(self.dir, name))

    def test_containers_without_a_reader(self):
        names = [n for n, k in self.expect.items() if k == "opaque"]
        self.assertGreaterEqual(len(names), 19)
        for name in names:
            o = self.rec(name)
            with self.subTest(name=name):
                self.assertEqual(o["handler"], "opaque")
                self.assertEqual(o["coverage"], "partial")
                self.assertEqual(o["coverage_reasons"], ["unsupported"])
                self.assertTrue(any(e.startswith("opaque: ") for e in o["errors"]), o["errors"])
                # the raw bytes are still read: the SSN after the header
                self.assertIn("ssn", lsutil.entities(o))
                self.assertEqual(o["verdict"], "sensitive")

    def test_utf16_text_of_a_disk_image(self):
        o = self.rec("disk.vmdk")
        self.assertGreater(o["text_bytes"], 0)
        ssn = lsutil.entities(o)["ssn"]
        self.assertEqual(ssn["distinct"], 1)
        wheres = {e["where"] for f in o["findings"] if f["entity"] == "ssn" for e in f["evidence"]}
        self.assertIn("raw", wheres)  # the plain copy after the header
        p = lsutil.run(["text", os.path.join(self.dir, "disk.vmdk")])
        self.assertIn("Owner: SSN 536-22-1874", p.stdout.decode("utf-8"))

    def test_look_alikes(self):
        for name in [n for n, k in self.expect.items() if k == "other"]:
            o = self.rec(name)
            with self.subTest(name=name):
                self.assertNotEqual(o["handler"], "opaque")
                self.assertNotIn("unsupported", o["coverage_reasons"])
        self.assertEqual(self.rec("plain.zip")["handler"], "archive")
        self.assertEqual(self.rec("noise.bin")["verdict"], "clean")


if __name__ == "__main__":
    unittest.main()
