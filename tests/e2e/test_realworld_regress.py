"""Regressions found by scanning real files (Debian's /usr/share/doc):
each test is the smallest generated input that reproduced the bug."""
import gzip
import json
import os
import subprocess
import tempfile
import unittest
import zlib

LEAKSIFT = os.environ.get("LEAKSIFT", "leaksift")


def scan(path, tmp):
    out = os.path.join(tmp, "m.jsonl")
    p = subprocess.run([LEAKSIFT, "scan", "-q", "-o", out, path], capture_output=True, text=True)
    assert p.returncode in (0, 1), p.stderr
    with open(out, encoding="utf-8") as f:
        return [r for r in map(json.loads, f) if r["record"] == "object"]


class GzippedTextIsNotMtree(unittest.TestCase):
    """libarchive's mtree bidder took a gzipped reStructuredText file (its
    first line a row of asterisks) for an mtree spec: hundreds of empty
    'members' with parse errors and duplicate_name alerts."""

    def test_one_member_full_coverage(self):
        text = (b"***********\nCollections\n***********\n\n"
                b"lazr.restful makes collections of data available through Pythonic\n"
                b"mechanisms like slices.\n\n    >>> from example import Client\n"
                b"    >>> service = Client()\n")
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "collections.rst.gz")
            with gzip.GzipFile(path, "wb", mtime=0) as f:
                f.write(text)
            objs = scan(path, tmp)
            self.assertEqual(len(objs), 2, [o["chain"] for o in objs])
            member = [o for o in objs if o["depth"] == 1][0]
            self.assertEqual(member["file"]["size"], len(text))
            for o in objs:
                self.assertEqual(o["coverage"], "full", o)
                self.assertEqual(o["alerts"], [])


class QsortInTheSandbox(unittest.TestCase):
    """glibc's qsort() calls sysinfo() for arrays over 1 KiB; the seccomp
    list lacked it and real PDFs killed the worker (worker_crash)."""

    def test_pdf_with_a_large_width_array(self):
        # a CIDFont /W array of 399 ranges: the PDF handler sorts it
        w = b" ".join(b"%d [%d]" % (i, 500 + i) for i in range(1, 400))
        objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
                b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
                b" /Resources << /Font << /F1 5 0 R >> >> >>"]
        content = b"BT /F1 12 Tf 72 720 Td <00480065006C006C006F> Tj ET"
        objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
        objs.append(b"<< /Type /Font /Subtype /Type0 /BaseFont /X /Encoding /Identity-H"
                    b" /DescendantFonts [6 0 R] >>")
        objs.append(b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /X /CIDSystemInfo"
                    b" << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /W [" + w + b"] >>")
        out = bytearray(b"%PDF-1.4\n")
        offsets = []
        for i, body in enumerate(objs, 1):
            offsets.append(len(out))
            out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
        xref = len(out)
        out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
        for off in offsets:
            out += b"%010d 00000 n \n" % off
        out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "many.pdf")
            with open(path, "wb") as f:
                f.write(out)
            (root,) = scan(path, tmp)
            self.assertNotIn("worker_crash", root["coverage_reasons"], root["errors"])
            self.assertEqual(root["handler"], "pdf")


if __name__ == "__main__":
    unittest.main()
