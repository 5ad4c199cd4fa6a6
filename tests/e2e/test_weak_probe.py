#!/usr/bin/env python3
"""A weak archive guess that fails is no archive (src/unpack/unpack_archive.c
weak_guess(), src/pipeline/pipeline.c ls_obj_raw_redundant()).

lzma_alone has no magic number: its header checks (a properties byte, a
dictionary size of 2^n or 2^n + 2^(n-1), a plausible size, a zero first
range-coder byte) pass on other binary data (an MS Project file's Var2Data
stream). When libarchive's decoder then refuses the first bytes, the
object was reported partial/parse_error, so a clean Project file read
`incomplete`; and had the handler kept quiet, an archive that gave no
member was not scanned raw either. Now: not named .lzma/.tlz/.cpio, the
archive handler declines such an object (ls_decline()) and it is read as
an object no handler read (full, its text and UTF-16 runs found); a real lzma file is
still unpacked, and a damaged one named .lzma is still parse_error.

Bytes that pass the checks and DO decode for a while before the decoder
fails (zeros after the header decode to 8 MB of garbage; an inflated
MicroStation DGN stream to 128 KiB) are declined too: the decompressed
stream is tried first (weak_decodes()). An unnamed real stream damaged
after text it decoded stays a damaged archive."""
import lzma
import os
import struct
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

SSN_LINE = b" Employee Jane Roe SSN: 536-22-1874 end "


def fake_lzma(line=SSN_LINE):
    """Bytes that pass the lzma_alone checks and do not decode."""
    head = bytes([0x5D]) + struct.pack("<I", 1 << 16) + struct.pack("<Q", 0xFFFFFFFFFFFFFFFF) + b"\x00"
    return head + b"\x11\x22" * 100 + line + bytes(range(256)) * 4


class WeakProbe(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        d = cls.dir = os.path.join(cls.tmp.name, "t")
        os.makedirs(d)
        files = {
            "Var2Data": fake_lzma(),
            "stream.bin": fake_lzma(),
            # a Project file's strings are UTF-16LE: read as an object no
            # handler read, its wide runs are scanned
            "Var2Data_wide": fake_lzma(SSN_LINE.decode().encode("utf-16-le")),
            "named.lzma": fake_lzma(),
            # decodes 8 MB of garbage, then "truncated": was archive, partial
            "zeros.bin": fake_lzma(b"")[:14] + bytes(100000) + SSN_LINE,
            "good.lzma": lzma.compress(b"Payroll\n" + SSN_LINE * 20, format=lzma.FORMAT_ALONE),
        }
        good = bytearray(files["good.lzma"])
        good[40:60] = b"\xff" * 20
        files["bad.lzma"] = bytes(good)
        text = lzma.compress(b"".join(b"record %06d payroll line\n" % i for i in range(20000)) + SSN_LINE,
                             format=lzma.FORMAT_ALONE)
        text = bytearray(text)
        for i in range(len(text) // 2, len(text) // 2 + 64):
            text[i] ^= 0x5A
        files["records.bin"] = bytes(text)
        for name, data in files.items():
            with open(os.path.join(d, name), "wb") as f:
                f.write(data)
        _, cls.m = lsutil.scan(cls.tmp.name, [d])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def rec(self, name, chain=()):
        return self.m.obj(os.path.join(self.dir, name), list(chain))

    def test_failed_guess_is_plain_bytes(self):
        for name in ("Var2Data", "stream.bin"):
            o = self.rec(name)
            with self.subTest(name=name):
                self.assertEqual(o["coverage"], "full", o["errors"])
                self.assertEqual(o["errors"], [])
                self.assertEqual(o["children"], 0)
                self.assertIn("ssn", lsutil.entities(o))  # its bytes were scanned
                self.assertEqual(o["verdict"], "sensitive")
                self.assertNotEqual(o["handler"], "archive")  # the archive handler declined it

    def test_failed_guess_wide_strings(self):
        o = self.rec("Var2Data_wide")
        self.assertEqual(o["coverage"], "full", o["errors"])
        self.assertIsNone(o["handler"])
        self.assertIn("ssn", lsutil.entities(o))

    def test_garbage_decoding_guess(self):
        o = self.rec("zeros.bin")
        self.assertIsNone(o["handler"])
        self.assertEqual(o["coverage"], "full", o["errors"])
        self.assertEqual(o["children"], 0)
        self.assertIn("ssn", lsutil.entities(o))  # its bytes were scanned

    def test_unnamed_damaged_text_stream(self):
        o = self.rec("records.bin")
        self.assertEqual(o["handler"], "archive")
        self.assertEqual(o["coverage"], "partial")
        self.assertEqual(o["verdict"], "incomplete")
        self.assertEqual(o["children"], 1)

    def test_named_or_real_lzma(self):
        o = self.rec("named.lzma")  # named so: a damaged one
        self.assertEqual(o["coverage"], "partial")
        self.assertIn("parse_error", o["coverage_reasons"])
        self.assertIn("ssn", lsutil.entities(o))
        o = self.rec("bad.lzma")
        self.assertIn("parse_error", o["coverage_reasons"])
        self.assertEqual(o["verdict"], "incomplete")
        o = self.rec("good.lzma", ["good"])
        self.assertIn("ssn", lsutil.entities(o))


if __name__ == "__main__":
    unittest.main()
