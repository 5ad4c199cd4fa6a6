#!/usr/bin/env python3
"""Embedded objects of a compound file whose directory points many object
storages' payload streams at one chain of sectors (src/extract/ole2.c,
ole2_copy_ok()): each was handed on as a member of the chain's full size.
A 4 MB .doc of 300 such objects made 832 MB of members (5 minutes, the
root's 200:1 expansion limit the only stop). The payloads and storages
copied out of a file now add up to at most twice its size; past that the
document is parse_error and says why. Real objects own their sectors and
never come near it (test_ole2, test_oledata)."""
import os
import struct
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "gen"))
import lsutil  # noqa: E402
import gen_ole2  # noqa: E402
from cfb_writer import CFBWriter  # noqa: E402

N = 120
BIG = (b"Ledger line: Jane Roe SSN 536-22-1874\n" * 8000)[:300000]


def shared_objects_doc():
    w = CFBWriter()
    wd, tbl = gen_ole2.word_streams(gen_ole2.DOC_TEXT8, gen_ole2.DOC_TEXT16, False, 0, None, None)
    w.add_stream("WordDocument", wd)
    w.add_stream("1Table", tbl)
    w.add_stream("ObjectPool/_1/CONTENTS", BIG)
    for i in range(2, N + 1):
        w.add_stream("ObjectPool/_%d/CONTENTS" % i, b"x")
    d = bytearray(w.build()[0])
    name = "CONTENTS".encode("utf-16-le") + b"\0\0"
    ents, i = [], d.find(name)
    while i >= 0:
        if i % 128 == 0:
            ents.append(i)
        i = d.find(name, i + 1)
    big = [e for e in ents if struct.unpack_from("<Q", d, e + 120)[0] == len(BIG)][0]
    start, size = struct.unpack_from("<IQ", d, big + 116)
    for e in ents:
        struct.pack_into("<IQ", d, e + 116, start, size)
    return bytes(d), len(ents)


class Ole2CopyCap(unittest.TestCase):
    def test_shared_payloads_are_bounded(self):
        data, n = shared_objects_doc()
        self.assertEqual(n, N)
        with tempfile.TemporaryDirectory() as tmp:
            p = os.path.join(tmp, "objects.doc")
            with open(p, "wb") as f:
                f.write(data)
            _, m = lsutil.scan(tmp, [p])
            root = m.obj(p)
            members = [o for o in m.by_path(p) if o["depth"] > 0]
            copied = sum(o["file"]["size"] for o in members)
            self.assertLessEqual(copied, 2 * len(data) + 65536)
            self.assertLess(len(members), 4)
            self.assertEqual(root["coverage"], "partial")
            self.assertIn("parse_error", root["coverage_reasons"])
            self.assertIn("directory entries sharing sectors", str(root["errors"]))
            self.assertIn("ssn", lsutil.entities(members[0]))  # the first copy is read


if __name__ == "__main__":
    unittest.main()
