#!/usr/bin/env python3
"""The dbx handler on hostile block layouts (review6): chains that share a
tail, and blocks laid inside other blocks' data, made each byte of the
file reach the messages many times (369 KB gave 40 MB of messages in 5 s,
no alert). A block is now read into one message at most, and no block
starts inside another's data: the messages together are never larger
than the file."""
import os
import struct
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import lsutil  # noqa: E402

HDR = 0x24BC
MAGIC = bytes([0xCF, 0xAD, 0x12, 0xFE, 0xC5, 0xFD, 0x74, 0x6F, 0x66, 0xE3, 0xD1, 0x11,
               0x9A, 0x4E, 0x00, 0xC0, 0x4F, 0xD5, 0x35, 0x8B])


def header(items):
    buf = bytearray(HDR)
    buf[:20] = MAGIC
    struct.pack_into("<I", buf, 0xC4, items)
    return buf


def shared_tail(heads, tail):
    """heads chain heads (each a message: 'Subject: ...') all pointing into
    one tail of full 0x200-byte blocks."""
    buf = header(heads)
    tail0 = len(buf)
    for i in range(tail):
        off = len(buf)
        nxt = off + 0x210 if i < tail - 1 else 0
        buf += struct.pack("<IIII", off, 0x200, 0x200, nxt) + (b"body line %04d\r\n" % i) * 32
    for i in range(heads):
        off = len(buf)
        text = b"Subject: head %d\r\n\r\n" % i
        buf += struct.pack("<IIII", off, 0x200, len(text), tail0) + text.ljust(0x200, b"\0")
    return bytes(buf)


def stride16(n):
    """A message whose chain runs into n blocks 16 bytes apart, each
    claiming 0x1F0 bytes: every block's data is the next blocks' headers."""
    buf = header(1)
    head = len(buf)
    text = b"Subject: x\r\n\r\n"
    first = head + 16 + 0x200
    buf += struct.pack("<IIII", head, 0x200, len(text), first) + text.ljust(0x200, b"\0")
    for i in range(n):
        off = first + 16 * i
        nxt = off + 16 if i < n - 1 else 0
        buf += struct.pack("<IIII", off, 0x200, 0x1F0, nxt)
    buf += b"\0" * 0x200
    return bytes(buf)


class DbxLimits(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.TemporaryDirectory()
        d = cls.dir = os.path.join(cls.tmp.name, "oe")
        os.makedirs(d)
        cls.files = {"shared.dbx": shared_tail(60, 120), "stride.dbx": stride16(20000)}
        for name, data in cls.files.items():
            with open(os.path.join(d, name), "wb") as f:
                f.write(data)
        _, cls.m = lsutil.scan(cls.tmp.name, [d])

    @classmethod
    def tearDownClass(cls):
        cls.tmp.cleanup()

    def check(self, name):
        path = os.path.join(self.dir, name)
        recs = self.m.by_path(path)
        root = [r for r in recs if r["depth"] == 0][0]
        self.assertEqual(root["handler"], "dbx")
        msgs = [r for r in recs if r["depth"] == 1]
        self.assertTrue(msgs)
        self.assertLessEqual(sum(r["file"]["size"] for r in msgs), len(self.files[name]))
        return root

    def test_shared_tail_read_once(self):
        root = self.check("shared.dbx")
        self.assertIn("parse_error", root["coverage_reasons"], root["errors"])

    def test_blocks_inside_blocks(self):
        self.check("stride.dbx")


if __name__ == "__main__":
    unittest.main()
