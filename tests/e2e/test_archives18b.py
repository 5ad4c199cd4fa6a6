#!/usr/bin/env python3
"""End-to-end: a zip cut before its end records that does not start at
byte 0 (a self-extractor's program, padding or another file in front of
it; fixtures: tests/gen/gen_archives18b.py). libarchive's seekable reader
needs the end record and its streaming reader a local header at byte 0,
so such a file read as a blob, `full`, its members unread. Now read by
its local headers from the first sane one: `partial` with `truncated`,
the prefix the member hidden_prefix; the same zip whole stays `full`, and
a blob with a stray local-header signature, or a whole zip inside it, is
not taken for a cut zip. And a tar compressed as several bzip2 or xz
streams (pbzip2, pixz), cut inside its second stream: libarchive's filter
failed at open and the member whole in the first stream was lost; now the
whole streams are read again on their own (`truncated` still).
"""
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from arcutil import KeyedArchives  # noqa: E402
import gen_archives18b as gen  # noqa: E402


class Archives18b(KeyedArchives):
    GEN = gen
    KEY = b"archives18b-e2e-fingerprint-key"

    def test_cut_in_directory_after_prefix(self):
        self.check("cut_in_directory.bin")

    def test_cut_in_member_after_prefix(self):
        self.check("cut_in_member.bin")

    def test_whole_after_prefix_stays_full(self):
        self.check("whole_after_prefix.bin")

    def test_stray_signature_is_no_zip(self):
        self.check("stray_signature.bin")
        o = self.m.obj(os.path.join(self.dir, "stray_signature.bin"), [])
        self.assertNotEqual(o.get("handler"), "archive")

    def test_whole_zip_inside_is_not_cut(self):
        self.check("zip_inside.bin")

    def test_multistream_cut_keeps_whole_streams(self):
        self.check("streams_cut.tar.bz2")
        self.check("streams_cut.tar.xz")

    def test_multistream_whole_stays_full(self):
        self.check("streams_whole.tar.bz2")
        self.check("streams_whole.tar.xz")


if __name__ == "__main__":
    unittest.main()
