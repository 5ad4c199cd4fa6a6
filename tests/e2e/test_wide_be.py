#!/usr/bin/env python3
"""The UTF-16 scan of binaries no handler reads (pipeline.c wide_runs)
finds UTF-16BE text one byte late: each pair is a character's low byte and
the next one's zero, so the run's last character paired with the byte
after the run and was lost ("536-22-187", "corp.exampl", a 6-character
run too short to keep). review13 found it; the record below is a made-up
binary format with big-endian strings that carry no terminator."""
import os
import struct
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lsutil  # noqa: E402


def be(s):
    return s.encode("utf-16-be")


RECORD = (b"ACMEDAT\x01" + bytes(24) + struct.pack(">II", 3, 77) + be("SSN 536-22-1874") + b"\xff\x01\x02"
          + bytes(16) + be("ref AB1234") + b"\x81\x02" + bytes(40) + be("jane.roe@corp.example") + b"\x90\x91"
          + bytes(30))
# the same strings little-endian: unchanged
RECORD_LE = RECORD.replace(be("SSN 536-22-1874"), "SSN 536-22-1874".encode("utf-16-le"))


class WideBE(lsutil.FilesTree):
    FILES = {"be_record.bin": RECORD, "le_record.bin": RECORD_LE}

    def test_be_run_whole(self):
        o = self.m.obj(self.p("be_record.bin"))
        self.assertIsNone(o["handler"])
        t = self.text("be_record.bin")
        for s in ("SSN 536-22-1874\n", "ref AB1234\n", "jane.roe@corp.example\n"):
            self.assertIn(s, t)
        self.assertEqual(lsutil.last4s(o, "ssn"), ["1874"])
        self.assertIn("email", lsutil.entities(o))

    def test_le_run_unchanged(self):
        t = self.text("le_record.bin")
        self.assertIn("SSN 536-22-1874\n", t)
        self.assertNotIn("SSN 536-22-1874\xff", t)


if __name__ == "__main__":
    unittest.main()
